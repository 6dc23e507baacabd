#include "paynext/sdk/module_export.h"

#include "orders_module.h"

PAYNEXT_MODULE(paynext::plugins::orders::OrdersModule)
