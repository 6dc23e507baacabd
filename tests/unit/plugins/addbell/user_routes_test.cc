#include "plugins/addbell/user_routes.h"

#include "addbell_test_support.h"

namespace paynext::plugins::addbell::test {
namespace {

class AddbellUserRoutesTest : public AddbellTest {
 protected:
  void SetUp() override {
    service_ = addService();
    order_ = openOrder(service_);
  }
  sdk::RouteResponse user(const std::string& path, const std::string& json) {
    return h.callAs(sdk::Audience::User, "POST", path, json);
  }
  Refusal refused(const std::string& path, const std::string& json) {
    const auto r = user(path, json);
    return {r.code, r.msg};
  }
  std::int64_t service_ = 0, order_ = 0;
};

TEST_F(AddbellUserRoutesTest, ApplyRecordsAPendingAddBellPricedFromTheService) {
  const auto r = user("/addbell/apply", R"({"orderId":"1","units":"2"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto json = object(r);
  EXPECT_EQ(json->getValue<Poco::Int64>("id"), 1);
  EXPECT_EQ(json->getValue<Poco::Int64>("orderId"), 1);
  EXPECT_EQ(json->getValue<Poco::Int64>("minutes"), 60);
  EXPECT_DOUBLE_EQ(json->getValue<double>("amount"), 91);
  EXPECT_EQ(json->getValue<std::string>("status"), "PENDING");
  EXPECT_EQ(json->getValue<std::string>("endTime"), "2023-11-15 07:13:20");
  EXPECT_EQ(records(), std::vector<std::string>{"1/1/1/2/60/9100/PENDING/"});
  // Nothing moves until it is paid.
  EXPECT_EQ(orders(), std::vector<std::string>{"1/1/0/60/open"});
}

TEST_F(AddbellUserRoutesTest, ApplyRefusalsStoreNothing) {
  EXPECT_EQ(refused("/addbell/apply", R"({"units":1})"), Refusal(300, "缺少参数 orderId"));
  EXPECT_EQ(refused("/addbell/apply", R"({"orderId":1})"), Refusal(300, "缺少参数 units"));
  EXPECT_EQ(refused("/addbell/apply", R"({"orderId":1,"units":0})"),
            Refusal(300, "参数 units 格式错误,应为1 到 3 之间的整数"));
  EXPECT_EQ(refused("/addbell/apply", R"({"orderId":1,"units":4})"),
            Refusal(300, "参数 units 格式错误,应为1 到 3 之间的整数"));
  EXPECT_EQ(refused("/addbell/apply", R"({"orderId":9,"units":1})"), Refusal(700, "服务订单 9 不存在"));
  // Another user's order is reported as missing.
  h.setUser(2);
  EXPECT_EQ(refused("/addbell/apply", R"({"orderId":1,"units":1})"), Refusal(700, "服务订单 1 不存在"));
  h.setUser(1);
  // Not started yet.
  const auto later = openOrder(service_, 1, 10 * kMinute);
  EXPECT_EQ(refused("/addbell/apply", R"({"orderId":)" + std::to_string(later) + R"(,"units":1})"),
            Refusal(300, "服务订单 2 尚未开始,不能加钟"));
  // Add-bell switched off for the service.
  ASSERT_EQ(h.callAs(sdk::Audience::Admin, "PUT", "/services",
                     R"({"id":1,"name":"足疗","baseMinutes":60,"basePrice":"98","unitMinutes":30,)"
                     R"("unitPrice":"45.50","addEnabled":false})")
                .code,
            0);
  EXPECT_EQ(refused("/addbell/apply", R"({"orderId":1,"units":1})"), Refusal(300, "服务项目「足疗」暂不支持加钟"));
  // Finished.
  h.clock().advance(60 * kMinute);
  EXPECT_EQ(refused("/addbell/apply", R"({"orderId":1,"units":1})"), Refusal(300, "服务订单 1 已结束,不能加钟"));
  EXPECT_TRUE(records().empty());
}

TEST_F(AddbellUserRoutesTest, QuoteSaysWhatUnitsCostAndStoresNothing) {
  auto r = user("/addbell/quote", R"({"orderId":1})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("units"), 1);
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("amount"), 45.5);
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("maxUnits"), 3);
  r = user("/addbell/quote", R"({"orderId":1,"units":3})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("amount"), 136.5);
  EXPECT_EQ(object(r)->getValue<std::string>("endTime"), "2023-11-15 07:13:20");
  EXPECT_EQ(object(r)->getValue<std::string>("newEndTime"), "2023-11-15 08:43:20");
  EXPECT_EQ(refused("/addbell/quote", R"({"orderId":1,"units":5})"),
            Refusal(300, "参数 units 格式错误,应为1 到 3 之间的整数"));
  EXPECT_TRUE(records().empty());
}

TEST_F(AddbellUserRoutesTest, ListsTheUsersOwnRecordsAndOrders) {
  EXPECT_EQ(refused("/addbell/records", "{}"), Refusal(700, "暂无数据"));
  apply(order_, 1);
  apply(order_, 2);
  h.setUser(2);
  const auto theirs = openOrder(service_, 2);
  apply(theirs, 1);
  h.setUser(1);
  auto r = user("/addbell/records", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("id"), 2);  // newest first
  r = user("/addbell/records", R"({"page":2,"pageSize":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("id"), 1);
  EXPECT_EQ(refused("/addbell/records", R"({"status":"PAID"})"), Refusal(700, "暂无数据"));
  EXPECT_EQ(refused("/addbell/records", R"({"status":"X"})"),
            Refusal(300, "参数 status 格式错误,应为PENDING、PAID 或 EXPIRED"));
  EXPECT_EQ(refused("/addbell/records", R"({"orderId":)" + std::to_string(theirs) + "}"), Refusal(700, "暂无数据"));
  EXPECT_EQ(refused("/addbell/records", R"({"pageSize":101})"),
            Refusal(300, "参数 pageSize 格式错误,应为1 到 100 之间的整数"));

  r = user("/addbell/orders", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 1u);
  const auto order = array(r)->getObject(0);
  EXPECT_EQ(order->getValue<std::string>("serviceName"), "足疗");
  EXPECT_EQ(order->getValue<std::string>("technician"), "8号技师");
  EXPECT_EQ(order->getValue<std::string>("startTime"), "2023-11-15 06:13:20");
  EXPECT_EQ(order->getValue<std::string>("endTime"), "2023-11-15 07:13:20");
  EXPECT_EQ(order->getValue<std::string>("status"), "RUNNING");
  h.clock().advance(60 * kMinute);
  EXPECT_EQ(array(user("/addbell/orders", "{}"))->getObject(0)->getValue<std::string>("status"), "FINISHED");
  h.setUser(3);
  EXPECT_EQ(refused("/addbell/orders", "{}"), Refusal(700, "暂无数据"));
}

TEST_F(AddbellUserRoutesTest, NeedsALogin) {
  h.setUser(0);
  EXPECT_EQ(refused("/addbell/apply", R"({"orderId":1,"units":1})").first, 2000);
  EXPECT_TRUE(records().empty());
}

}  // namespace
}  // namespace paynext::plugins::addbell::test
