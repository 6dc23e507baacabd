#include "paynext/sdk/module_export.h"

#include "knowledge_module.h"

PAYNEXT_MODULE(paynext::plugins::knowledge::KnowledgeModule)
