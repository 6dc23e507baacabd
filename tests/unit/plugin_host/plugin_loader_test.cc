#include "core/plugin_host/plugin_loader.h"

#include <gtest/gtest.h>

#include "core/plugin_host/module_registry.h"
#include "paynext/sdk/abi_stamp.h"

namespace paynext::core::plugin_host {
namespace {

std::string pluginFile(const std::string& name) {
  return std::string(PAYNEXT_TEST_PLUGIN_DIR) + "/" + name + "/paynext_" + name + ".so";
}

std::string refusal(const std::string& name) {
  try {
    loadPlugin(pluginFile(name));
  } catch (const PluginRefused& e) {
    return e.what();
  }
  return "not refused";
}

TEST(PluginLoaderTest, LoadsAGoodPluginAndReadsItsManifest) {
  auto m = loadPlugin(pluginFile("testkit"));
  EXPECT_EQ("testkit", m->name);
  EXPECT_EQ("测试模块", m->title);
  EXPECT_EQ("1.0.0", m->version);
  ASSERT_EQ(1u, m->actionTypes.size());
  EXPECT_EQ(900, m->actionTypes[0].code);
  EXPECT_EQ(2u, m->routes.size());  // /testkit/runs and /testkit/points
  EXPECT_EQ(1u, m->migrations.size());
}

TEST(PluginLoaderTest, RefusesAWrongAbiStampNamingBothSides) {
  const std::string expected = sdk::describe(sdk::currentAbiStamp());
  auto found = sdk::currentAbiStamp();
  found.sdkAbi = 999;
  EXPECT_EQ("plugin " + pluginFile("bad_abi") + " refused: expected ABI " + expected + ", found " +
                sdk::describe(found),
            refusal("bad_abi"));
}

TEST(PluginLoaderTest, RefusesAMissingEntryPoint) {
  EXPECT_EQ("plugin " + pluginFile("no_entry") + " refused: expected entry point paynext_create_module, found none",
            refusal("no_entry"));
}

TEST(PluginLoaderTest, RefusesAFactoryThatThrows) {
  EXPECT_EQ("plugin " + pluginFile("throwing_factory") + " refused: module factory threw: factory boom",
            refusal("throwing_factory"));
}

TEST(PluginLoaderTest, ARefusalCarriesItsFileAndReasonApart) {
  try {
    loadPlugin(pluginFile("throwing_factory"));
    FAIL();
  } catch (const PluginRefused& e) {
    EXPECT_EQ(pluginFile("throwing_factory"), e.file());
    EXPECT_EQ("module factory threw: factory boom", e.reason());
  }
}

TEST(PluginLoaderTest, RefusesAFileThatIsNotALibrary) {
  const std::string message = refusal("does_not_exist");
  EXPECT_EQ(0u, message.find("plugin " + pluginFile("does_not_exist") + " refused: cannot load: ")) << message;
}

TEST(ModuleRegistryTest, TypeCodeClaimedTwiceNamesBothFiles) {
  ModuleRegistry registry;
  registry.add(loadPlugin(pluginFile("testkit")));
  try {
    registry.add(loadPlugin(pluginFile("dup_type")));
    FAIL();
  } catch (const DuplicateActionType& e) {
    EXPECT_EQ("action type 900 is claimed by both " + pluginFile("testkit") + " and " + pluginFile("dup_type"),
              std::string(e.what()));
  }
  EXPECT_EQ(1u, registry.modules().size());
  EXPECT_EQ("testkit", registry.byType(900)->name);
  EXPECT_EQ(nullptr, registry.byType(901));
}

TEST(PluginFilesTest, ListsOnlyPaynextLibraries) {
  auto files = pluginFiles(std::string(PAYNEXT_TEST_PLUGIN_DIR) + "/testkit");
  ASSERT_EQ(1u, files.size());
  EXPECT_EQ(pluginFile("testkit"), files[0]);
}

}  // namespace
}  // namespace paynext::core::plugin_host
