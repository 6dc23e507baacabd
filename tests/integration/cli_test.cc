// The admin CLI (tools/paynext_cli) run as a program against a real paynextd:
// tables, --json, exit codes, and `plugin inspect` without a server.
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <functional>

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/ServerSocket.h>

#include "tests/integration/support/db_probe.h"
#include "paynext/sdk/abi_stamp.h"
#include "tests/integration/support/paynext_env.h"
#include "tests/integration/support/program_run.h"
#include "tests/unit/payments/wxpay_v3/v3_test_keys.h"
#include "tests/support/test_certificates.h"

namespace paynext::testing {
namespace {

// The developer's own PAYNEXT_* settings and saved token (under HOME) must
// not leak into the runs.
const std::map<std::string, std::string> kCleanEnv{{"PAYNEXT_URL", ""},        {"PAYNEXT_TOKEN", ""},
                                                   {"PAYNEXT_TOKEN_FILE", ""}, {"PAYNEXT_PASSWORD", ""},
                                                   {"PAYNEXT_CA_FILE", ""},    {"HOME", ""}};

// paynext args with input on stdin, in the clean environment plus env.
ProgramRun paynext(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {},
                   const std::string& input = "") {
  auto all = kCleanEnv;
  for (const auto& [name, value] : env) all[name] = value;
  return runProgram(PAYNEXT_CLI_BIN, args, all, input);
}

using Refusals = std::vector<std::pair<std::vector<std::string>, std::string>>;

// Each command line is refused with nothing on stdout: a usage error (exit 2)
// with stderr starting with its message (the usage follows), or the API's
// refusal (exit 1) with stderr exactly its message.
void expectRefused(const std::function<ProgramRun(const std::vector<std::string>&)>& cli, int exitCode,
                   const Refusals& cases) {
  for (const auto& [args, message] : cases) {
    auto r = cli(args);
    EXPECT_EQ(exitCode, r.exitCode) << r.err;
    if (exitCode == 2) EXPECT_EQ(0u, r.err.find(message)) << r.err;
    else EXPECT_EQ(message, r.err);
    EXPECT_EQ("", r.out);
  }
}

EnvOptions testkitOnly(bool gatewaysim) {
  EnvOptions options;
  options.plugins = {"test:testkit"};
  options.gatewaysim = gatewaysim;
  return options;
}

std::string testPlugin(const std::string& name) {
  return std::string(PAYNEXT_TEST_PLUGIN_DIR) + "/" + name + "/paynext_" + name + ".so";
}

class CliTest : public ::testing::Test {
 protected:
  std::string url() const { return "http://127.0.0.1:" + std::to_string(env_.serverPort()); }
  // paynext --url=... --token=<admin token> args...
  ProgramRun cli(const std::vector<std::string>& args) {
    std::vector<std::string> all{"--url=" + url(), std::string("--token=") + kAdminToken};
    all.insert(all.end(), args.begin(), args.end());
    return paynext(all);
  }

