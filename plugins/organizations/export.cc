#include "paynext/sdk/module_export.h"

#include "organizations_module.h"

PAYNEXT_MODULE(paynext::plugins::organizations::OrganizationsModule)
