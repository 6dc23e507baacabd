#include "paynext/sdk/route.h"

#include <gtest/gtest.h>

namespace paynext::sdk {
namespace {

TEST(RouteTest, OneLineDeclaresEveryFieldAModuleSets) {
  const Route admin("PUT", "/settings", Audience::Admin, true,
                    [](RouteContext&) { return RouteResponse{0, "success", 7}; }, "短信设置");
  EXPECT_EQ("PUT", admin.method);
  EXPECT_EQ("/settings", admin.path);
  EXPECT_EQ(Audience::Admin, admin.audience);
  EXPECT_TRUE(admin.writes);
  EXPECT_EQ("短信设置", admin.title);
  EXPECT_FALSE(admin.refusal);
  ASSERT_TRUE(admin.handler);

  const Route user("GET", "/order/list", Audience::User, false, nullptr);
  EXPECT_EQ("", user.title);
  EXPECT_FALSE(user.writes);
  const Route blank;
  EXPECT_EQ(Audience::User, blank.audience) << "a default route is a user route that does not write";
  EXPECT_FALSE(blank.writes);
}

TEST(RouteTest, OkAndNoDataAreTheEnvelopesEveryModuleAnswers) {
  const auto ok = RouteResponse::ok(7);
  EXPECT_EQ(0, ok.code);
  EXPECT_EQ("success", ok.msg);
  EXPECT_EQ(7, ok.data.convert<int>());
  EXPECT_TRUE(RouteResponse::ok().data.isEmpty());
  const auto none = RouteResponse::noData();
  EXPECT_EQ(700, none.code);
  EXPECT_EQ("暂无数据", none.msg);
  EXPECT_TRUE(none.data.isEmpty());

  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  EXPECT_EQ(700, RouteResponse::list(items).code);
  items->add(1);
  const auto some = RouteResponse::list(items);
  EXPECT_EQ(0, some.code);
  EXPECT_EQ(1u, some.data.extract<Poco::JSON::Array::Ptr>()->size());
}

}  // namespace
}  // namespace paynext::sdk
