#include "paynext/sdk/module_export.h"

#include "qualifications_module.h"

PAYNEXT_MODULE(paynext::plugins::qualifications::QualificationsModule)
