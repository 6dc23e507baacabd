// Carries an ABI stamp from a future SDK: the loader must refuse it before
// calling its factory.
#include <stdexcept>

#include "paynext/sdk/module_export.h"

PAYNEXT_EXPORT_ABI_STAMP({paynext::sdk::kAbiMagic, 999, POCO_VERSION, __GNUC__, PAYNEXT_LIBSTDCXX_RELEASE,
                          PAYNEXT_CXX11_ABI})

namespace {
std::shared_ptr<paynext::sdk::Module> create() { throw std::logic_error("must never be called"); }
}  // namespace
PAYNEXT_EXPORT_MODULE_FACTORY(create)
