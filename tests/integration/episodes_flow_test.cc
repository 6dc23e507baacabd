// The episodes module end to end: an admin adds a video goods, a user sees
// its episodes locked through the module's route, unlocks one with WeChat
// (nextAction type 18) and then plays it through the module's route; two
// payments of one user for one episode unlock it once and charge once.

#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class EpisodesFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"episodes"});
    goods_ = addGoods("f1", R"({"name":"都市传说","price":"1.50","freeCount":1,"urls":["https://v.example/1",)"
                            R"("https://v.example/2","https://v.example/3","https://v.example/4"]})");
    token_ = env_.userToken("f1", "13800000000");
  }

  std::string addGoods(const std::string& factory, const std::string& json) {
    auto r = env_.admin("POST", "/factories/" + factory + "/modules/episodes/goods", json);
    EXPECT_EQ(201, r.status) << r.body;
    return std::to_string(r.json()->getValue<std::int64_t>("id"));
  }

  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields) {
    fields["token"] = token_;
    return env_.call("f1", path, fields);
  }
  Poco::JSON::Object::Ptr play(const std::string& number) {
    return call("/episodes/play", {{"goodsId", goods_}, {"number", number}});
  }
  std::string nextAction(const std::string& number) {
    return "{type:18, goodsId:" + goods_ + ", number:" + number + "}";
  }
  Poco::JSON::Object::Ptr payRequest(const std::string& money, const std::string& action) {
    return call("/pay/wx/wxapp", {{"money", money}, {"nextAction", action}});
  }
  // Opens a WeChat payment carrying the chain; its out trade id.
  std::string pay(const std::string& money, const std::string& action) {
    auto r = payRequest(money, action);
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data")->getValue<std::string>("outTradeId");
  }
  double balance() { return call("/user/amount", {})->getObject("data")->getValue<double>("balance"); }

  PaynextEnv env_{EnvOptions{{"episodes"}, {{"worker.threads", "2"}, {"worker.pollIntervalMs", "100"}}}};
  DbProbe db_{env_.storage()};
  std::string goods_, token_;
};

TEST_F(EpisodesFlowTest, UnlocksAnEpisodeWithWeChatThenPlaysIt) {
  auto list = call("/episodes/goods", {});
  ASSERT_EQ(0, list->getValue<int>("code")) << list->getValue<std::string>("msg");
  auto episode = list->getArray("data")->getObject(0)->getArray("episodes")->getObject(1);
  EXPECT_TRUE(episode->getValue<bool>("locked"));
  EXPECT_EQ("https://v.example/1", play("1")->getObject("data")->getValue<std::string>("url"));
  auto r = play("2");
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("「都市传说」第 2 集需购买后观看,价格 1.50 元", r->getValue<std::string>("msg"));

  env_.simPay(pay("1.50", nextAction("2")));
  ASSERT_TRUE(eventually([&] { return play("2")->getValue<int>("code") == 0; })) << env_.log();
  EXPECT_EQ("https://v.example/2", play("2")->getObject("data")->getValue<std::string>("url"));
  list = call("/episodes/goods", {});
  episode = list->getArray("data")->getObject(0)->getArray("episodes")->getObject(1);
  EXPECT_TRUE(episode->getValue<bool>("unlocked"));
  auto unlocked = call("/episodes/unlocked", {});
  ASSERT_EQ(0, unlocked->getValue<int>("code"));
  EXPECT_EQ(2, unlocked->getArray("data")->getObject(0)->getValue<int>("number"));
  // The step debited exactly what the notification credited.
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));
  EXPECT_DOUBLE_EQ(0, balance());

  // Unlocked once: paying for it again is refused up front.
  r = payRequest("1.50", nextAction("2"));
  EXPECT_EQ(300, r->getValue<int>("code"));
  EXPECT_EQ("nextAction 第 1 步:「都市传说」第 2 集已解锁,不能重复购买", r->getValue<std::string>("msg"));
  auto admin = env_.admin("GET", "/factories/f1/modules/episodes/unlocks");
  ASSERT_EQ(200, admin.status) << admin.body;
  EXPECT_NE(std::string::npos, admin.body.find("\"number\":2")) << admin.body;
}

TEST_F(EpisodesFlowTest, ARefusedPaymentStoresNothing) {
  env_.createFactory("f2", {"episodes"});
  const auto theirs = addGoods("f2", R"({"name":"别家剧","price":"1","urls":["https://v.example/x"]})");
  const auto off = addGoods("f1", R"({"name":"下架剧","price":"1","urls":["https://v.example/y"],"onSale":false})");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{type:18, number:2}", "nextAction 第 1 步:缺少参数 goodsId"},
      {"{type:18, goodsId:" + goods_ + ", number:'x'}", "nextAction 第 1 步:参数 number 格式错误,应为整数"},
      {nextAction("1"), "nextAction 第 1 步:「都市传说」第 1 集免费观看,无需购买"},
      {nextAction("5"), "nextAction 第 1 步:视频剧集商品「都市传说」共 4 集,没有第 5 集"},
      {"{type:18, goodsId:" + off + ", number:1}", "nextAction 第 1 步:视频剧集商品「下架剧」已下架"},
      {"{type:18, goodsId:" + theirs + ", number:1}", "nextAction 第 1 步:视频剧集商品 " + theirs + " 不存在"},
  };
  for (const auto& [action, message] : cases) {
    auto r = payRequest("1.50", action);
    EXPECT_NE(0, r->getValue<int>("code")) << action;
    EXPECT_EQ(message, r->getValue<std::string>("msg")) << action;
  }
  // The money must cover the episode's price, whatever the client claims.
  auto r = payRequest("0.01", nextAction("2"));
  EXPECT_NE(0, r->getValue<int>("code"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM episodes_unlocks"));
}

TEST_F(EpisodesFlowTest, TwoPaymentsForTheSameEpisodeUnlockItOnce) {
  // Both are created before either is paid, so both pass validate.
  const auto first = pay("1.50", nextAction("3"));
  const auto second = pay("1.50", nextAction("3"));
  env_.simPayAtOnce({first, second});
  ASSERT_TRUE(eventually([&] { return db_.settled(first) && db_.settled(second); })) << env_.log();
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ("「都市传说」第 3 集已解锁,不能重复购买",
            db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM episodes_unlocks"));
  // Charged once: the second payment's money stays in the wallet.
  EXPECT_DOUBLE_EQ(1.5, balance());
  EXPECT_EQ(0, play("3")->getValue<int>("code"));
}

}  // namespace
}  // namespace paynext::testing
