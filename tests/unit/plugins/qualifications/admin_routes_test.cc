#include "plugins/qualifications/admin_routes.h"

#include "qualifications_test_support.h"

namespace paynext::plugins::qualifications::test {
namespace {

using sdk::Audience;

class AdminRoutesTest : public QualificationsTest {
 protected:
  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& params = "{}") {
    return h.callAs(Audience::Admin, method, path, params);
  }
};

TEST_F(AdminRoutesTest, EveryRouteHasATitleForTheConsole) {
  for (const auto& route : QualificationsModule().routes()) {
    if (route.audience != Audience::Admin) continue;
    EXPECT_FALSE(route.title.empty()) << route.method << " " << route.path;
  }
}

TEST_F(AdminRoutesTest, OffersListEveryKindPricedOrNot) {
  auto r = admin("GET", "/offers");
  ASSERT_EQ(r.code, 0) << r.msg;
  auto list = array(r);
  ASSERT_EQ(list->size(), 3u);
  for (unsigned i = 0; i < 3; ++i) {
    EXPECT_EQ(list->getObject(i)->getValue<int>("type"), 12 + static_cast<int>(i));
    EXPECT_FALSE(list->getObject(i)->getValue<bool>("priced"));
    EXPECT_TRUE(list->getObject(i)->isNull("price"));
  }
  offer(13, "66.60", 90, false);
  list = array(admin("GET", "/offers"));
  const auto distributor = list->getObject(1);
  EXPECT_TRUE(distributor->getValue<bool>("priced"));
  EXPECT_DOUBLE_EQ(distributor->getValue<double>("price"), 66.6);
  EXPECT_EQ(distributor->getValue<int>("days"), 90);
  EXPECT_FALSE(distributor->getValue<bool>("onSale"));
  EXPECT_EQ(distributor->getValue<Poco::Int64>("updatedAt"), h.clock().now);
}

TEST_F(AdminRoutesTest, PutOfferCreatesThenReplaces) {
  auto r = admin("PUT", "/offers", R"({"type":"14","price":12.5,"days":"30"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("name"), "合伙人团队长");
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("price"), 12.5);
  EXPECT_TRUE(object(r)->getValue<bool>("onSale"));
  r = admin("PUT", "/offers", R"({"type":14,"price":"300","permanent":"true","onSale":false})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_TRUE(object(r)->getValue<bool>("permanent"));
  EXPECT_EQ(object(r)->getValue<int>("days"), 0);
  EXPECT_FALSE(object(r)->getValue<bool>("onSale"));
  EXPECT_EQ(offerCount(), 1);
  // Each factory prices its own.
  h.setFactory(2);
  EXPECT_FALSE(array(admin("GET", "/offers"))->getObject(2)->getValue<bool>("priced"));
}

TEST_F(AdminRoutesTest, PutOfferRefusesBadParamsNamingTheFieldAndStoresNothing) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"price":"1","days":30})", "缺少参数 type"},
      {R"({"type":15,"price":"1","days":30})", "参数 type 格式错误,应为12、13 或 14"},
      {R"({"type":"x","price":"1","days":30})", "参数 type 格式错误,应为整数"},
      {R"({"type":12,"days":30})", "缺少参数 price"},
      {R"({"type":12,"price":"0","days":30})", "参数 price 格式错误,应为大于 0 的金额"},
      {R"({"type":12,"price":"1.234","days":30})", "参数 price 格式错误,应为不超过两位小数的非负金额"},
      {R"({"type":12,"price":"-1","days":30})", "参数 price 格式错误,应为不超过两位小数的非负金额"},
      {R"({"type":12,"price":"1"})", "缺少参数 days"},
      {R"({"type":12,"price":"1","days":0})", "参数 days 格式错误,应为正整数"},
      {R"({"type":12,"price":"1","days":36601})", "参数 days 格式错误,应为1 到 36600 之间的整数"},
      {R"({"type":12,"price":"1","days":30,"permanent":true})", "参数 days 与 permanent 只能二选一"},
      {R"({"type":12,"price":"1","permanent":"yes"})", "参数 permanent 格式错误,应为true 或 false"},
      {R"({"type":12,"price":"1","days":30,"onSale":1})", "参数 onSale 格式错误,应为true 或 false"},
  };
  for (const auto& [params, msg] : cases) {
    const auto r = admin("PUT", "/offers", params);
    EXPECT_EQ(r.code, 300) << params;
    EXPECT_EQ(r.msg, msg) << params;
  }
  EXPECT_EQ(offerCount(), 0);
}

