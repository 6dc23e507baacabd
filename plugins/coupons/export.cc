#include "paynext/sdk/module_export.h"

#include "coupons_module.h"

PAYNEXT_MODULE(paynext::plugins::coupons::CouponsModule)
