#include "paynext/sdk/module_export.h"

#include "cpmatch_module.h"

PAYNEXT_MODULE(paynext::plugins::cpmatch::CpmatchModule)
