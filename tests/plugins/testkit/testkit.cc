#include "testkit_module.h"

PAYNEXT_MODULE(paynext::plugins::testkit::TestkitModule)
