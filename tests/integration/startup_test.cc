// paynextd refuses to start on a bad command line or configuration, saying why.
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "tests/integration/support/child_process.h"
#include "tests/support/temp_dir.h"

namespace paynext::testing {
namespace {

std::string runToExit(const std::vector<std::string>& args, int expectedStatus) {
  TempDir dir;
  ChildProcess server(PAYNEXTD_BIN, args, dir.file("log"));
  EXPECT_EQ(expectedStatus, server.wait(30000));
  std::ifstream in(dir.file("log"));
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(StartupTest, UnknownArgumentPrintsUsage) {
  EXPECT_EQ("usage: paynextd [--config=FILE]\n", runToExit({"--bogus"}, 2));
}

TEST(StartupTest, MissingConfigFileIsFatal) {
  const auto log = runToExit({"--config=/nonexistent/paynext.properties"}, 1);
  EXPECT_NE(std::string::npos, log.find("start-up failed: File not found: /nonexistent/paynext.properties")) << log;
}

TEST(StartupTest, UnknownStorageSchemeIsFatal) {
  TempDir dir;
  { std::ofstream(dir.file("p.properties")) << "http.port = 0\nstorage.url = mysql:x\n"; }
  const auto log = runToExit({"--config=" + dir.file("p.properties")}, 1);
  EXPECT_NE(std::string::npos,
            log.find("start-up failed: storage.url must start with sqlite: or postgresql:, got 'mysql:x'"))
      << log;
}

}  // namespace
}  // namespace paynext::testing
