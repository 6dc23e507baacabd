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
  ASSERT_EQ(2u, m->actionTypes.size());
  EXPECT_EQ(900, m->actionTypes[0].code);
  EXPECT_EQ(901, m->actionTypes[1].code);
  ASSERT_EQ(1u, m->jobs.size());
  EXPECT_EQ("tick", m->jobs[0].name);
  EXPECT_EQ(4u, m->routes.size());  // /testkit/runs, points, transfer and user
  EXPECT_EQ(2u, m->migrations.size());
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
  EXPECT_EQ(nullptr, registry.byType(902));
}

TEST(PluginFilesTest, ListsOnlyPaynextLibraries) {
  auto files = pluginFiles(std::string(PAYNEXT_TEST_PLUGIN_DIR) + "/testkit");
  ASSERT_EQ(1u, files.size());
  EXPECT_EQ(pluginFile("testkit"), files[0]);
}

std::string manifestRefusal(const LoadedModule& m) {
  try {
    checkManifest(m);
  } catch (const PluginRefused& e) {
    return e.reason();
  }
  return "not refused";
}

TEST(PluginLoaderTest, JobsAndServicesAreCheckedBeforeTheModuleIsUsed) {
  LoadedModule m;
  m.file = "/p/paynext_m.so";
  m.name = "m";
  EXPECT_EQ("not refused", manifestRefusal(m));
  const auto run = [](sdk::JobContext&) {};
  m.jobs = {{"Bad-Name", 60000, run}};
  EXPECT_EQ("expected a job name of [a-z0-9_], found 'Bad-Name'", manifestRefusal(m));
  m.jobs = {{"fast", 999, run}};
  EXPECT_EQ("job fast needs a period of at least 1000 ms and a function to run", manifestRefusal(m));
  m.jobs = {{"nothing", 1000, nullptr}};
  EXPECT_EQ("job nothing needs a period of at least 1000 ms and a function to run", manifestRefusal(m));
  m.jobs = {{"tick", 1000, run}, {"tick", 2000, run}};
  EXPECT_EQ("job tick is declared twice", manifestRefusal(m));
  m.jobs = {};
  m.services = {{"echo", 0, std::make_shared<sdk::Service>()}};
  EXPECT_EQ("service 'echo' v0 needs a name, a positive version and an instance", manifestRefusal(m));
  m.services = {{"echo", 1, nullptr}};
  EXPECT_EQ("service 'echo' v1 needs a name, a positive version and an instance", manifestRefusal(m));
}

}  // namespace
}  // namespace paynext::core::plugin_host
