// paynextd with broken plugins next to good ones: refused files stay out but
// are listed (admin API, metrics, CLI); a type code or a route claimed twice
// stops start-up naming both owners.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "paynext/sdk/abi_stamp.h"
#include "tests/integration/support/paynext_env.h"
#include "tests/integration/support/program_run.h"

namespace paynext::testing {
namespace {

std::string testPlugin(const std::string& name) {
  return std::string(PAYNEXT_TEST_PLUGIN_DIR) + "/" + name + "/paynext_" + name + ".so";
}

// The bad_abi plugin's refusal: this build's stamp against SDK ABI 999.
std::string badAbiReason() {
  auto found = sdk::currentAbiStamp();
  found.sdkAbi = 999;
  return "expected ABI " + sdk::describe(sdk::currentAbiStamp()) + ", found " + sdk::describe(found);
}

// paynextd over a plugins folder holding the named test plugins: its exit
// status (it must not start) and its log.
std::pair<int, std::string> failedStartUp(const TempDir& dir, const std::vector<std::string>& plugins) {
  std::filesystem::create_directories(dir.file("plugins"));
  for (const auto& p : plugins) {
    std::filesystem::create_symlink(testPlugin(p), dir.file("plugins/paynext_" + p + ".so"));
  }
  {
    std::ofstream out(dir.file("p.properties"));
    out << "http.port = 0\nstorage.url = sqlite:" << dir.file("db") << "\nplugins.dir = " << dir.file("plugins") << "\n";
  }
  ChildProcess server(PAYNEXTD_BIN, {"--config=" + dir.file("p.properties")}, dir.file("log"));
  const int status = server.wait(30000);
  std::ifstream in(dir.file("log"));
  return {status, std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())};
}

class RefusedPluginsTest : public ::testing::Test {
 protected:
  std::string plugin(const std::string& name) const { return env_.dir().file("plugins") + "/paynext_" + name + ".so"; }

