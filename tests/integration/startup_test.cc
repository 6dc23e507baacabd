// paynextd refuses to start on a bad command line or configuration, saying why.
#include <fstream>
#include <iterator>
#include <utility>
#include <vector>

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

// paynextd started on a fresh SQLite file with one extra setting stops with
// `message`; true when it did so before making the storage.
bool refusedBeforeStorage(const std::string& setting, const std::string& message) {
  TempDir dir;
  std::ofstream(dir.file("p.properties")) << "http.port = 0\nstorage.url = sqlite:" << dir.file("paynext.db")
                                          << "\nplugins.dir = " << dir.path() << "\n" << setting << "\n";
  const auto log = runToExit({"--config=" + dir.file("p.properties")}, 1);
  EXPECT_NE(std::string::npos, log.find(message)) << setting << "\n" << log;
  return !std::ifstream(dir.file("paynext.db")).good();
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

// Each bad setting stops start-up with its own message, before any storage is made.
TEST(StartupTest, BadConnectionAndSecretsSettingsAreFatalAndNamed) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"http.trustedProxies = 127.0.0.1, nginx.local",
       "start-up failed: Invalid argument: http.trustedProxies: not an address or network: nginx.local"},
      {"http.headTimeoutSeconds = 0",
       "start-up failed: Invalid argument: http.headTimeoutSeconds must be within (0, 3600] seconds"},
      {"http.maxConnectionsPerAddress = 0",
       "start-up failed: Invalid argument: http.maxConnectionsPerAddress must be a positive number"},
      {"http.client.maxReplyBytes = -1",
       "start-up failed: Invalid argument: http.client.maxReplyBytes must be a positive number"},
      {"secrets.key = c2hvcnQ=", "start-up failed: a secrets key must be base64 of 32 bytes"},
      {"tenancy.cacheMs = 1001", "start-up failed: Invalid argument: tenancy.cacheMs must be within [0, 1000] ms"},
      {"identity.tokenCacheMs = -1",
       "start-up failed: Invalid argument: identity.tokenCacheMs must be within [0, 1000] ms"},
      {"secrets.previousKeys = MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
       "start-up failed: secrets.previousKeys is set without secrets.key"},
  };
  for (const auto& [setting, message] : cases) {
    EXPECT_TRUE(refusedBeforeStorage(setting, message)) << setting << ": storage was made";
  }
}

// Worker settings are read once the storage is open (their defaults depend on it).
TEST(StartupTest, BadWorkerSettingsAreFatalAndNamed) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"worker.threads = 0", "start-up failed: Invalid argument: worker.threads must be a positive number"},
      {"worker.inlineSteps = sometimes",
       "start-up failed: Invalid argument: worker.inlineSteps must be true, false or auto"},
  };
  for (const auto& [setting, message] : cases) refusedBeforeStorage(setting, message);
}

}  // namespace
}  // namespace paynext::testing
