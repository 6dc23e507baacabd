#include "plugins/addbell/admin_routes.h"

#include "addbell_test_support.h"

namespace paynext::plugins::addbell::test {
namespace {

class AddbellAdminRoutesTest : public AddbellTest {
 protected:
  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& json) {
    return h.callAs(sdk::Audience::Admin, method, path, json);
  }
  Refusal refused(const std::string& method, const std::string& path, const std::string& json) {
    const auto r = admin(method, path, json);
    return {r.code, r.msg};
  }
  int count(const std::string& table) {
    using namespace Poco::Data::Keywords;
    int n = 0;
    h.session() << "SELECT COUNT(*) FROM " + table, into(n), now;
    return n;
  }
};

TEST_F(AddbellAdminRoutesTest, CreatesListsAndReplacesServices) {
  const auto id = addService();
  auto r = admin("GET", "/services", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 1u);
  const auto s = array(r)->getObject(0);
  EXPECT_EQ(s->getValue<std::string>("name"), "足疗");
  EXPECT_EQ(s->getValue<Poco::Int64>("baseMinutes"), 60);
  EXPECT_DOUBLE_EQ(s->getValue<double>("basePrice"), 98);
  EXPECT_DOUBLE_EQ(s->getValue<double>("unitPrice"), 45.5);
  EXPECT_TRUE(s->getValue<bool>("addEnabled"));
  r = admin("PUT", "/services",
            R"({"id":1,"name":"推拿","baseMinutes":45,"basePrice":"88","unitMinutes":15,"unitPrice":"20"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  r = admin("GET", "/services", "{\"id\":" + std::to_string(id) + "}");
  EXPECT_EQ(object(r)->getValue<std::string>("name"), "推拿");
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("maxUnits"), 4);
  EXPECT_EQ(refused("GET", "/services", R"({"id":9})"), Refusal(700, "服务项目 9 不存在"));
  EXPECT_EQ(refused("PUT", "/services",
                    R"({"id":9,"name":"x","baseMinutes":45,"basePrice":"88","unitMinutes":15,"unitPrice":"20"})"),
            Refusal(700, "服务项目 9 不存在"));
  // Another factory sees none of it.
  h.setFactory(2);
  EXPECT_EQ(array(admin("GET", "/services", "{}"))->size(), 0u);
  EXPECT_EQ(refused("GET", "/services", R"({"id":1})"), Refusal(700, "服务项目 1 不存在"));
}

TEST_F(AddbellAdminRoutesTest, ServiceRefusalsNameTheFieldAndStoreNothing) {
  const std::string ok = R"("name":"足疗","baseMinutes":60,"basePrice":"98","unitMinutes":30,"unitPrice":"45.50")";
  EXPECT_EQ(refused("POST", "/services", R"({"baseMinutes":60})"), Refusal(300, "缺少参数 name"));
  EXPECT_EQ(refused("POST", "/services", "{" + ok + R"(,"baseMinutes":0})"),
            Refusal(300, "参数 baseMinutes 格式错误,应为1 到 1440 之间的整数"));
  EXPECT_EQ(refused("POST", "/services", "{" + ok + R"(,"unitMinutes":1441})"),
            Refusal(300, "参数 unitMinutes 格式错误,应为1 到 1440 之间的整数"));
  EXPECT_EQ(refused("POST", "/services", "{" + ok + R"(,"unitPrice":"0"})"),
            Refusal(300, "参数 unitPrice 格式错误,应为大于 0 的金额"));
  EXPECT_EQ(refused("POST", "/services", "{" + ok + R"(,"basePrice":"1.001"})"),
            Refusal(300, "参数 basePrice 格式错误,应为不超过两位小数的非负金额"));
  EXPECT_EQ(refused("POST", "/services", "{" + ok + R"(,"maxUnits":101})"),
            Refusal(300, "参数 maxUnits 格式错误,应为1 到 100 之间的整数"));
  EXPECT_EQ(refused("POST", "/services", "{" + ok + R"(,"addEnabled":"yes"})"),
            Refusal(300, "参数 addEnabled 格式错误,应为true 或 false"));
  EXPECT_EQ(count("addbell_services"), 0);
}

TEST_F(AddbellAdminRoutesTest, OpensListsAndClosesOrders) {
  const auto service = addService();
  h.users().add(7);
  auto r = admin("POST", "/orders", R"({"userId":7,"serviceId":1,"technician":"3号"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  auto o = object(r);
  EXPECT_EQ(o->getValue<Poco::Int64>("userId"), 7);
  EXPECT_EQ(o->getValue<std::string>("startTime"), "2023-11-15 06:13:20");  // now by default
  EXPECT_EQ(o->getValue<std::string>("endTime"), "2023-11-15 07:13:20");
  EXPECT_EQ(o->getValue<std::string>("status"), "RUNNING");
  EXPECT_DOUBLE_EQ(o->getValue<double>("price"), 98);
  openOrder(service, 1, -2 * 60 * kMinute);  // started two hours ago: over
  r = admin("GET", "/orders", "{}");
  ASSERT_EQ(array(r)->size(), 2u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("status"), "FINISHED");
  EXPECT_EQ(array(admin("GET", "/orders", R"({"userId":7})"))->size(), 1u);
  EXPECT_EQ(array(admin("GET", "/orders", R"({"limit":1,"offset":1})"))->getObject(0)->getValue<Poco::Int64>("id"), 1);
  EXPECT_EQ(refused("GET", "/orders", R"({"userId":99})"), Refusal(700, "用户 99 不存在"));

  // Closing finishes it and expires its unpaid add-bells.
  h.setUser(7);
  apply(1, 1);
  r = admin("PUT", "/orders", R"({"id":1})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("status"), "FINISHED");
  EXPECT_EQ(records(), std::vector<std::string>{"1/1/7/1/30/4550/EXPIRED/"});
  EXPECT_EQ(refused("PUT", "/orders", R"({"id":1})"), Refusal(300, "服务订单 1 已关闭"));
  EXPECT_EQ(refused("PUT", "/orders", R"({"id":9})"), Refusal(700, "服务订单 9 不存在"));
  EXPECT_EQ(refused("GET", "/orders", R"({"id":9})"), Refusal(700, "服务订单 9 不存在"));
  EXPECT_EQ(object(admin("GET", "/orders", R"({"id":1})"))->getValue<std::string>("technician"), "3号");
}

TEST_F(AddbellAdminRoutesTest, OrderRefusalsNameTheFieldAndStoreNothing) {
  addService();
  EXPECT_EQ(refused("POST", "/orders", R"({"serviceId":1,"technician":"3号"})"), Refusal(300, "缺少参数 userId"));
  EXPECT_EQ(refused("POST", "/orders", R"({"userId":99,"serviceId":1,"technician":"3号"})"),
            Refusal(700, "用户 99 不存在"));
  EXPECT_EQ(refused("POST", "/orders", R"({"userId":1,"technician":"3号"})"), Refusal(300, "缺少参数 serviceId"));
  EXPECT_EQ(refused("POST", "/orders", R"({"userId":1,"serviceId":1})"), Refusal(300, "缺少参数 technician"));
  EXPECT_EQ(refused("POST", "/orders", R"({"userId":1,"serviceId":9,"technician":"3号"})"),
            Refusal(700, "服务项目 9 不存在"));
  EXPECT_EQ(refused("POST", "/orders", R"({"userId":1,"serviceId":1,"technician":"3号","startTime":"明天"})"),
            Refusal(300, "参数 startTime 格式错误,应为yyyy-MM-dd HH:mm:ss"));
  // A user cannot open one: the only user route that writes makes add-bell records.
  for (const auto& route : AddbellModule().routes()) {
    if (route.audience == sdk::Audience::User && route.writes) {
      EXPECT_EQ(route.path, "/addbell/apply");
    }
  }
  EXPECT_EQ(count("addbell_orders"), 0);
}

TEST_F(AddbellAdminRoutesTest, ListsAndInspectsRecords) {
  const auto order = openOrder(addService());
  apply(order, 1);
  apply(order, 2);
  auto r = admin("GET", "/records", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("userId"), 1);
  EXPECT_EQ(array(admin("GET", "/records", R"({"status":"PENDING","orderId":1,"userId":1,"limit":1})"))->size(), 1u);
  EXPECT_EQ(array(admin("GET", "/records", R"({"status":"PAID"})"))->size(), 0u);
  r = admin("GET", "/records", R"({"id":2})");
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("units"), 2);
  EXPECT_EQ(refused("GET", "/records", R"({"id":9})"), Refusal(700, "加钟记录 9 不存在"));
  EXPECT_EQ(refused("GET", "/records", R"({"limit":501})"), Refusal(300, "参数 limit 格式错误,应为1 到 500 之间的整数"));
  h.setFactory(2);
  EXPECT_EQ(refused("GET", "/records", R"({"id":1})"), Refusal(700, "加钟记录 1 不存在"));
}

}  // namespace
}  // namespace paynext::plugins::addbell::test
