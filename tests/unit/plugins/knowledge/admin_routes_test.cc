#include "plugins/knowledge/admin_routes.h"

#include "knowledge_test_support.h"

namespace paynext::plugins::knowledge::test {
namespace {

class KnowledgeAdminRoutesTest : public KnowledgeTest {
 protected:
  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& params) {
    return h.callAs(sdk::Audience::Admin, method, path, params);
  }
};

TEST_F(KnowledgeAdminRoutesTest, EveryAdminRouteHasAChineseTitle) {
  for (const auto& r : adminRoutes()) {
    EXPECT_EQ(r.audience, sdk::Audience::Admin);
    EXPECT_EQ(r.title, r.path.rfind("/items", 0) == 0 ? "知识付费内容" : "知识付费订单") << r.path;
  }
}

TEST_F(KnowledgeAdminRoutesTest, PublishesListsAndReplacesItems) {
  h.clock().advance(1000);
  auto r = admin("POST", "/items", R"({"title":"课程A","summary":"简介","price":12.5,"content":"正文"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  auto item = object(r);
  EXPECT_EQ(item->getValue<Poco::Int64>("id"), 1);
  EXPECT_DOUBLE_EQ(item->getValue<double>("price"), 12.5);
  EXPECT_TRUE(item->getValue<bool>("onSale"));
  EXPECT_EQ(item->getValue<std::string>("content"), "正文");
  EXPECT_EQ(item->getValue<Poco::Int64>("createdAt"), h.clock().now);

  h.clock().advance(1000);
  r = admin("PUT", "/items", R"({"id":"1","title":"课程A2","price":"9.90","content":"新正文","onSale":"false"})");
  ASSERT_EQ(r.code, 0) << r.msg;
  r = admin("GET", "/items", R"({"id":1})");
  ASSERT_EQ(r.code, 0) << r.msg;
  item = object(r);
  EXPECT_EQ(item->getValue<std::string>("title"), "课程A2");
  EXPECT_EQ(item->getValue<std::string>("summary"), "");
  EXPECT_DOUBLE_EQ(item->getValue<double>("price"), 9.9);
  EXPECT_FALSE(item->getValue<bool>("onSale"));
  EXPECT_EQ(item->getValue<Poco::Int64>("createdAt"), h.clock().now - 1000);
  EXPECT_EQ(item->getValue<Poco::Int64>("updatedAt"), h.clock().now);

  addItem("课程B", "1");
  r = admin("GET", "/items", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 2u);  // off sale ones too
  r = admin("GET", "/items", R"({"limit":1,"offset":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("title"), "课程B");
}

TEST_F(KnowledgeAdminRoutesTest, RefusesBadItemsNamingTheFieldAndStoresNothing) {
  const std::vector<std::pair<std::string, Refusal>> cases = {
      {R"({"price":1,"content":"c"})", {300, "缺少参数 title"}},
      {R"({"title":"t","content":"c"})", {300, "缺少参数 price"}},
      {R"({"title":"t","price":0,"content":"c"})", {300, "参数 price 格式错误,应为大于 0 的金额"}},
      {R"({"title":"t","price":"1.001","content":"c"})", {300, "参数 price 格式错误,应为不超过两位小数的非负金额"}},
      {R"({"title":"t","price":1})", {300, "缺少参数 content"}},
      {R"({"title":"t","price":1,"content":"c","onSale":"yes"})", {300, "参数 onSale 格式错误,应为true 或 false"}},
      {R"({"title":")" + std::string(201, 'x') + R"(","price":1,"content":"c"})", {300, "参数 title 不能超过 200 字节"}},
  };
  for (const auto& [params, expected] : cases) {
    const auto r = admin("POST", "/items", params);
    EXPECT_EQ(Refusal(r.code, r.msg), expected) << params;
  }
  auto r = admin("PUT", "/items", R"({"title":"t","price":1,"content":"c"})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "缺少参数 id"));
  r = admin("PUT", "/items", R"({"id":7,"title":"t","price":1,"content":"c"})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "知识付费内容 7 不存在"));
  r = admin("GET", "/items", R"({"id":7})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "知识付费内容 7 不存在"));
  EXPECT_EQ(itemCount(), 0);
}

TEST_F(KnowledgeAdminRoutesTest, ItemsOfAnotherFactoryAreNotSeen) {
  addItem("课程A", "1");
  h.setFactory(2);
  EXPECT_EQ(array(admin("GET", "/items", "{}"))->size(), 0u);
  const auto r = admin("PUT", "/items", R"({"id":1,"title":"t","price":1,"content":"c"})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "知识付费内容 1 不存在"));
  h.setFactory(1);
  EXPECT_EQ(object(admin("GET", "/items", R"({"id":1})"))->getValue<std::string>("title"), "课程A");
}

TEST_F(KnowledgeAdminRoutesTest, ListsAndInspectsPurchases) {
  const auto a = addItem("课程A", "1.50");
  order(a);
  h.ledger().balance_ = 150;
  const auto run = h.newPayment();
  ASSERT_EQ(h.execute(1, R"({"id":1})", run).status, sdk::StepResult::Status::Done);
  h.setUser(2);
  order(a);

  auto r = admin("GET", "/purchases", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  auto list = array(r);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->getObject(0)->getValue<Poco::Int64>("userId"), 2);
  EXPECT_EQ(list->getObject(1)->getValue<std::string>("status"), "PAID");
  EXPECT_DOUBLE_EQ(list->getObject(1)->getValue<double>("amount"), 1.5);
  EXPECT_EQ(list->getObject(1)->getValue<std::string>("paidReference"), run.key);

  r = admin("GET", "/purchases", R"({"userId":1})");
  ASSERT_EQ(array(r)->size(), 1u);
  r = admin("GET", "/purchases", R"({"status":"PENDING"})");
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<Poco::Int64>("userId"), 2);
  r = admin("GET", "/purchases", R"({"userId":9})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "用户 9 不存在"));
  r = admin("GET", "/purchases", R"({"status":"x"})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 status 格式错误,应为PENDING 或 PAID"));
  r = admin("GET", "/purchases", R"({"limit":501})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(300, "参数 limit 格式错误,应为1 到 500 之间的整数"));

  r = admin("GET", "/purchases", R"({"id":2})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::string>("status"), "PENDING");
  r = admin("GET", "/purchases", R"({"id":3})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "知识付费订单 3 不存在"));
  h.setFactory(2);
  r = admin("GET", "/purchases", R"({"id":2})");
  EXPECT_EQ(Refusal(r.code, r.msg), Refusal(700, "知识付费订单 2 不存在"));
  EXPECT_EQ(array(admin("GET", "/purchases", "{}"))->size(), 0u);
}

}  // namespace
}  // namespace paynext::plugins::knowledge::test
