#include "paynext/sdk/module_export.h"

#include "courses_module.h"

PAYNEXT_MODULE(paynext::plugins::courses::CoursesModule)
