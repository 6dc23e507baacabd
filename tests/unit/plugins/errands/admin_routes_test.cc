#include "plugins/errands/admin_routes.h"

#include "errands_test_support.h"

namespace paynext::plugins::errands::test {
namespace {

class ErrandsAdminRoutesTest : public ErrandsTest {
 protected:
  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& params) {
    return h.callAs(sdk::Audience::Admin, method, path, params);
  }
};

TEST_F(ErrandsAdminRoutesTest, SettingsHaveDefaultsUntilAdminsSaveThem) {
  auto r = admin("GET", "/settings", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("minFee"), 1.0);
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("commissionPercent"), 10);
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("autoConfirmHours"), 24);
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("unpaidExpiryMinutes"), 30);
  r = admin("PUT", "/settings",
            R"({"minFee":"2.50","commissionPercent":"20","autoConfirmHours":48,"unpaidExpiryMinutes":15})");
  ASSERT_EQ(r.code, 0) << r.msg;
  r = admin("PUT", "/settings", R"({"commissionPercent":5})");  // the others stay
  ASSERT_EQ(r.code, 0) << r.msg;
  r = admin("GET", "/settings", "{}");
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("minFee"), 2.5);
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("commissionPercent"), 5);
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("autoConfirmHours"), 48);
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("unpaidExpiryMinutes"), 15);
  // Per factory.
  h.setFactory(2);
  EXPECT_EQ(object(admin("GET", "/settings", "{}"))->getValue<Poco::Int64>("commissionPercent"), 10);
}

TEST_F(ErrandsAdminRoutesTest, SettingsRefuseValuesOutOfBoundsNamingThemAndKeepTheOld) {
  const auto refused = [&](const std::string& params) {
    const auto r = admin("PUT", "/settings", params);
    return Refusal(r.code, r.msg);
  };
  EXPECT_EQ(refused(R"({"minFee":"0"})"), Refusal(300, "参数 minFee 格式错误,应为大于 0 的金额"));
  EXPECT_EQ(refused(R"({"minFee":"-1"})"), Refusal(300, "参数 minFee 格式错误,应为不超过两位小数的非负金额"));
  EXPECT_EQ(refused(R"({"commissionPercent":101})"),
            Refusal(300, "参数 commissionPercent 格式错误,应为0 到 100 之间的整数"));
  EXPECT_EQ(refused(R"({"autoConfirmHours":0})"), Refusal(300, "参数 autoConfirmHours 格式错误,应为1 到 720 之间的整数"));
  EXPECT_EQ(refused(R"({"unpaidExpiryMinutes":"x"})"), Refusal(300, "参数 unpaidExpiryMinutes 格式错误,应为整数"));
  EXPECT_EQ(object(admin("GET", "/settings", "{}"))->getValue<Poco::Int64>("commissionPercent"), 10);
  using namespace Poco::Data::Keywords;
  int n = -1;
  h.session() << "SELECT COUNT(*) FROM errands_settings", into(n), now;
  EXPECT_EQ(n, 0);
}

TEST_F(ErrandsAdminRoutesTest, TasksAreListedByStatusAndPaged) {
  const auto unpaid = post("5");
  const auto open = published("6");
  auto r = admin("GET", "/tasks", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("id"), open);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("paidReference"), "errands:PNSTEP1-0");
  r = admin("GET", "/tasks", R"({"status":"UNPAID"})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("id"), unpaid);
  r = admin("GET", "/tasks", R"({"limit":1,"offset":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("id"), unpaid);
  EXPECT_EQ(array(admin("GET", "/tasks", R"({"posterId":2})"))->size(), 0u);
  EXPECT_EQ(admin("GET", "/tasks", R"({"status":"DONE"})").code, 300);
  EXPECT_EQ(admin("GET", "/tasks", R"({"limit":501})").msg, "参数 limit 格式错误,应为1 到 500 之间的整数");
  h.setFactory(2);
  EXPECT_EQ(array(admin("GET", "/tasks", "{}"))->size(), 0u);
}

TEST_F(ErrandsAdminRoutesTest, OneTaskIsInspectedByItsId) {
  const auto id = published("6");
  auto r = admin("GET", "/task", "{\"taskId\":" + std::to_string(id) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("status"), "PUBLISHED");
  r = admin("GET", "/task", R"({"taskId":9})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "跑腿任务 9 不存在"));
  h.setFactory(2);
  EXPECT_EQ(admin("GET", "/task", "{\"taskId\":" + std::to_string(id) + "}").code, 700);
}

TEST_F(ErrandsAdminRoutesTest, AdminRoutesHaveChineseTitles) {
  for (const auto& route : ErrandsModule().routes()) {
    if (route.audience == sdk::Audience::Admin) {
      EXPECT_FALSE(route.title.empty()) << route.path;
    }
  }
}

}  // namespace
}  // namespace paynext::plugins::errands::test
