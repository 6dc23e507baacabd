#include "paynext/sdk/module_export.h"

#include "membership_module.h"

PAYNEXT_MODULE(paynext::plugins::membership::MembershipModule)
