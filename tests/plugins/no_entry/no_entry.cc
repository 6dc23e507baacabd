// A correct ABI stamp but no module factory.
#include "paynext/sdk/module_export.h"

PAYNEXT_EXPORT_ABI_STAMP(PAYNEXT_ABI_STAMP_INIT)
