#include "core/plugin_host/module_registry.h"

#include <gtest/gtest.h>

namespace paynext::core::plugin_host {
namespace {

TEST(ModuleRegistryRefusedTest, KeepsRefusedFilesInOrderApartFromModules) {
  ModuleRegistry registry;
  EXPECT_TRUE(registry.refused().empty());
  registry.refuse({"/plugins/paynext_a.so", "expected entry point paynext_create_module, found none"});
  registry.refuse({"/plugins/paynext_b.so", "module factory threw: boom"});
  ASSERT_EQ(2u, registry.refused().size());
  EXPECT_EQ("/plugins/paynext_a.so", registry.refused()[0].file);
  EXPECT_EQ("expected entry point paynext_create_module, found none", registry.refused()[0].reason);
  EXPECT_EQ("/plugins/paynext_b.so", registry.refused()[1].file);
  EXPECT_EQ("module factory threw: boom", registry.refused()[1].reason);
  EXPECT_TRUE(registry.modules().empty());
}

}  // namespace
}  // namespace paynext::core::plugin_host
