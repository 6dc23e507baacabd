// A module factory that throws: the loader refuses the file, the server lives.
#include <stdexcept>

#include "paynext/sdk/module_export.h"

PAYNEXT_EXPORT_ABI_STAMP(PAYNEXT_ABI_STAMP_INIT)

namespace {
std::shared_ptr<paynext::sdk::Module> create() { throw std::runtime_error("factory boom"); }
}  // namespace
PAYNEXT_EXPORT_MODULE_FACTORY(create)