  PaynextEnv env_{testkitOnly(false)};
};

TEST_F(CliTest, FactoryCreateAndListPrintTables) {
  auto r = cli({"factory", "create", "shop", "商店"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  // Widths count 汉字 as two columns: "商店" fills four, like "TITL".
  EXPECT_EQ("ID  NAME  TITLE  ENABLED\n"
            "1   shop  商店   yes\n",
            r.out);
  EXPECT_EQ("", r.err);
  ASSERT_EQ(0, cli({"factory", "create", "f2", "第二个工厂"}).exitCode);
  r = cli({"factory", "list"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("ID  NAME  TITLE       ENABLED\n"
            "1   shop  商店        yes\n"
            "2   f2    第二个工厂  yes\n",
            r.out);
}

TEST_F(CliTest, ModuleEnableThenListShowsEnabled) {
  ASSERT_EQ(0, cli({"factory", "create", "f1", "工厂"}).exitCode);
  auto r = cli({"module", "list", "f1"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("NAME     TITLE     VERSION  ENABLED  ACTION TYPES\n"
            "testkit  测试模块  1.0.0    no       900,901\n",
            r.out);
  r = cli({"module", "enable", "f1", "testkit"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("MODULE   TITLE     ENABLED\n"
            "testkit  测试模块  yes\n",
            r.out);
  r = cli({"module", "list", "f1"});
  EXPECT_EQ("NAME     TITLE     VERSION  ENABLED  ACTION TYPES\n"
            "testkit  测试模块  1.0.0    yes      900,901\n",
            r.out);
  r = cli({"module", "disable", "f1", "testkit"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_NE(std::string::npos, cli({"module", "list", "f1"}).out.find("1.0.0    no "));
}

TEST_F(CliTest, ConfigSetAndGet) {
  ASSERT_EQ(0, cli({"factory", "create", "f1", "工厂"}).exitCode);
  auto r = cli({"config", "set", "f1", "SMS_PRODUCT_NAME", "工厂商城"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("KEY               VALUE\nSMS_PRODUCT_NAME  工厂商城\n", r.out);
  ASSERT_EQ(0, cli({"config", "set", "f1", "A", "1"}).exitCode);
  r = cli({"config", "get", "f1"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("KEY               VALUE\nA                 1\nSMS_PRODUCT_NAME  工厂商城\n", r.out);
  r = cli({"config", "get", "f1", "SMS_PRODUCT_NAME"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("工厂商城\n", r.out);
  r = cli({"config", "get", "f1", "NOPE"});
  EXPECT_EQ(1, r.exitCode);
  EXPECT_EQ("paynext: 系统参数 NOPE 不存在\n", r.err);
}

TEST_F(CliTest, JsonOutputIsTheApisJson) {
  ASSERT_EQ(0, cli({"factory", "create", "f1", "工厂"}).exitCode);
  auto r = cli({"--json", "factory", "list"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  auto list = Poco::JSON::Parser().parse(r.out).extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(1u, list->size());
  EXPECT_EQ("工厂", list->getObject(0)->getValue<std::string>("title"));
  EXPECT_EQ(env_.admin("GET", "/factories").body + "\n", r.out);

  r = cli({"plugins", "--json"});  // options may follow the command
  ASSERT_EQ(0, r.exitCode) << r.err;
  auto plugins = Poco::JSON::Parser().parse(r.out).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ("testkit", plugins->getArray("modules")->getObject(0)->getValue<std::string>("name"));
  EXPECT_EQ(0u, plugins->getArray("refused")->size());

  ASSERT_EQ(0, cli({"config", "set", "f1", "A", "1"}).exitCode);
  r = cli({"--json", "config", "get", "f1", "A"});
  EXPECT_EQ("{\"A\":\"1\"}\n", r.out);
}

TEST_F(CliTest, PluginsListsTheLoadedModulesAndNoRefusedTableWhenNoneWasRefused) {
  auto r = cli({"plugins"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("NAME     TITLE     VERSION  ACTION TYPES  FILE\n"
            "testkit  测试模块  1.0.0    900,901       " + env_.dir().file("plugins") + "/paynext_testkit.so\n",
            r.out);
}

TEST_F(CliTest, ChannelSetSendsTheKeysAndShowsThemRedacted) {
  ASSERT_EQ(0, cli({"factory", "create", "f1", "工厂"}).exitCode);
  auto r = cli({"channel", "set", "f1", "wxpay", std::string("appId=") + kAppId, std::string("mchId=") + kMchId,
                std::string("apiKey=") + kApiKey, "signType=MD5", "gatewayUrl=http://127.0.0.1:9"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_NE(std::string::npos, r.out.find(kAppId));
  EXPECT_EQ(std::string::npos, r.out.find(kApiKey));  // keys are write-only
  r = cli({"channel", "set", "f1", "wxpay", "apikey=x"});
  EXPECT_EQ(2, r.exitCode);
  EXPECT_NE(std::string::npos, r.err.find("apikey=x"));
}

TEST_F(CliTest, ChannelSetTakesWechatV3KeysFromFiles) {
  namespace v3keys = core::payments::wxpay_v3::testing;
  ASSERT_EQ(0, cli({"factory", "create", "f1", "工厂"}).exitCode);
  TempDir dir;
  const std::string privateKey = v3keys::privatePemPkcs8(v3keys::merchantKey());
  const std::string keyFile = dir.file("apiclient_key.pem"), certFile = dir.file("platform.pem");
  std::ofstream(keyFile) << privateKey;
  std::ofstream(certFile) << v3keys::publicPem(v3keys::platformKey());
  auto r = cli({"channel", "set", "f1", "wxpay", "apiVersion=v3", std::string("appId=") + kAppId,
                std::string("mchId=") + kV3MchId, std::string("mchSerialNo=") + kV3MchSerial,
                "mchPrivateKey=@" + keyFile, std::string("apiV3Key=") + kApiV3Key,
                std::string("platformKey=") + kV3PlatformSerial + ":@" + certFile, "gatewayUrl=http://127.0.0.1:9"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_NE(std::string::npos, r.out.find("v3")) << r.out;
  EXPECT_EQ(std::string::npos, r.out.find("PRIVATE KEY"));  // write-only
  EXPECT_EQ(std::string::npos, r.out.find(kApiV3Key));
  r = cli({"--json", "channel", "show", "f1"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_NE(std::string::npos, r.out.find(std::string(R"("serialNo":")") + kV3PlatformSerial)) << r.out;
  EXPECT_EQ(std::string::npos, r.out.find("PRIVATE KEY"));

  r = cli({"channel", "set", "f1", "wxpay", "mchPrivateKey=@" + dir.file("missing.pem")});
  EXPECT_EQ(2, r.exitCode);
  EXPECT_EQ(0u, r.err.find("paynext: cannot read " + dir.file("missing.pem"))) << r.err;
}

TEST_F(CliTest, ApiErrorExitsOneWithTheApisMessage) {
  auto r = cli({"module", "list", "nosuch"});
  EXPECT_EQ(1, r.exitCode);
  EXPECT_EQ("", r.out);
  EXPECT_EQ("paynext: 工厂 nosuch 不存在 (HTTP 404)\n", r.err);
  ASSERT_EQ(0, cli({"factory", "create", "f1", "工厂"}).exitCode);
  r = cli({"factory", "create", "f1", "again"});
  EXPECT_EQ(1, r.exitCode);
  EXPECT_EQ("paynext: 工厂 f1 已存在 (HTTP 409)\n", r.err);
  r = cli({"payment", "show", "f1", "PNnope"});
  EXPECT_EQ(1, r.exitCode);
  EXPECT_EQ("paynext: 支付 PNnope 不存在 (HTTP 404)\n", r.err);
}

TEST_F(CliTest, BadTokenExitsOne) {
  auto r = paynext({"--url=" + url(), "--token=wrong", "factory", "list"});
  EXPECT_EQ(1, r.exitCode);
  EXPECT_EQ("paynext: 需要有效的管理员令牌 (HTTP 401)\n", r.err);
}

TEST_F(CliTest, UrlAndTokenComeFromTheEnvironment) {
  auto r = paynext({"factory", "list"}, {{"PAYNEXT_URL", url()}, {"PAYNEXT_TOKEN", kAdminToken}});
  EXPECT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("ID  NAME  TITLE  ENABLED\n", r.out);
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  auto r = paynext({"--url=" + url(), "factory", "list"});  // no token
  EXPECT_EQ(2, r.exitCode);
  EXPECT_NE(std::string::npos, r.err.find("paynext: an admin token is needed"));
  EXPECT_NE(std::string::npos, r.err.find("usage: paynext"));
  for (const auto& args : std::vector<std::vector<std::string>>{
           {},
           {"factory", "frobnicate"},
           {"factory", "create", "only-a-name"},
           {"--bogus", "factory", "list"},
           {"--status=PAID", "factory", "list"},
           {"plugin", "inspect"},
           {"--url=ftp://x", "factory", "list"},
           {"--ca-file=/nonexistent/ca.pem", "factory", "list"}}) {
    r = cli(args);
    EXPECT_EQ(2, r.exitCode) << r.err;
    EXPECT_NE(std::string::npos, r.err.find("usage: paynext")) << r.err;
  }
  EXPECT_NE(std::string::npos, cli({"factory", "frobnicate"}).err.find("paynext: unknown command: factory frobnicate"));
  r = paynext({"--help"});
  EXPECT_EQ(0, r.exitCode);
  for (const char* line : {"payment show FACTORY OUT_TRADE_ID", "payment close FACTORY OUT_TRADE_ID", "factory show NAME",
                           "factory enable NAME", "factory disable NAME", "config delete FACTORY KEY",
                           "channel show FACTORY", "audit [FACTORY] [--limit=N]", "login --user=NAME", "logout",
                           "admin create --user=NAME --role=platform|factory", "--ca-file=FILE", "--token-file=FILE"}) {
    EXPECT_NE(std::string::npos, r.out.find(line)) << line;
  }
}

TEST_F(CliTest, FactoryShowEnableAndDisable) {
  ASSERT_EQ(0, cli({"factory", "create", "f1", "工厂"}).exitCode);
  auto r = cli({"factory", "show", "f1"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("FIELD    VALUE\nenabled  yes\nid       1\nname     f1\ntitle    工厂\n\n"
            "MODULE   ENABLED\ntestkit  no\n",
            r.out);
  r = cli({"factory", "disable", "f1"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("ID  NAME  TITLE  ENABLED\n1   f1    工厂   no\n", r.out);
  EXPECT_FALSE(cli({"--json", "factory", "show", "f1"}).out.find("\"enabled\":false") == std::string::npos);
  r = cli({"factory", "enable", "f1"});
  EXPECT_EQ("ID  NAME  TITLE  ENABLED\n1   f1    工厂   yes\n", r.out);
  r = cli({"factory", "disable", "nosuch"});
  EXPECT_EQ(1, r.exitCode);
  EXPECT_EQ("", r.out);
  EXPECT_EQ("paynext: 工厂 nosuch 不存在 (HTTP 404)\n", r.err);
  EXPECT_EQ(2, cli({"factory", "enable"}).exitCode);
}

TEST_F(CliTest, ConfigDelete) {
  ASSERT_EQ(0, cli({"factory", "create", "f1", "工厂"}).exitCode);
  ASSERT_EQ(0, cli({"config", "set", "f1", "A", "1"}).exitCode);
  auto r = cli({"config", "delete", "f1", "A"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("", r.out);
  EXPECT_EQ("KEY  VALUE\n", cli({"config", "get", "f1"}).out);
  r = cli({"config", "delete", "f1", "A"});
  EXPECT_EQ(1, r.exitCode);
  EXPECT_EQ("paynext: 系统参数 A 不存在 (HTTP 404)\n", r.err);
}

TEST_F(CliTest, ChannelShowRedactsKeys) {
  ASSERT_EQ(0, cli({"factory", "create", "f1", "工厂"}).exitCode);
  auto r = cli({"channel", "show", "f1"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("CHANNEL  FIELD  VALUE\nwxpay    -      (not set)\nalipay   -      (not set)\n", r.out);
  ASSERT_EQ(0, cli({"channel", "set", "f1", "wxpay", std::string("appId=") + kAppId, std::string("mchId=") + kMchId,
                    std::string("apiKey=") + kApiKey, "signType=MD5", "gatewayUrl=http://127.0.0.1:9"})
                   .exitCode);
  r = cli({"channel", "show", "f1"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_NE(std::string::npos, r.out.find("wxpay    apiKeySet         yes\n")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("wxpay    apiClientKeySet   no\n")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find(std::string("wxpay    appId             ") + kAppId + "\n")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("alipay   -                 (not set)\n")) << r.out;
  EXPECT_EQ(std::string::npos, r.out.find(kApiKey));
  EXPECT_EQ(1, cli({"channel", "show", "nosuch"}).exitCode);
}

TEST_F(CliTest, AuditListsChangesNewestFirst) {
  ASSERT_EQ(0, cli({"factory", "create", "f1", "工厂"}).exitCode);
  ASSERT_EQ(0, cli({"config", "set", "f1", "A", "1"}).exitCode);
  auto r = cli({"audit"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ(0u, r.out.find("ID  AT (UTC)")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("admin.token  factory.create  f1")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("admin.token  config.set      A               1\n")) << r.out;
  r = cli({"audit", "f1", "--limit", "1"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ(2, std::count(r.out.begin(), r.out.end(), '\n')) << r.out;
  r = cli({"audit", "--limit=many"});
  EXPECT_EQ(1, r.exitCode);
  EXPECT_EQ("paynext: 参数 limit 应为 1 到 1000 的整数 (HTTP 400)\n", r.err);
  EXPECT_EQ("paynext: 工厂 nosuch 不存在 (HTTP 404)\n", cli({"audit", "nosuch"}).err);
  r = cli({"factory", "list", "--limit=1"});
  EXPECT_EQ(2, r.exitCode);
  EXPECT_EQ(0u, r.err.find("paynext: --limit applies to user show, audit only")) << r.err;
}

TEST_F(CliTest, AdminCreateThenLoginAsTheNewAdmin) {
  ASSERT_EQ(0, cli({"factory", "create", "f1", "工厂"}).exitCode);
  std::vector<std::string> args{"--url=" + url(), std::string("--token=") + kAdminToken,
                                "admin", "create", "--user=bob", "--role=factory", "--factory=f1", "--password-stdin"};
  auto r = paynext(args, {}, "bob-pass-1\n");
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("ID  USERNAME  ROLE     FACTORY ID\n1   bob       factory  1\n", r.out);
  r = cli({"admin", "list"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("ID  USERNAME  ROLE     FACTORY ID\n1   bob       factory  1\n", r.out);
  EXPECT_EQ("paynext: 工厂 nosuch 不存在 (HTTP 404)\n", cli({"admin", "list", "nosuch"}).err);
  r = paynext(args, {}, "bob-pass-1\n");
  EXPECT_EQ(1, r.exitCode);
  EXPECT_EQ(0u, r.err.find("paynext: ")) << r.err;
  EXPECT_NE(std::string::npos, r.err.find("(HTTP 409)")) << r.err;

  TempDir home;
  r = paynext({"--url=" + url(), "login", "--user=bob"}, {{"HOME", home.path()}, {"PAYNEXT_PASSWORD", "bob-pass-1"}});
  ASSERT_EQ(0, r.exitCode) << r.err;
  r = paynext({"--url=" + url(), "admin", "create", "--user=eve", "--role=platform"},
              {{"HOME", home.path()}, {"PAYNEXT_PASSWORD", "eve-pass-1"}});
  EXPECT_EQ(1, r.exitCode);
  EXPECT_EQ("paynext: 需要平台管理员权限 (HTTP 403)\n", r.err);

  r = paynext({"--url=" + url(), "--token=" + std::string(kAdminToken), "admin", "create", "--user=eve",
               "--role=factory", "--factory=nosuch"},
              {{"PAYNEXT_PASSWORD", "eve-pass-1"}});
  EXPECT_EQ(1, r.exitCode);
  EXPECT_EQ("paynext: 工厂 nosuch 不存在 (HTTP 404)\n", r.err);
}

TEST_F(CliTest, AdminCreateBadCommandLinesExitTwo) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"admin", "create", "--role=platform"}, "paynext: --user is needed"},
      {{"admin", "create", "--user=x"}, "paynext: --role is needed"},
      {{"admin", "create", "--user=x", "--role=boss"}, "paynext: --role is platform or factory, got boss"},
      {{"admin", "create", "--user=x", "--role=factory"}, "paynext: --factory=NAME goes with --role=factory"},
      {{"admin", "create", "--user=x", "--role=platform", "--factory=f1"}, "paynext: --factory=NAME goes with"},
      {{"admin", "create", "--user=x", "--role=platform"}, "paynext: no password"},
      {{"admin", "remove"}, "paynext: unknown command: admin remove"},
  };
  for (const auto& [args, message] : cases) {
    auto r = cli(args);
    EXPECT_EQ(2, r.exitCode) << r.err;
    EXPECT_EQ(0u, r.err.find(message)) << r.err;
  }
}

TEST_F(CliTest, UserAdjustShowAndList) {
  ASSERT_EQ(0, cli({"factory", "create", "f1", "工厂"}).exitCode);
  env_.userToken("f1", "13800000000");
  auto r = cli({"user", "adjust", "f1", "1", "--balance", "+12.50", "--points=+30", "--reason", "活动补偿"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("ID  USER  BALANCE(FEN)  POINTS  NOW BALANCE(FEN)  NOW POINTS  REFERENCE\n"
            "1   1     1250          30      1250              30          admin:admin.token:1\n",
            r.out);
  // A negative amount may follow its option as the next argument.
  r = cli({"user", "adjust", "f1", "1", "--balance", "-2.50", "--points", "-10", "--reason=扣回"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("ID  USER  BALANCE(FEN)  POINTS  NOW BALANCE(FEN)  NOW POINTS  REFERENCE\n"
            "2   1     -250          -10     1000              20          admin:admin.token:2\n",
            r.out);

  r = cli({"user", "show", "f1", "1"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ(0u, r.out.find("FIELD                VALUE\n"
                           "id                   1\n"
                           "mobile               13800000000\n"))
      << r.out;
  EXPECT_NE(std::string::npos, r.out.find("\nbalance (fen)        1000\n"
                                          "frozen (fen)         0\n"
                                          "points               20\n"
                                          "totalConsumed (fen)  0\n"))
      << r.out;
  EXPECT_NE(std::string::npos, r.out.find("\nID  AT (UTC)")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("points    -10     20     扣回      admin:admin.token:2\n")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("balance   1250    1250   活动补偿  admin:admin.token:1\n")) << r.out;
  r = cli({"--json", "user", "show", "f1", "1", "--limit=1"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ(1u, Poco::JSON::Parser().parse(r.out).extract<Poco::JSON::Object::Ptr>()->getArray("ledger")->size());

  r = cli({"user", "list", "f1", "--mobile=13800000000"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ(0u, r.out.find("ID  MOBILE       NICK  BALANCE(FEN)  FROZEN(FEN)  POINTS  CREATED (UTC)\n"
                           "1   13800000000        1000          0            20      "))
      << r.out;
  r = cli({"user", "list", "f1", "--mobile=13900000000"});
  EXPECT_EQ("ID  MOBILE  NICK  BALANCE(FEN)  FROZEN(FEN)  POINTS  CREATED (UTC)\n", r.out);
}

TEST_F(CliTest, UserAdjustRefusalsChangeNothing) {
  ASSERT_EQ(0, cli({"factory", "create", "f1", "工厂"}).exitCode);
  env_.userToken("f1", "13800000000");
  ASSERT_EQ(0, cli({"user", "adjust", "f1", "1", "--points=30", "--reason=起始"}).exitCode);
  DbProbe db(env_.storage());
  auto state = [&] {
    return db.text("SELECT balance || '/' || points FROM wallets") + " " +
           std::to_string(db.count("SELECT COUNT(*) FROM ledger_entries")) + " " +
           std::to_string(db.count("SELECT COUNT(*) FROM admin_audit"));
  };
  const std::string before = state();
  const auto run = [this](const std::vector<std::string>& args) { return cli(args); };
  expectRefused(run, 2, {
      {{"user", "adjust", "f1", "1", "--points=5"}, "paynext: --reason is needed"},
      {{"user", "adjust", "f1", "1", "--reason=r"}, "paynext: --balance=+YUAN|-YUAN or --points=+N|-N is needed"},
      {{"user", "adjust", "f1", "--points=5", "--reason=r"}, "paynext: usage: paynext user adjust FACTORY USER_ID"},
      {{"user", "show", "f1", "1", "--mobile=1"}, "paynext: --mobile applies to user list only"},
      {{"user", "list", "f1", "--points=1"}, "paynext: --points applies to payment refund, user adjust only"},
  });
  expectRefused(run, 1, {
      {{"user", "adjust", "f1", "1", "--balance=12.50", "--reason=r"},
       "paynext: 参数 balance 格式错误,应为带 + 或 - 号、不超过两位小数的金额(元),如 +12.50 或 -3 (HTTP 400)\n"},
      {{"user", "adjust", "f1", "1", "--balance=+0", "--reason=r"}, "paynext: 参数 balance 不能为 0 (HTTP 400)\n"},
      {{"user", "adjust", "f1", "1", "--points=1,5", "--reason=r"},
       "paynext: 参数 points 格式错误,应为整数,如 +10 或 -10 (HTTP 400)\n"},
      {{"user", "adjust", "f1", "1", "--points", "-31", "--reason=r"},
       "paynext: 积分不足:现有 30 积分,不能扣减 31 积分 (HTTP 409)\n"},
      {{"user", "adjust", "f1", "1", "--balance=-0.01", "--reason=r"},
       "paynext: 余额不足:现有 0.00 元,不能扣减 0.01 元 (HTTP 409)\n"},
      {{"user", "adjust", "f1", "1", "--points=5", "--reason= "}, "paynext: 缺少参数 reason (HTTP 400)\n"},
      {{"user", "adjust", "f1", "99", "--points=5", "--reason=r"}, "paynext: 用户 99 不存在 (HTTP 404)\n"},
      {{"user", "adjust", "nosuch", "1", "--points=5", "--reason=r"}, "paynext: 工厂 nosuch 不存在 (HTTP 404)\n"},
      {{"user", "show", "f1", "99"}, "paynext: 用户 99 不存在 (HTTP 404)\n"},
  });
  EXPECT_EQ(before, state());
  auto help = paynext({"--help"});
  EXPECT_NE(std::string::npos, help.out.find("user adjust FACTORY USER_ID [--balance=+YUAN|-YUAN] [--points=+N|-N] "
                                             "--reason=TEXT"));
  EXPECT_NE(std::string::npos, help.out.find("user show FACTORY USER_ID [--limit=N]"));
  EXPECT_NE(std::string::npos, help.out.find("user list FACTORY [--mobile=M]"));
}

// login saves a token only its owner can read; later commands use it; logout
// deletes it.
class CliLoginTest : public CliTest {
 protected:
  void SetUp() override {
    ASSERT_EQ(0, cli({"factory", "create", "f1", "工厂"}).exitCode);
    ASSERT_EQ(0, cli({"factory", "create", "f2", "工厂二"}).exitCode);
    ASSERT_EQ(201, env_.admin("POST", "/admins",
                              R"({"username":"alice","password":"alice-pass-1","role":"factory","factory":"f1"})")
                       .status);
  }
  std::map<std::string, std::string> tokenEnv() const {
    return {{"PAYNEXT_URL", url()}, {"PAYNEXT_TOKEN_FILE", tokenFile_}};
  }

  TempDir home_;
  std::string tokenFile_ = home_.file("tokens/paynext-token");
};

TEST_F(CliLoginTest, LoginSavesTheTokenForLaterCommandsAndLogoutDeletesIt) {
  auto r = paynext({"login", "--user=alice", "--password-stdin"}, tokenEnv(), "alice-pass-1\n");
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ(0u, r.out.find("logged in as alice, token saved in " + tokenFile_ + " until ")) << r.out;
  struct stat st {};
  ASSERT_EQ(0, ::stat(tokenFile_.c_str(), &st));
  EXPECT_EQ(0600, st.st_mode & 0777);
  std::string token;
  std::ifstream(tokenFile_) >> token;
  EXPECT_EQ(std::string::npos, r.out.find(token));  // never printed

  r = paynext({"factory", "list"}, tokenEnv());  // alice's token: her factory only
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("ID  NAME  TITLE  ENABLED\n1   f1    工厂   yes\n", r.out);
  r = paynext({"factory", "list", "--token=" + std::string(kAdminToken)}, tokenEnv());  // --token wins
  EXPECT_NE(std::string::npos, r.out.find("f2")) << r.out;

  r = paynext({"logout"}, tokenEnv());
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("logged out, removed " + tokenFile_ + "\n", r.out);
  EXPECT_FALSE(std::ifstream(tokenFile_).good());
  r = paynext({"factory", "list"}, tokenEnv());
  EXPECT_EQ(2, r.exitCode);
  EXPECT_EQ(0u, r.err.find("paynext: an admin token is needed: paynext login --user=NAME")) << r.err;
  EXPECT_EQ("not logged in, no " + tokenFile_ + "\n", paynext({"logout"}, tokenEnv()).out);
}

TEST_F(CliLoginTest, PasswordFromTheEnvironmentAndTokenInHomeByDefault) {
  auto r = paynext({"--url=" + url(), "login", "--user", "alice"},
                   {{"HOME", home_.path()}, {"PAYNEXT_PASSWORD", "alice-pass-1"}});
  ASSERT_EQ(0, r.exitCode) << r.err;
  const std::string file = home_.file(".config/paynext/token");
  EXPECT_NE(std::string::npos, r.out.find(file)) << r.out;
  r = paynext({"--url=" + url(), "--json", "factory", "list"}, {{"HOME", home_.path()}});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ(1u, Poco::JSON::Parser().parse(r.out).extract<Poco::JSON::Array::Ptr>()->size());
}

TEST_F(CliLoginTest, ASavedTokenTheServerRefusesSaysToLogInAgain) {
  std::ofstream(home_.file("stale")) << "no-longer-valid\n";
  auto r = paynext({"factory", "list"}, {{"PAYNEXT_URL", url()}, {"PAYNEXT_TOKEN_FILE", home_.file("stale")}});
  EXPECT_EQ(1, r.exitCode);
  EXPECT_EQ("paynext: 需要有效的管理员令牌; the saved token may have expired: paynext login --user=NAME (HTTP 401)\n",
            r.err);
}

TEST_F(CliLoginTest, WrongPasswordWritesNoFile) {
  auto r = paynext({"login", "--user=alice", "--password-stdin"}, tokenEnv(), "wrong-pass\n");
  EXPECT_EQ(1, r.exitCode);
  EXPECT_EQ("", r.out);
  EXPECT_EQ("paynext: 用户名或密码错误 (HTTP 401)\n", r.err);
  EXPECT_FALSE(std::ifstream(tokenFile_).good());
}

TEST_F(CliLoginTest, BadLoginCommandLinesExitTwo) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"login"}, "paynext: --user is needed"},
      {{"login", "--user=alice"}, "paynext: no password: give it with --password-stdin or PAYNEXT_PASSWORD"},
      {{"login", "--user=alice", "--password-stdin"}, "paynext: the password is empty"},
      {{"login", "--user=alice", "--password=alice-pass-1"}, "paynext: "},  // no such option
      {{"factory", "list", "--user=alice"}, "paynext: --user applies to login"},
  };
  for (const auto& [args, message] : cases) {
    auto r = paynext(args, tokenEnv());
    EXPECT_EQ(2, r.exitCode) << r.err;
    EXPECT_EQ(0u, r.err.find(message)) << r.err;
  }
  auto r = paynext({"--url=" + url(), "login", "--user=alice"}, {{"PAYNEXT_PASSWORD", "alice-pass-1"}});  // no HOME
  EXPECT_EQ(2, r.exitCode);
  EXPECT_EQ(0u, r.err.find("paynext: no place for the token: HOME is not set")) << r.err;
}

// A chain step that fails, seen and retried through the CLI.
class CliPaymentTest : public ::testing::Test {
 protected:
  explicit CliPaymentTest(EnvOptions options = testkitOnly(true)) : env_(std::move(options)) {}
  ProgramRun cli(const std::vector<std::string>& args) {
    std::vector<std::string> all{"--url=http://127.0.0.1:" + std::to_string(env_.serverPort()),
                                 std::string("--token=") + kAdminToken};
    all.insert(all.end(), args.begin(), args.end());
    return paynext(all);
  }

  PaynextEnv env_;
  DbProbe db_{env_.storage()};
};

TEST_F(CliPaymentTest, ListShowAndRetry) {
  env_.createFactory("f1", {"testkit"});
  ASSERT_EQ(0, cli({"config", "set", "f1", "MODE", "fail"}).exitCode);
  auto pay = env_.call("f1", "/pay/wx/wxapp",
                       {{"token", env_.userToken("f1", "13800000000")},
                        {"money", "1.00"},
                        {"nextAction", "{type:900, mode:{from:'config', key:'MODE'}}"}});
  ASSERT_EQ(0, pay->getValue<int>("code")) << pay->getValue<std::string>("msg");
  const auto out = pay->getObject("data")->getValue<std::string>("outTradeId");
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'FAILED'") == 1; }));

  auto r = cli({"payment", "list", "f1", "--status=PAID"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ(0u, r.out.find("OUT TRADE ID"));
  EXPECT_NE(std::string::npos, r.out.find(out));
  EXPECT_NE(std::string::npos, r.out.find("100"));
  r = cli({"payment", "list", "f1", "--status=CLOSED"});
  EXPECT_EQ(std::string::npos, r.out.find(out));

  r = cli({"payment", "show", "f1", out});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_NE(std::string::npos, r.out.find("outTradeId"));
  EXPECT_NE(std::string::npos, r.out.find("\nSEQ  TYPE  MODULE   STATUS  ATTEMPTS  LAST ERROR\n0    900   testkit  FAILED"))
      << r.out;

  ASSERT_EQ(0, cli({"config", "set", "f1", "MODE", "done"}).exitCode);
  r = cli({"payment", "retry", "f1", out});
  ASSERT_EQ(0, r.exitCode) << r.err;
  ASSERT_TRUE(eventually([&] { return db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'") == 1; }));
  r = cli({"--json", "payment", "show", "f1", out});
  auto steps = Poco::JSON::Parser().parse(r.out).extract<Poco::JSON::Object::Ptr>()->getArray("steps");
  EXPECT_EQ("DONE", steps->getObject(0)->getValue<std::string>("status"));
  r = cli({"payment", "retry", "f1", out});
  EXPECT_EQ(1, r.exitCode);
  EXPECT_EQ("paynext: 支付 " + out + " 没有失败的步骤 (HTTP 409)\n", r.err);
}

TEST_F(CliPaymentTest, CloseAnUnpaidPayment) {
  env_.createFactory("f1", {});
  auto pay = env_.call("f1", "/pay/wx/wxapp", {{"token", env_.userToken("f1", "13800000000")}, {"money", "1.00"}});
  ASSERT_EQ(0, pay->getValue<int>("code")) << pay->getValue<std::string>("msg");
  const auto out = pay->getObject("data")->getValue<std::string>("outTradeId");
  auto r = cli({"payment", "close", "f1", out});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_NE(std::string::npos, r.out.find("CLOSED")) << r.out;
  EXPECT_EQ("CLOSED", db_.text("SELECT status FROM payments"));
  r = cli({"payment", "close", "f1", out});
  EXPECT_EQ(1, r.exitCode);
  EXPECT_EQ("paynext: 只能关闭未支付的支付 (HTTP 409)\n", r.err);
  EXPECT_EQ("paynext: 支付 PNnope 不存在 (HTTP 404)\n", cli({"payment", "close", "f1", "PNnope"}).err);
}

// Refunds of a WeChat Pay v2 payment through the CLI: the simulator takes the
// merchant certificate over plain HTTP (--secapi-without-tls).
class CliRefundTest : public CliPaymentTest {
 protected:
  CliRefundTest() : CliPaymentTest(options()) {}
  static EnvOptions options() {
    EnvOptions o = testkitOnly(true);
    o.simArgs = {"--secapi-without-tls"};
    return o;
  }
  void SetUp() override {
    env_.createFactory("f1", {"testkit"});
    env_.useWxpayV2Certificate("f1", certs_.certificate(), certs_.privateKey());
  }
  // A WeChat payment of `money` yuan, paid and its chain done.
  std::string paid(const std::string& money) {
    auto pay = env_.call("f1", "/pay/wx/wxapp",
                         {{"token", env_.userToken("f1", "13800000000")}, {"money", money}, {"nextAction", "{type:900}"}});
    EXPECT_EQ(0, pay->getValue<int>("code")) << pay->getValue<std::string>("msg");
    const auto out = pay->getObject("data")->getValue<std::string>("outTradeId");
    env_.simPay(out);
    EXPECT_TRUE(eventually([&] { return db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'") == 1; }));
    return out;
  }
  // Everything a refusal must leave as it was.
  std::string state() {
    return db_.text("SELECT balance || '/' || points FROM wallets") + " refunds=" +
           std::to_string(db_.count("SELECT COUNT(*) FROM refunds")) +
           " ledger=" + std::to_string(db_.count("SELECT COUNT(*) FROM ledger_entries")) +
           " audit=" + std::to_string(db_.count("SELECT COUNT(*) FROM admin_audit"));
  }

  TestCertificates certs_;
};

TEST_F(CliRefundTest, RefundInYuanIsSentInFenAndShownByPaymentShow) {
  const auto out = paid("10.00");
  ASSERT_EQ(1000, db_.count("SELECT balance FROM wallets"));
  auto r = cli({"payment", "refund", "f1", out, "4.5", "--reason", "商品缺货", "--refund-no=RF-cli-1"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ(0u, r.out.find("REFUND NO  AMOUNT(FEN)  POINTS  STATUS")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("\nRF-cli-1   450          0       ")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("商品缺货")) << r.out;
  EXPECT_EQ(450, db_.count("SELECT amount FROM refunds WHERE out_refund_no = 'RF-cli-1'"));
  EXPECT_EQ(550, db_.count("SELECT balance FROM wallets"));
  ASSERT_TRUE(eventually([&] { return db_.text("SELECT status FROM refunds") == "SUCCESS"; }));

  // The same refund number again is the same refund: nothing more is taken.
  r = cli({"payment", "refund", "f1", out, "4.50", "--reason=商品缺货", "--refund-no=RF-cli-1"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_NE(std::string::npos, r.out.find("\nRF-cli-1   450          0       SUCCESS")) << r.out;
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM refunds"));
  EXPECT_EQ(550, db_.count("SELECT balance FROM wallets"));

  r = cli({"payment", "show", "f1", out});
  ASSERT_EQ(0, r.exitCode) << r.err;
  const auto refunds = r.out.find("\nREFUND NO  AMOUNT(FEN)  POINTS  STATUS   REASON    FAILURE  ACTOR");
  ASSERT_NE(std::string::npos, refunds) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("\nRF-cli-1   450          0       SUCCESS  商品缺货           admin.token  ", refunds))
      << r.out;
  r = cli({"--json", "payment", "show", "f1", out});
  auto json = Poco::JSON::Parser().parse(r.out).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(450, json->getArray("refunds")->getObject(0)->getValue<int>("amount"));
}

TEST_F(CliRefundTest, APaymentWithoutRefundsShowsNoRefundTable) {
  const auto out = paid("1.00");
  auto r = cli({"payment", "show", "f1", out});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ(std::string::npos, r.out.find("REFUND NO")) << r.out;
}

TEST_F(CliRefundTest, RefusalsChangeNothing) {
  const auto out = paid("10.00");
  const std::string before = state();
  const std::string badAmount = "paynext: AMOUNT_YUAN must be yuan with at most two decimals, e.g. 1.00, not ";
  const auto run = [this](const std::vector<std::string>& args) { return cli(args); };
  expectRefused(run, 2, {
      {{"payment", "refund", "f1", out, "1.001", "--reason=r"}, badAmount + "1.001\n"},
      {{"payment", "refund", "f1", out, "+1", "--reason=r"}, badAmount + "+1\n"},
      {{"payment", "refund", "f1", out, "1e2", "--reason=r"}, badAmount + "1e2\n"},
      {{"payment", "refund", "f1", out, "", "--reason=r"}, badAmount + "\n"},
      {{"payment", "refund", "f1", out, "1.00"}, "paynext: --reason is needed\n"},
      {{"payment", "refund", "f1", out, "1.00", "--reason=r", "--points=x"},
       "paynext: --points must be a whole number of points, not x\n"},
      {{"payment", "refund", "f1", out, "1.00", "--reason=r", "--points=-1"},
       "paynext: --points must be a whole number of points, not -1\n"},
      {{"payment", "refund", "f1", out, "--reason=r"},
       "paynext: usage: paynext payment refund FACTORY OUT_TRADE_ID AMOUNT_YUAN --reason=TEXT"},
      {{"payment", "show", "f1", out, "--refund-no=x"}, "paynext: --refund-no applies to payment refund only\n"},
  });
  // The server's refusals, in its own words.
  expectRefused(run, 1, {
      {{"payment", "refund", "f1", out, "10.01", "--reason=r"},
       "paynext: 退款金额 10.01 元超过可退金额 10.00 元 (HTTP 409)\n"},
      {{"payment", "refund", "f1", "PNnope", "1.00", "--reason=r"}, "paynext: 支付 PNnope 不存在 (HTTP 404)\n"},
      {{"payment", "refund", "f1", out, "1.00", "--reason=r", "--refund-no=bad no"},
       "paynext: 参数 refundNo 应为 1 到 64 个字母、数字或 _-|*@ (HTTP 400)\n"},
      {{"payment", "refund", "f1", out, "0", "--reason=r"},
       "paynext: 参数 amount 与 points 至少一项大于 0 (HTTP 400)\n"},
  });
  EXPECT_EQ(before, state());
  EXPECT_EQ(0u, env_.sim().get("/sim/refunds?mch_id=" + std::string(kMchId)).json()->getArray("refunds")->size());
}

TEST(CliOfflineTest, UnreachableServerExitsThree) {
  int port = 0;
  {
    Poco::Net::ServerSocket socket(0);  // a port just freed: nothing listens there
    port = socket.address().port();
  }
  auto r = paynext({"--url=http://127.0.0.1:" + std::to_string(port), "--token=x", "factory", "list"});
  EXPECT_EQ(3, r.exitCode);
  EXPECT_EQ(0u, r.err.find("paynext: cannot reach http://127.0.0.1:" + std::to_string(port))) << r.err;
}

// paynextd serving its admin API over HTTPS with a certificate from a test CA.
class CliHttpsTest : public ::testing::Test {
 protected:
  static EnvOptions httpsServer(const TestCertificates& certs, const TempDir& dir) {
    EnvOptions o = testkitOnly(false);
    o.config = {{"https.port", "0"},
                {"https.certificateFile", certs.certificate()},
                {"https.privateKeyFile", certs.privateKey()},
                {"https.portFile", dir.file("https.port")}};
    return o;
  }
  std::string httpsUrl(const std::string& host = "127.0.0.1") const {
    int port = 0;
    std::ifstream(dir_.file("https.port")) >> port;
    return "https://" + host + ":" + std::to_string(port);
  }

  TestCertificates certs_;
  TempDir dir_;
  PaynextEnv env_{httpsServer(certs_, dir_)};
};

TEST_F(CliHttpsTest, TrustedThroughCaFileOptionOrEnvironment) {
  const std::string token = std::string("--token=") + kAdminToken;
  auto r = paynext({"--url=" + httpsUrl(), "--ca-file=" + certs_.ca(), token, "factory", "create", "f1", "工厂"});
  ASSERT_EQ(0, r.exitCode) << r.err;
  r = paynext({"--url=" + httpsUrl("localhost"), token, "factory", "list"}, {{"PAYNEXT_CA_FILE", certs_.ca()}});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ("ID  NAME  TITLE  ENABLED\n1   f1    工厂   yes\n", r.out);
}

TEST_F(CliHttpsTest, UntrustedCertificateIsRefused) {
  auto r = paynext({"--url=" + httpsUrl(), std::string("--token=") + kAdminToken, "factory", "list"});
  EXPECT_EQ(3, r.exitCode);
  EXPECT_EQ("", r.out);
  EXPECT_EQ(0u, r.err.find("paynext: TLS with " + httpsUrl() + " failed: ")) << r.err;
  EXPECT_NE(std::string::npos, r.err.find("certificate verify failed")) << r.err;
  EXPECT_NE(std::string::npos, r.err.find("--ca-file=FILE or PAYNEXT_CA_FILE")) << r.err;
}

TEST(CliPluginInspectTest, PrintsTheManifestOfAGoodPlugin) {
  auto r = paynext({"plugin", "inspect", testPlugin("testkit")});
  ASSERT_EQ(0, r.exitCode) << r.err;
  EXPECT_EQ(0u, r.out.find("FIELD       VALUE\n"
                           "name        testkit\n"
                           "title       测试模块\n"
                           "version     1.0.0\n"))
      << r.out;
  EXPECT_NE(std::string::npos, r.out.find("abi         sdk-abi=" + std::to_string(sdk::kAbiVersion) + " poco="));
  EXPECT_NE(std::string::npos, r.out.find("migrations  2\n"));
  EXPECT_NE(std::string::npos, r.out.find("\n900   测试步骤  mode   string      no        done, fail, retry, throw or conflict\n"))
      << r.out;

  r = paynext({"--json", "plugin", "inspect", testPlugin("testkit")});
  ASSERT_EQ(0, r.exitCode) << r.err;
  auto json = Poco::JSON::Parser().parse(r.out).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ("testkit", json->getValue<std::string>("name"));
  EXPECT_EQ(900, json->getArray("actionTypes")->getObject(0)->getValue<int>("code"));
  EXPECT_EQ(2, json->getValue<int>("migrations"));
}

TEST(CliPluginInspectTest, RefusesWhatTheServerRefuses) {
  const std::map<std::string, std::string> refusals{
      {"bad_abi", "refused: expected ABI sdk-abi=" + std::to_string(sdk::kAbiVersion) + " "},
      {"no_entry", "refused: expected entry point paynext_create_module, found none"},
      {"throwing_factory", "refused: module factory threw: factory boom"}};
  for (const auto& [name, why] : refusals) {
    auto r = paynext({"plugin", "inspect", testPlugin(name)});
    EXPECT_EQ(1, r.exitCode) << name;
    EXPECT_EQ("", r.out) << name;
    EXPECT_EQ(0u, r.err.find("paynext: plugin " + testPlugin(name) + " " + why)) << r.err;
  }
  auto r = paynext({"plugin", "inspect", testPlugin("bad_abi")});
  EXPECT_NE(std::string::npos, r.err.find("found sdk-abi=999 ")) << r.err;
  r = paynext({"plugin", "inspect", "/nonexistent/paynext_x.so"});
  EXPECT_EQ(1, r.exitCode);
  EXPECT_NE(std::string::npos, r.err.find("refused: cannot load")) << r.err;
}

}  // namespace
}  // namespace paynext::testing
