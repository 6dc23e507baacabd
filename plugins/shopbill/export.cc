#include "paynext/sdk/module_export.h"

#include "shopbill_module.h"

PAYNEXT_MODULE(paynext::plugins::shopbill::ShopbillModule)
