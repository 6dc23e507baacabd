#include "hello_module.h"
#include "paynext/sdk/module_export.h"

PAYNEXT_MODULE(hello::HelloModule)
