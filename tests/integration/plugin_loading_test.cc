// paynextd with broken plugins next to good ones.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "paynext/sdk/abi_stamp.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

std::string testPlugin(const std::string& name) {
  return std::string(PAYNEXT_TEST_PLUGIN_DIR) + "/" + name + "/paynext_" + name + ".so";
}

TEST(PluginLoadingTest, RefusedPluginsAreLoggedAndTheServerRuns) {
  PaynextEnv env(EnvOptions{{"test:testkit", "test:bad_abi", "test:no_entry", "test:throwing_factory"}, {}, false});
  auto r = env.admin("GET", "/plugins");
  ASSERT_EQ(200, r.status);
  EXPECT_NE(std::string::npos, r.body.find("\"name\":\"testkit\""));
  EXPECT_EQ(std::string::npos, r.body.find("bad_abi"));
  const std::string log = env.log();
  const std::string dir = env.dir().file("plugins");
  EXPECT_NE(std::string::npos, log.find("plugin " + dir + "/paynext_bad_abi.so refused: expected ABI sdk-abi=" + std::to_string(sdk::kAbiVersion)));
  EXPECT_NE(std::string::npos, log.find("found sdk-abi=999"));
  EXPECT_NE(std::string::npos,
            log.find("plugin " + dir + "/paynext_no_entry.so refused: expected entry point paynext_create_module"));
  EXPECT_NE(std::string::npos,
            log.find("plugin " + dir + "/paynext_throwing_factory.so refused: module factory threw: factory boom"));
  EXPECT_NE(std::string::npos, log.find("loaded module testkit 1.0.0 (测试模块) types [900]"));
}

TEST(PluginLoadingTest, TypeClaimedTwiceStopsStartUpNamingBothFiles) {
  TempDir dir;
  std::filesystem::create_directories(dir.file("plugins"));
  std::filesystem::create_symlink(testPlugin("testkit"), dir.file("plugins/paynext_testkit.so"));
  std::filesystem::create_symlink(testPlugin("dup_type"), dir.file("plugins/paynext_dup_type.so"));
  {
    std::ofstream out(dir.file("p.properties"));
    out << "http.port = 0\nstorage.url = sqlite:" << dir.file("db") << "\nplugins.dir = " << dir.file("plugins") << "\n";
  }
  ChildProcess server(PAYNEXTD_BIN, {"--config=" + dir.file("p.properties")}, dir.file("log"));
  EXPECT_EQ(1, server.wait(30000));
  std::ifstream in(dir.file("log"));
  std::string log((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(std::string::npos, log.find("action type 900 is claimed by both " + dir.file("plugins/paynext_dup_type.so") +
                                        " and " + dir.file("plugins/paynext_testkit.so")))
      << log;
}

}  // namespace
}  // namespace paynext::testing
