// The imagetrade module end to end: a seller lists an image, a buyer makes a
// purchase record and pays it with WeChat through the gateway simulator; the
// original goes to the buyer and the seller's wallet gets the price less the
// platform's commission.
#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class ImageTradeFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"imagetrade"});
    auto r = env_.admin("PUT", "/factories/f1/modules/imagetrade/settings",
                        R"({"minPrice":"0.01","maxPrice":"100","commissionPercent":10})");
    ASSERT_EQ(200, r.status) << r.body;
    seller_ = env_.userToken("f1", "13800000001");
    buyer_ = env_.userToken("f1", "13800000002");
  }

  Poco::JSON::Object::Ptr call(const std::string& token, const std::string& path,
                               std::map<std::string, std::string> fields) {
    fields["token"] = token;
    return env_.call("f1", path, fields);
  }
  Poco::JSON::Object::Ptr ok(const Poco::JSON::Object::Ptr& r) {
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data");
  }
  std::string publish(const std::string& price) {
    auto image = ok(call(seller_, "/imagetrade/image/publish",
                         {{"title", "日出"}, {"previewUrl", "https://img/p.jpg"},
                          {"originalUrl", "https://img/o.jpg"}, {"price", price}}));
    return std::to_string(image->getValue<std::int64_t>("id"));
  }
  std::string buy(const std::string& token, const std::string& imageId) {
    return std::to_string(ok(call(token, "/imagetrade/buy", {{"imageId", imageId}}))->getValue<std::int64_t>("id"));
  }
  // Opens a WeChat payment of `money` paying the purchase; its out trade id.
  std::string openPayment(const std::string& token, const std::string& money, const std::string& purchaseId) {
    auto data = ok(call(token, "/pay/wx/wxapp", {{"money", money}, {"nextAction", "{type:11, id:" + purchaseId + "}"}}));
    return data->getValue<std::string>("outTradeId");
  }
  // The status of the payment's step once it settled (DONE or FAILED).
  std::string settledStep(const std::string& out) {
    const std::string sql = "SELECT s.status FROM chain_steps s JOIN payments p ON p.id = s.payment_id "
                            "WHERE p.out_trade_id = '" + out + "'";
    const std::string settled = "SELECT COUNT(*) FROM chain_steps s JOIN payments p ON p.id = s.payment_id "
                                "WHERE p.out_trade_id = '" + out + "' AND s.status IN ('DONE', 'FAILED')";
    EXPECT_TRUE(eventually([&] { return db_.count(settled) == 1; }));
    return db_.text(sql);
  }
  double balance(const std::string& token) {
    return ok(call(token, "/user/amount", {}))->getValue<double>("balance");
  }
  std::string originalUrl(const std::string& token, const std::string& imageId) {
    return ok(call(token, "/imagetrade/original", {{"imageId", imageId}}))->getValue<std::string>("url");
  }

  PaynextEnv env_{EnvOptions{{"imagetrade"}}};
  DbProbe db_{env_.storage()};
  std::string seller_, buyer_;
};

TEST_F(ImageTradeFlowTest, PaysWithWeChatGetsTheOriginalAndCreditsTheSeller) {
  const auto image = publish("12.34");
  const auto purchase = buy(buyer_, image);
  EXPECT_EQ("https://img/p.jpg", originalUrl(buyer_, image));
  const auto out = openPayment(buyer_, "12.34", purchase);
  env_.simPay(out);
  ASSERT_EQ("DONE", settledStep(out));
  EXPECT_EQ("https://img/o.jpg", originalUrl(buyer_, image));
  EXPECT_DOUBLE_EQ(0, balance(buyer_));
  // 10% of 12.34 is 1.234: the platform keeps 1.23, the seller gets 11.11.
  EXPECT_DOUBLE_EQ(11.11, balance(seller_));
  auto mine = call(buyer_, "/imagetrade/my/purchases", {})->getArray("data");
  ASSERT_EQ(1u, mine->size());
  EXPECT_EQ("PAID", mine->getObject(0)->getValue<std::string>("status"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM ledger_entries WHERE reason = '出售图片' AND amount = 1111"));
  // Sold once: the list for sale is empty now, and nobody else can buy it.
  EXPECT_EQ(700, env_.call("f1", "/imagetrade/images", {})->getValue<int>("code"));
  auto again = call(seller_, "/imagetrade/buy", {{"imageId", image}});
  EXPECT_EQ(300, again->getValue<int>("code"));
}

TEST_F(ImageTradeFlowTest, ARefusedPaymentStoresNothing) {
  const auto image = publish("5");
  auto r = call(buyer_, "/pay/wx/wxapp", {{"money", "5"}, {"nextAction", "{type:11, id:" + image + "}"}});
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:参数 id 应为图片交易购买记录的 id(由 /imagetrade/buy 返回),不是图片的 id",
            r->getValue<std::string>("msg"));
  r = call(buyer_, "/pay/wx/wxapp", {{"money", "5"}, {"nextAction", "{type:11}"}});
  EXPECT_EQ("nextAction 第 1 步:缺少参数 id", r->getValue<std::string>("msg"));
  const auto purchase = buy(buyer_, image);
  // The amount is the price on record: a payment short of it is refused.
  r = call(buyer_, "/pay/wx/wxapp", {{"money", "4.99"}, {"nextAction", "{type:11, id:" + purchase + "}"}});
  EXPECT_NE(0, r->getValue<int>("code"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM chain_steps"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM imagetrade_purchases WHERE status = 'UNPAID'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM imagetrade_images WHERE status = 'ON_SALE'"));
}

TEST_F(ImageTradeFlowTest, TwoBuyersRaceAndExactlyOneGetsTheImage) {
  const auto other = env_.userToken("f1", "13800000003");
  const auto image = publish("3");
  const auto first = openPayment(buyer_, "3", buy(buyer_, image));
  const auto second = openPayment(other, "3", buy(other, image));
  env_.simPay(first);
  env_.simPay(second);
  const auto a = settledStep(first), b = settledStep(second);
  EXPECT_TRUE((a == "DONE" && b == "FAILED") || (a == "FAILED" && b == "DONE")) << a << " " << b;
  const auto& loser = a == "FAILED" ? buyer_ : other;
  const auto& winner = a == "FAILED" ? other : buyer_;
  EXPECT_DOUBLE_EQ(3, balance(loser));  // the money stays in the wallet
  EXPECT_DOUBLE_EQ(0, balance(winner));
  EXPECT_DOUBLE_EQ(2.7, balance(seller_));
  EXPECT_EQ("https://img/o.jpg", originalUrl(winner, image));
  EXPECT_EQ("https://img/p.jpg", originalUrl(loser, image));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM imagetrade_purchases WHERE status = 'PAID'"));
  EXPECT_EQ("图片 " + image + " 已售出",
            db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
}

}  // namespace
}  // namespace paynext::testing
