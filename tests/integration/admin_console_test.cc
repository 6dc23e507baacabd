// The admin console's files served by paynextd itself at /admin/.
#include <gtest/gtest.h>

#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

EnvOptions withoutSimulator() {
  EnvOptions options;
  options.gatewaysim = false;
  return options;
}

class AdminConsoleTest : public ::testing::Test {
 protected:
  PaynextEnv env_{withoutSimulator()};
};

TEST_F(AdminConsoleTest, ServesThePageAndItsFilesWithTypesAndCacheHeaders) {
  auto r = env_.api().get("/admin/");
  ASSERT_EQ(200, r.status);
  EXPECT_EQ("text/html; charset=utf-8", r.contentType);
  EXPECT_NE(std::string::npos, r.body.find("<title>paynext 管理控制台</title>"));
  EXPECT_NE(std::string::npos, r.body.find("src=\"console.js\""));
  EXPECT_EQ("no-cache", r.headers["Cache-Control"]);
  EXPECT_EQ("nosniff", r.headers["X-Content-Type-Options"]);
  EXPECT_NE(std::string::npos, r.headers["Content-Security-Policy"].find("script-src 'self'"));
  const std::string etag = r.headers["ETag"];
  ASSERT_FALSE(etag.empty());

  EXPECT_EQ(r.body, env_.api().get("/admin/index.html").body);
  auto js = env_.api().get("/admin/console.js");
  EXPECT_EQ(200, js.status);
  EXPECT_EQ("text/javascript; charset=utf-8", js.contentType);
  EXPECT_NE(std::string::npos, js.body.find("/admin/api"));
  auto css = env_.api().get("/admin/console.css");
  EXPECT_EQ(200, css.status);
  EXPECT_EQ("text/css; charset=utf-8", css.contentType);

  // Revalidation by ETag answers 304 without a body.
  auto again = env_.api().get("/admin/", {{"If-None-Match", etag}});
  EXPECT_EQ(304, again.status);
  EXPECT_TRUE(again.body.empty());

  auto bare = env_.api().get("/admin");
  EXPECT_EQ(301, bare.status);
  EXPECT_EQ("/admin/", bare.headers["Location"]);
}

// The payment view's refunds (their table and the 退款 form) are in the
// console paynextd embeds; tests/browser drives them.
TEST_F(AdminConsoleTest, TheConsoleServedHasThePaymentsRefunds) {
  const auto js = env_.api().get("/admin/console.js").body;
  for (const char* needed : {"/refunds`", "id: 'refund-form'", "function fenOf(", "'退款单号', '金额', '积分', '状态', "
                             "'原因', '失败原因', '操作人', '时间'", "p.status === 'PAID' ? refundForm("}) {
    EXPECT_NE(std::string::npos, js.find(needed)) << needed;
  }
  const auto css = env_.api().get("/admin/console.css").body;
  EXPECT_NE(std::string::npos, css.find(".badge.SUCCESS"));
  EXPECT_NE(std::string::npos, css.find(".badge.PROCESSING"));
}

TEST_F(AdminConsoleTest, UnknownFilesAndOtherMethodsAreRefused) {
  EXPECT_EQ(404, env_.api().get("/admin/nope.js").status);
  EXPECT_EQ(404, env_.api().get("/admin/console.js/x").status);
  EXPECT_EQ(404, env_.api().get("/admin/css/console.css").status);
  EXPECT_EQ(405, env_.api().send("POST", "/admin/", "x", "text/plain").status);
  // The admin API beside it is unchanged.
  EXPECT_EQ(401, env_.api().get("/admin/api/factories").status);
  EXPECT_EQ(200, env_.admin("GET", "/factories").status);
}

TEST_F(AdminConsoleTest, PathTraversalIsRefused) {
  for (const char* path : {"/admin/../CMakeLists.txt", "/admin/%2e%2e/%2e%2e/etc/passwd", "/admin/%2E%2E/index.html",
                           "/admin/..%2f..%2fetc%2fpasswd", "/admin/./index.html", "/admin/..%5cindex.html",
                           "/admin/%2e%2e", "/admin/console.js%2f..%2findex.html"}) {
    auto r = env_.api().get(path);
    EXPECT_EQ(400, r.status) << path;
    EXPECT_EQ(std::string::npos, r.body.find("root:")) << path;
    EXPECT_EQ(std::string::npos, r.body.find("<html")) << path;
  }
}

}  // namespace
}  // namespace paynext::testing