TEST_F(AdminRoutesTest, HoldersListPerQualificationAndOneUsers) {
  h.users().add(2, "小王", "139****0002");
  offer(12, "1", 30);
  offer(13, "1", 0);
  h.ledger().balance_ = 1000;
  h.ledger(2).balance_ = 1000;
  ASSERT_EQ(buy(12).status, Status::Done);
  h.setUser(2);
  ASSERT_EQ(buy(12).status, Status::Done);
  ASSERT_EQ(buy(13).status, Status::Done);

  auto r = admin("GET", "/holders");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(array(r)->size(), 3u);
  // Holders of one qualification, newest first, with who they are.
  r = admin("GET", "/holders", R"({"type":12})");
  ASSERT_EQ(r.code, 0) << r.msg;
  auto list = array(r);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->getObject(0)->getValue<Poco::Int64>("userId"), 2);
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("nickname"), "小王");
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("mobile"), "139****0002");
  EXPECT_EQ(list->getObject(1)->getValue<Poco::Int64>("userId"), 1);
  // One user's, by type.
  list = array(admin("GET", "/holders", R"({"userId":"2"})"));
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->getObject(0)->getValue<int>("type"), 12);
  EXPECT_EQ(list->getObject(1)->getValue<std::string>("dateEnd"), "永久");
  // Paged, and only the running ones when asked.
  list = array(admin("GET", "/holders", R"({"limit":1,"offset":1})"));
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->getObject(0)->getValue<int>("type"), 12);
  h.clock().advance(31 * kDayMs);
  list = array(admin("GET", "/holders", R"({"active":true})"));
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->getObject(0)->getValue<int>("type"), 13);
  // Another factory sees none of them.
  h.setFactory(2);
  EXPECT_EQ(array(admin("GET", "/holders"))->size(), 0u);
}

TEST_F(AdminRoutesTest, HoldersAndPurchasesRefuseBadFilters) {
  auto r = admin("GET", "/holders", R"({"userId":9})");
  EXPECT_EQ(r.code, 700);
  EXPECT_EQ(r.msg, "用户 9 不存在");
  r = admin("GET", "/holders", R"({"type":11})");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "参数 type 格式错误,应为12、13 或 14");
  r = admin("GET", "/holders", R"({"limit":0})");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "参数 limit 格式错误,应为1 到 500 之间的整数");
  r = admin("GET", "/holders", R"({"active":"maybe"})");
  EXPECT_EQ(r.msg, "参数 active 格式错误,应为true 或 false");
  r = admin("GET", "/purchases", R"({"userId":0})");
  EXPECT_EQ(r.code, 300);
  EXPECT_EQ(r.msg, "参数 userId 格式错误,应为正整数");
  r = admin("GET", "/purchases", R"({"offset":-1})");
  EXPECT_EQ(r.msg, "参数 offset 格式错误,应为非负整数");
}

TEST_F(AdminRoutesTest, PurchasesListEveryPaidStepNewestFirst) {
  h.users().add(2);
  offer(12, "1", 30);
  offer(14, "3", 0);
  h.ledger().balance_ = 1000;
  h.ledger(2).balance_ = 1000;
  const auto first = h.newPayment();
  ASSERT_EQ(h.execute(12, "{}", first).status, Status::Done);
  h.setUser(2);
  ASSERT_EQ(buy(14).status, Status::Done);
  auto list = array(admin("GET", "/purchases"));
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->getObject(0)->getValue<int>("type"), 14);
  EXPECT_DOUBLE_EQ(list->getObject(0)->getValue<double>("amount"), 3);
  EXPECT_TRUE(list->getObject(0)->getValue<bool>("permanent"));
  EXPECT_EQ(list->getObject(1)->getValue<std::string>("reference"), "qualifications:" + first.key);
  list = array(admin("GET", "/purchases", R"({"userId":1})"));
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->getObject(0)->getValue<Poco::Int64>("userId"), 1);
  EXPECT_EQ(array(admin("GET", "/purchases", R"({"type":13})"))->size(), 0u);
  EXPECT_EQ(array(admin("GET", "/purchases", R"({"limit":1,"offset":1})"))->getObject(0)->getValue<int>("type"), 12);
}

}  // namespace
}  // namespace paynext::plugins::qualifications::test
