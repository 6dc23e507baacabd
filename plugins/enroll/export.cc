#include "paynext/sdk/module_export.h"

#include "enroll_module.h"

PAYNEXT_MODULE(paynext::plugins::enroll::EnrollModule)
