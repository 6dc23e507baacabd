#include "plugins/imagetrade/user_routes.h"

#include "imagetrade_test_support.h"

namespace paynext::plugins::imagetrade::test {
namespace {

using sdk::Audience;

class UserRoutesTest : public ImageTradeTest {
 protected:
  sdk::RouteResponse user(const std::string& method, const std::string& path, const std::string& json) {
    return h.callAs(Audience::User, method, path, json);
  }
  // Pays the purchase as the buyer it belongs to, through the step.
  void pay(std::int64_t purchase, std::int64_t buyer = kBuyer) {
    h.setUser(buyer);
    h.ledger(buyer).balance_ += 1000000;
    ASSERT_EQ(h.execute(11, "{\"id\":" + std::to_string(purchase) + "}").status, Status::Done);
  }
};

TEST_F(UserRoutesTest, PublishAnswersTheImageWithItsOriginal) {
  h.setUser(kSeller);
  h.clock().advance(5000);
  const auto r = user("POST", "/imagetrade/image/publish",
                      R"({"title":"日出","previewUrl":"https://img/p.jpg","originalUrl":"https://img/o.jpg","price":12.5})");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto image = object(r);
  EXPECT_EQ(image->getValue<std::int64_t>("id"), 1);
  EXPECT_EQ(image->getValue<std::int64_t>("sellerId"), kSeller);
  EXPECT_DOUBLE_EQ(image->getValue<double>("price"), 12.5);
  EXPECT_EQ(image->getValue<std::string>("originalUrl"), "https://img/o.jpg");
  EXPECT_EQ(image->getValue<std::string>("status"), "ON_SALE");
  EXPECT_EQ(image->getValue<std::int64_t>("createdAt"), h.clock().now);
  EXPECT_EQ(images(), std::vector<std::string>{"1/2/日出/1250/ON_SALE/0"});
}

TEST_F(UserRoutesTest, PublishRefusalsNameTheFieldAndStoreNothing) {
  const std::string urls = R"("previewUrl":"https://img/p.jpg","originalUrl":"https://img/o.jpg")";
  auto refused = [&](const std::string& json) {
    const auto r = user("POST", "/imagetrade/image/publish", json);
    return Refusal(r.code, r.msg);
  };
  EXPECT_EQ(refused("{" + urls + R"(,"price":1})"), Refusal(300, "缺少参数 title"));
  EXPECT_EQ(refused(R"({"title":"a","originalUrl":"https://o","price":1})"), Refusal(300, "缺少参数 previewUrl"));
  EXPECT_EQ(refused(R"({"title":"a","previewUrl":"javascript:x","originalUrl":"https://o","price":1})"),
            Refusal(300, "参数 previewUrl 格式错误,应为以 http:// 或 https:// 开头的地址"));
  EXPECT_EQ(refused(R"({"title":"a","previewUrl":"https://p","price":1})"), Refusal(300, "缺少参数 originalUrl"));
  EXPECT_EQ(refused(R"({"title":"a",)" + urls + "}"), Refusal(300, "缺少参数 price"));
  EXPECT_EQ(refused(R"({"title":"a",)" + urls + R"(,"price":"1.001"})"),
            Refusal(300, "参数 price 格式错误,应为不超过两位小数的非负金额"));
  EXPECT_EQ(refused(R"({"title":"a",)" + urls + R"(,"price":0})"),
            Refusal(300, "参数 price 价格应在 0.01 到 10000.00 元之间"));
  EXPECT_EQ(refused(R"({"title":"a",)" + urls + R"(,"price":"10000.01"})"),
            Refusal(300, "参数 price 价格应在 0.01 到 10000.00 元之间"));
  EXPECT_EQ(refused(R"({"title":")" + std::string(101, 'x') + "\"," + urls + R"(,"price":1})"),
            Refusal(300, "参数 title 不能超过 100 字节"));
  h.setUser(0);
  EXPECT_EQ(refused(R"({"title":"a",)" + urls + R"(,"price":1})"), Refusal(2000, "请先登录"));
  EXPECT_TRUE(images().empty());
}

TEST_F(UserRoutesTest, TheListForSaleIsPublicAndHidesOriginals) {
  EXPECT_EQ(h.callAs(Audience::Public, "GET", "/imagetrade/images", "{}").code, 700);
  const auto sold = publish("1", kSeller, "晚霞");
  publish("2", kSeller, "星空");
  pay(buy(sold));
  h.setUser(0);
  const auto r = h.callAs(Audience::Public, "GET", "/imagetrade/images", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  const auto list = array(r);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("title"), "星空");
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("previewUrl"), "https://img/p.jpg");
  EXPECT_FALSE(list->getObject(0)->has("originalUrl"));
  EXPECT_EQ(h.callAs(Audience::Public, "GET", "/imagetrade/images", R"({"page":2})").code, 700);
  const auto bad = h.callAs(Audience::Public, "GET", "/imagetrade/images", R"({"pageSize":101})");
  EXPECT_EQ(Refusal(bad.code, bad.msg), Refusal(300, "参数 pageSize 格式错误,应为1 到 100 之间的整数"));
}

TEST_F(UserRoutesTest, MyImagesAreTheCallersWithOriginals) {
  publish("1", kSeller, "晚霞");
  publish("2", 3, "星空");
  h.setUser(kSeller);
  const auto r = user("GET", "/imagetrade/my/images", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("title"), "晚霞");
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("originalUrl"), "https://img/o.jpg");
  h.setUser(kBuyer);
  EXPECT_EQ(user("GET", "/imagetrade/my/images", "{}").code, 700);
}

TEST_F(UserRoutesTest, BuyAnswersThePurchaseRecordOnceWhileUnpaid) {
  const auto image = publish("3.5");
  const auto r = user("POST", "/imagetrade/buy", R"({"imageId":)" + std::to_string(image) + "}");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<std::int64_t>("id"), 1);
  EXPECT_EQ(object(r)->getValue<std::string>("title"), "日出");
  EXPECT_DOUBLE_EQ(object(r)->getValue<double>("price"), 3.5);
  EXPECT_EQ(object(r)->getValue<std::string>("status"), "UNPAID");
  EXPECT_EQ(buy(image), 1);  // asked again before paying: the same record
  EXPECT_EQ(purchases(), std::vector<std::string>{"1/1/1/2/350/0/UNPAID/"});
}

TEST_F(UserRoutesTest, BuyRefusalsStoreNothing) {
  const auto image = publish("1");
  auto refused = [&](const std::string& json) {
    const auto r = user("POST", "/imagetrade/buy", json);
    return Refusal(r.code, r.msg);
  };
  EXPECT_EQ(refused("{}"), Refusal(300, "缺少参数 imageId"));
  EXPECT_EQ(refused(R"({"imageId":"x"})"), Refusal(300, "参数 imageId 格式错误,应为整数"));
  EXPECT_EQ(refused(R"({"imageId":9})"), Refusal(700, "图片 9 不存在"));
  h.setUser(kSeller);
  EXPECT_EQ(refused(R"({"imageId":1})"), Refusal(300, "不能购买自己的图片"));
  h.setFactory(2);
  h.setUser(kBuyer);
  EXPECT_EQ(refused(R"({"imageId":1})"), Refusal(700, "图片 1 不存在"));
  h.setFactory(1);
  EXPECT_TRUE(purchases().empty());
  pay(buy(image, 3), 3);
  h.setUser(kBuyer);
  EXPECT_EQ(refused(R"({"imageId":1})"), Refusal(300, "图片 1 已售出"));
  EXPECT_EQ(purchases().size(), 1u);
}

TEST_F(UserRoutesTest, MyPurchasesAreTheCallers) {
  const auto image = publish("1");
  buy(image, 3);
  h.setUser(kBuyer);
  EXPECT_EQ(user("GET", "/imagetrade/my/purchases", "{}").code, 700);
  buy(image);
  const auto r = user("GET", "/imagetrade/my/purchases", "{}");
  ASSERT_EQ(r.code, 0) << r.msg;
  ASSERT_EQ(array(r)->size(), 1u);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::int64_t>("id"), 2);
  EXPECT_EQ(array(r)->getObject(0)->getValue<std::string>("title"), "日出");
}

TEST_F(UserRoutesTest, TheOriginalGoesToTheSellerAndThePayingBuyerOnly) {
  const auto image = publish("1");
  auto url = [&](std::int64_t who) {
    h.setUser(who);
    const auto r = user("GET", "/imagetrade/original", R"({"imageId":)" + std::to_string(image) + "}");
    EXPECT_EQ(r.code, 0) << r.msg;
    return object(r)->getValue<std::string>("url");
  };
  EXPECT_EQ(url(kSeller), "https://img/o.jpg");
  const auto purchase = buy(image);
  EXPECT_EQ(url(kBuyer), "https://img/p.jpg");  // bought, not paid
  pay(purchase);
  EXPECT_EQ(url(kBuyer), "https://img/o.jpg");
  EXPECT_EQ(url(3), "https://img/p.jpg");
  h.setUser(kBuyer);
  const auto missing = user("GET", "/imagetrade/original", R"({"imageId":7})");
  EXPECT_EQ(Refusal(missing.code, missing.msg), Refusal(700, "图片 7 不存在"));
  h.setUser(0);
  EXPECT_EQ(user("GET", "/imagetrade/original", R"({"imageId":1})").code, 2000);
}

}  // namespace
}  // namespace paynext::plugins::imagetrade::test
