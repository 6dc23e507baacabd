#include "paynext/sdk/module_export.h"

#include "errands_module.h"

PAYNEXT_MODULE(paynext::plugins::errands::ErrandsModule)
