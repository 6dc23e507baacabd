#include "plugins/knowledge/user_routes.h"

#include "knowledge_test_support.h"

namespace paynext::plugins::knowledge::test {
namespace {

using Status = sdk::StepResult::Status;

class KnowledgeUserRoutesTest : public KnowledgeTest {
 protected:
  sdk::RouteResponse user(const std::string& path, const std::string& params, const std::string& method = "*") {
    return h.callAs(sdk::Audience::User, method, path, params);
  }
  void pay(std::int64_t purchaseId) {
    h.ledger().balance_ += 100000;
    ASSERT_EQ(h.execute(1, "{\"id\":" + std::to_string(purchaseId) + "}").status, Status::Done);
  }
};

TEST_F(KnowledgeUserRoutesTest, OrderOpensAPendingPurchaseAtTheItemsPrice) {
  const auto item = addItem("课程A", "12.50");
  h.clock().advance(5000);
  const auto r = user("/knowledge/order", "{\"itemId\":\"" + std::to_string(item) + "\"}", "POST");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto data = object(r);
  EXPECT_EQ(data->getValue<Poco::Int64>("id"), 1);
  EXPECT_EQ(data->getValue<Poco::Int64>("itemId"), item);
  EXPECT_EQ(data->getValue<std::string>("title"), "课程A");
  EXPECT_DOUBLE_EQ(data->getValue<double>("price"), 12.5);
  EXPECT_EQ(data->getValue<std::string>("status"), "PENDING");
  EXPECT_EQ(data->getValue<Poco::Int64>("createdAt"), h.clock().now);
  EXPECT_EQ(rows(), std::vector<std::string>{"1/1/1/PENDING/0/"});
}

TEST_F(KnowledgeUserRoutesTest, OrderAgainAnswersThePendingPurchase) {
  const auto item = addItem("课程A", "1");
  const auto first = order(item);
  EXPECT_EQ(order(item), first);
  EXPECT_EQ(rows().size(), 1u);
}

TEST_F(KnowledgeUserRoutesTest, OrderRefusesAndStoresNothing) {
  const auto item = addItem("课程A", "1");
  const auto off = addItem("课程B", "1", false);
  auto r = user("/knowledge/order", "{}", "POST");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "缺少参数 itemId"));
  r = user("/knowledge/order", R"({"itemId":"x"})", "POST");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 itemId 格式错误,应为整数"));
  r = user("/knowledge/order", R"({"itemId":99})", "POST");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "知识付费内容 99 不存在"));
  r = user("/knowledge/order", "{\"itemId\":" + std::to_string(off) + "}", "POST");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "知识付费内容「课程B」已下架"));
  // Another factory's item does not exist here.
  h.setFactory(2);
  r = user("/knowledge/order", "{\"itemId\":" + std::to_string(item) + "}", "POST");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "知识付费内容 1 不存在"));
  h.setFactory(1);
  h.setUser(0);
  r = user("/knowledge/order", "{\"itemId\":" + std::to_string(item) + "}", "POST");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(2000, "请先登录"));
  EXPECT_TRUE(rows().empty());
}

TEST_F(KnowledgeUserRoutesTest, OrderRefusesAnItemTheUserAlreadyBought) {
  const auto item = addItem("课程A", "1");
  pay(order(item));
  const auto r = user("/knowledge/order", "{\"itemId\":" + std::to_string(item) + "}", "POST");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "已购买过知识付费内容「课程A」,不能重复购买"));
  EXPECT_EQ(rows().size(), 1u);
  // Another user may still buy it.
  h.setUser(2);
  EXPECT_EQ(order(item), 2);
}

TEST_F(KnowledgeUserRoutesTest, ItemShowsTheContentOnlyToItsBuyer) {
  const auto item = addItem("课程A", "1");
  auto r = user("/knowledge/item", "{\"id\":" + std::to_string(item) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("summary"), "课程A 简介");
  EXPECT_FALSE(object(r)->getValue<bool>("bought"));
  EXPECT_FALSE(object(r)->has("content"));
  // Pending is not paid.
  const auto purchase = order(item);
  r = user("/knowledge/item", "{\"id\":" + std::to_string(item) + "}");
  EXPECT_FALSE(object(r)->has("content"));
  pay(purchase);
  r = user("/knowledge/item", "{\"id\":\"" + std::to_string(item) + "\"}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_TRUE(object(r)->getValue<bool>("bought"));
  EXPECT_EQ(object(r)->getValue<std::string>("content"), "课程A 正文");
  // Another user sees the summary only.
  h.setUser(2);
  r = user("/knowledge/item", "{\"id\":" + std::to_string(item) + "}");
  EXPECT_FALSE(object(r)->has("content"));
  EXPECT_EQ(object(r)->getValue<std::string>("summary"), "课程A 简介");
}

TEST_F(KnowledgeUserRoutesTest, AnItemOffSaleStaysReadableForItsBuyersOnly) {
  const auto item = addItem("课程A", "1");
  pay(order(item));
  setOnSale(item, "课程A", "1", false);
  auto r = user("/knowledge/item", "{\"id\":" + std::to_string(item) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("content"), "课程A 正文");
  h.setUser(2);
  r = user("/knowledge/item", "{\"id\":" + std::to_string(item) + "}");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "知识付费内容 1 不存在"));
  r = user("/knowledge/item", "{}");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "缺少参数 id"));
}

TEST_F(KnowledgeUserRoutesTest, ItemsListsWhatIsOnSaleWithBought) {
  auto r = user("/knowledge/items", "{}");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "暂无数据"));
  const auto a = addItem("课程A", "1");
  addItem("课程B", "2", false);
  const auto c = addItem("课程C", "3");
  pay(order(c));
  r = user("/knowledge/items", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto list = array(r);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->getObject(0)->getValue<Poco::Int64>("id"), a);
  EXPECT_FALSE(list->getObject(0)->getValue<bool>("bought"));
  EXPECT_EQ(list->getObject(1)->getValue<Poco::Int64>("id"), c);
  EXPECT_TRUE(list->getObject(1)->getValue<bool>("bought"));
  EXPECT_FALSE(list->getObject(1)->has("content"));
  r = user("/knowledge/items", R"({"page":2,"pageSize":1})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("id"), c);
  r = user("/knowledge/items", R"({"pageSize":101})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 pageSize 格式错误,应为1 到 100 之间的整数"));
}

TEST_F(KnowledgeUserRoutesTest, PurchasesListsTheUsersOwnNewestFirst) {
  auto r = user("/knowledge/purchases", "{}");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "暂无数据"));
  const auto a = addItem("课程A", "1"), b = addItem("课程B", "2.50");
  pay(order(a));
  order(b);
  h.setUser(2);
  order(a);
  h.setUser(1);
  r = user("/knowledge/purchases", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  auto list = array(r);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("title"), "课程B");
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("status"), "PENDING");
  EXPECT_DOUBLE_EQ(list->getObject(0)->getValue<double>("price"), 2.5);
  EXPECT_EQ(list->getObject(1)->getValue<std::string>("status"), "PAID");
  r = user("/knowledge/purchases", R"({"status":"PAID"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("title"), "课程A");
  r = user("/knowledge/purchases", R"({"status":"DONE"})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 status 格式错误,应为PENDING 或 PAID"));
}

}  // namespace
}  // namespace paynext::plugins::knowledge::test
