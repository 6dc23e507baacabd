#pragma once
// PAYNEXT_MODULE(Class) makes a shared object a paynext plugin: it exports the
// ABI stamp and a Boost.DLL alias for the factory that creates the module.
#include <memory>

#include <boost/dll/alias.hpp>

#include "paynext/sdk/abi_stamp.h"
#include "paynext/sdk/module.h"

namespace paynext::sdk {
using ModuleFactory = std::shared_ptr<Module>();
}  // namespace paynext::sdk

#define PAYNEXT_ABI_STAMP_SYMBOL paynext_abi_stamp
#define PAYNEXT_MODULE_FACTORY_SYMBOL paynext_create_module

#define PAYNEXT_EXPORT_ABI_STAMP(...) \
  extern "C" BOOST_SYMBOL_EXPORT const ::paynext::sdk::AbiStamp PAYNEXT_ABI_STAMP_SYMBOL = __VA_ARGS__;

#define PAYNEXT_EXPORT_MODULE_FACTORY(function) BOOST_DLL_ALIAS(function, paynext_create_module)

#define PAYNEXT_MODULE(ModuleClass)                                          \
  PAYNEXT_EXPORT_ABI_STAMP(PAYNEXT_ABI_STAMP_INIT)                           \
  namespace paynext_module_export {                                          \
  inline std::shared_ptr<::paynext::sdk::Module> create() {                  \
    return std::make_shared<ModuleClass>();                                  \
  }                                                                          \
  }                                                                          \
  PAYNEXT_EXPORT_MODULE_FACTORY(paynext_module_export::create)
