#include "paynext/sdk/module_export.h"

#include "jdjingli_module.h"

PAYNEXT_MODULE(paynext::plugins::jdjingli::JdjingliModule)
