#include "paynext/sdk/module_export.h"

#include "catering_module.h"

PAYNEXT_MODULE(paynext::plugins::catering::CateringModule)
