#include "paynext/sdk/module_export.h"

#include "membercard_module.h"

PAYNEXT_MODULE(paynext::plugins::membercard::MembercardModule)