  PaynextEnv env_{EnvOptions{{"test:testkit", "test:bad_abi", "test:no_entry", "test:throwing_factory"}, {}, false}};
};

TEST_F(RefusedPluginsTest, TheyAreLoggedAndTheServerRunsWithTheRest) {
  const std::string log = env_.log();
  EXPECT_NE(std::string::npos, log.find("plugin " + plugin("bad_abi") + " refused: " + badAbiReason()));
  EXPECT_NE(std::string::npos,
            log.find("plugin " + plugin("no_entry") +
                     " refused: expected entry point paynext_create_module, found none"));
  EXPECT_NE(std::string::npos,
            log.find("plugin " + plugin("throwing_factory") + " refused: module factory threw: factory boom"));
  EXPECT_NE(std::string::npos, log.find("loaded module testkit 1.0.0 (测试模块) types [900,901]"));
  EXPECT_EQ("ready: database ok, 1 plugins\n", env_.api().get("/readyz").body);
}

TEST_F(RefusedPluginsTest, TheAdminApiListsEachWithTheLoadersReason) {
  auto r = env_.admin("GET", "/plugins");
  ASSERT_EQ(200, r.status) << r.body;
  auto json = r.json();
  auto modules = json->getArray("modules");
  ASSERT_EQ(1u, modules->size()) << r.body;
  EXPECT_EQ("testkit", modules->getObject(0)->getValue<std::string>("name"));
  EXPECT_EQ(plugin("testkit"), modules->getObject(0)->getValue<std::string>("file"));
  auto refused = json->getArray("refused");
  ASSERT_EQ(3u, refused->size()) << r.body;
  const std::vector<std::pair<std::string, std::string>> expected{
      {plugin("bad_abi"), badAbiReason()},
      {plugin("no_entry"), "expected entry point paynext_create_module, found none"},
      {plugin("throwing_factory"), "module factory threw: factory boom"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    auto entry = refused->getObject(static_cast<unsigned>(i));
    std::vector<std::string> names;
    entry->getNames(names);
    EXPECT_EQ((std::vector<std::string>{"file", "reason"}), names);
    EXPECT_EQ(expected[i].first, entry->getValue<std::string>("file"));
    EXPECT_EQ(expected[i].second, entry->getValue<std::string>("reason"));
  }
  // Refused files are no modules: nothing to enable.
  env_.createFactory("f1", {});
  auto enable = env_.admin("PUT", "/factories/f1/modules/throwing_factory", "{\"enabled\":true}");
  EXPECT_EQ(404, enable.status);
  EXPECT_EQ("模块 throwing_factory 未加载", enable.json()->getObject("error")->getValue<std::string>("message"));
}

TEST_F(RefusedPluginsTest, TheMetricCountsThem) {
  const std::string text = env_.api().get("/metrics").body;
  EXPECT_NE(std::string::npos,
            text.find("# HELP paynext_plugins_refused Plugin files refused at start-up (GET /admin/api/plugins says "
                      "why).\n# TYPE paynext_plugins_refused gauge\npaynext_plugins_refused 3\n"))
      << text;
}

TEST_F(RefusedPluginsTest, TheCliShowsThemAfterTheModules) {
  const std::string url = "http://127.0.0.1:" + std::to_string(env_.serverPort());
  // The developer's own PAYNEXT_* settings must not leak into the runs.
  const std::map<std::string, std::string> env{{"PAYNEXT_URL", ""},      {"PAYNEXT_TOKEN", ""},
                                               {"PAYNEXT_TOKEN_FILE", ""}, {"PAYNEXT_CA_FILE", ""},
                                               {"HOME", ""}};
  auto r = runProgram(PAYNEXT_CLI_BIN, {"--url=" + url, std::string("--token=") + kAdminToken, "plugins"}, env);
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("", r.err);
  // Columns are padded to their widest cell plus two spaces; file paths are ASCII.
  auto pad = [](const std::string& text, std::size_t width) {
    return text + std::string(width + 2 - text.size(), ' ');
  };
  const std::size_t fileWidth = plugin("throwing_factory").size();
  EXPECT_EQ("NAME     TITLE     VERSION  ACTION TYPES  FILE\n"
            "testkit  测试模块  1.0.0    900,901       " + plugin("testkit") + "\n"
            "\n" +
                pad("REFUSED FILE", fileWidth) + "REASON\n" + pad(plugin("bad_abi"), fileWidth) + badAbiReason() +
                "\n" + pad(plugin("no_entry"), fileWidth) + "expected entry point paynext_create_module, found none\n" +
                pad(plugin("throwing_factory"), fileWidth) + "module factory threw: factory boom\n",
            r.out);

  r = runProgram(PAYNEXT_CLI_BIN, {"--url=" + url, std::string("--token=") + kAdminToken, "--json", "plugins"}, env);
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ(env_.admin("GET", "/plugins").body + "\n", r.out);
}

TEST(PluginLoadingTest, TypeClaimedTwiceStopsStartUpNamingBothFiles) {
  TempDir dir;
  auto [status, log] = failedStartUp(dir, {"testkit", "dup_type"});
  EXPECT_EQ(1, status);
  EXPECT_NE(std::string::npos, log.find("start-up failed: action type 900 is claimed by both " +
                                        dir.file("plugins/paynext_dup_type.so") + " and " +
                                        dir.file("plugins/paynext_testkit.so")))
      << log;
}

TEST(PluginLoadingTest, RouteClaimedTwiceStopsStartUpNamingBothFiles) {
  // dup_route answers GET /testkit/runs, which testkit serves for every method.
  TempDir dir;
  auto [status, log] = failedStartUp(dir, {"testkit", "dup_route"});
  EXPECT_EQ(1, status);
  EXPECT_NE(std::string::npos, log.find("start-up failed: route GET /{factory}/testkit/runs is claimed by both " +
                                        dir.file("plugins/paynext_dup_route.so") + " and " +
                                        dir.file("plugins/paynext_testkit.so")))
      << log;
}

TEST(PluginLoadingTest, ModuleRouteOnACorePathStopsStartUpNamingCoreAndTheFile) {
  TempDir dir;
  auto [status, log] = failedStartUp(dir, {"testkit", "core_route"});
  EXPECT_EQ(1, status);
  EXPECT_NE(std::string::npos, log.find("start-up failed: route POST /{factory}/user/m/login is claimed by both "
                                        "paynextd (core) and " +
                                        dir.file("plugins/paynext_core_route.so")))
      << log;
}

}  // namespace
}  // namespace paynext::testing
