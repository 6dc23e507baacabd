#include "paynext/sdk/module_export.h"

#include "episodes_module.h"

PAYNEXT_MODULE(paynext::plugins::episodes::EpisodesModule)
