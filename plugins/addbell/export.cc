#include "paynext/sdk/module_export.h"

#include "addbell_module.h"

PAYNEXT_MODULE(paynext::plugins::addbell::AddbellModule)
