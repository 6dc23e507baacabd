#include "paynext/sdk/module_export.h"

#include "blindbox_module.h"

PAYNEXT_MODULE(paynext::plugins::blindbox::BlindboxModule)
