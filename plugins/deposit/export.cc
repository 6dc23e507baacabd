#include "paynext/sdk/module_export.h"

#include "deposit_module.h"

PAYNEXT_MODULE(paynext::plugins::deposit::DepositModule)
