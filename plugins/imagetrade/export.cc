#include "paynext/sdk/module_export.h"

#include "imagetrade_module.h"

PAYNEXT_MODULE(paynext::plugins::imagetrade::ImageTradeModule)
