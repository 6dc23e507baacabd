#include "paynext/sdk/module_export.h"

#include "campus_module.h"

PAYNEXT_MODULE(paynext::plugins::campus::CampusModule)
