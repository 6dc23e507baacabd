// The blindbox module end to end: a user writes a box and publishes it with
// nextAction type 22 after a WeChat payment, another buys draws with type 21
// and draws it; two payments for one box publish it once, and two draws with
// one draw left reveal one box.
#include <thread>

#include <gtest/gtest.h>

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

class BlindboxFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"blindbox"});
    auto r = env_.admin("PUT", "/factories/f1/modules/blindbox/settings",
                        R"({"boxPrice":"5.20","pullPrice":"1","maxPullTimes":10,"expireMinutes":30})");
    ASSERT_EQ(200, r.status) << r.body;
    token_ = env_.userToken("f1", "13800000000");
    other_ = env_.userToken("f1", "13900000000");
  }

  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields,
                               const std::string& token) {
    fields["token"] = token;
    return env_.call("f1", path, fields);
  }

  std::int64_t createBox(const std::string& token, const std::string& contact) {
    auto r = call("/blindbox/box/create", {{"gender", "2"}, {"intro", "爱爬山"}, {"contact", contact}}, token);
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data")->getValue<std::int64_t>("id");
  }

  // Opens a WeChat payment carrying the chain; its out trade id.
  std::string pay(const std::string& money, const std::string& nextAction, const std::string& token) {
    auto r = call("/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}}, token);
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data")->getValue<std::string>("outTradeId");
  }

  double balance(const std::string& token) {
    return call("/user/amount", {}, token)->getObject("data")->getValue<double>("balance");
  }

  // A published box of a new user; its id.
  std::int64_t publishedBox(const std::string& mobile, const std::string& contact) {
    const auto token = env_.userToken("f1", mobile);
    const auto box = createBox(token, contact);
    const auto out = pay("5.20", "{type:22, boxId:" + std::to_string(box) + "}", token);
    env_.simPay(out);
    EXPECT_TRUE(eventually([&] { return db_.steps(out) == "DONE"; })) << env_.log();
    return box;
  }

  PaynextEnv env_{EnvOptions{{"blindbox"}, {{"worker.threads", "2"}, {"worker.pollIntervalMs", "100"}}}};
  DbProbe db_{env_.storage()};
  std::string token_, other_;
};

TEST_F(BlindboxFlowTest, PublishesABoxAndAnotherUserDrawsIt) {
  const auto box = createBox(token_, "wx:alice");
  const auto out = pay("5.20", "{type:22, boxId:" + std::to_string(box) + "}", token_);
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.steps(out) == "DONE"; })) << env_.log();
  auto mine = call("/blindbox/boxes", {}, token_);
  ASSERT_EQ(0, mine->getValue<int>("code"));
  EXPECT_EQ("PUBLISHED", mine->getArray("data")->getObject(0)->getValue<std::string>("status"));
  EXPECT_DOUBLE_EQ(0, balance(token_));

  // No draws yet: refused, nothing spent.
  auto refused = call("/blindbox/draw", {}, other_);
  EXPECT_EQ(300, refused->getValue<int>("code"));
  EXPECT_EQ("没有剩余的盲盒抽取次数,请先购买", refused->getValue<std::string>("msg"));

  const auto buy = pay("2", "{type:21, pullTimes:'2'}", other_);
  env_.simPay(buy);
  ASSERT_TRUE(eventually([&] { return db_.steps(buy) == "DONE"; })) << env_.log();
  EXPECT_DOUBLE_EQ(0, balance(other_));
  auto drawn = call("/blindbox/draw", {}, other_);
  ASSERT_EQ(0, drawn->getValue<int>("code")) << drawn->getValue<std::string>("msg");
  EXPECT_EQ("wx:alice", drawn->getObject("data")->getValue<std::string>("contact"));
  EXPECT_EQ(1, drawn->getObject("data")->getValue<int>("pullsLeft"));
  // The one box is drawn: nothing left, the draw is kept.
  auto none = call("/blindbox/draw", {}, other_);
  EXPECT_EQ(700, none->getValue<int>("code"));
  EXPECT_EQ("暂时没有可以抽取的盲盒", none->getValue<std::string>("msg"));
  auto draws = call("/blindbox/draws", {}, other_);
  ASSERT_EQ(0, draws->getValue<int>("code"));
  EXPECT_EQ(1u, draws->getArray("data")->size());
  auto admin = env_.admin("GET", "/factories/f1/modules/blindbox/draws");
  ASSERT_EQ(200, admin.status) << admin.body;
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM blindbox_draws"));
  EXPECT_EQ(1, db_.count("SELECT pulls FROM blindbox_pulls_left"));
}

TEST_F(BlindboxFlowTest, ARefusedPaymentStoresNothing) {
  const auto box = createBox(token_, "wx:alice");
  const std::vector<std::tuple<std::string, std::string, int, std::string>> cases = {
      {"1", "{type:22}", 300, "缺少参数 boxId"},
      {"1", "{type:22, boxId:'x'}", 300, "参数 boxId 格式错误,应为整数"},
      {"1", "{type:22, boxId:999}", 700, "盲盒 999 不存在"},
      {"1", "{type:21}", 300, "缺少参数 pullTimes"},
      {"1", "{type:21, pullTimes:0}", 300, "参数 pullTimes 格式错误,应为正整数"},
      {"1", "{type:21, pullTimes:11}", 300, "参数 pullTimes 不能超过 10"},
  };
  for (const auto& [money, nextAction, code, msg] : cases) {
    auto r = call("/pay/wx/wxapp", {{"money", money}, {"nextAction", nextAction}}, token_);
    EXPECT_EQ(code, r->getValue<int>("code")) << nextAction;
    EXPECT_EQ("nextAction 第 1 步:" + msg, r->getValue<std::string>("msg")) << nextAction;
  }
  // Someone else's box is unknown to the caller.
  auto foreign = call("/pay/wx/wxapp", {{"money", "5.20"}, {"nextAction", "{type:22, boxId:" + std::to_string(box) + "}"}},
                      other_);
  EXPECT_EQ(700, foreign->getValue<int>("code"));
  // The price is the module's, not the payment's: 0.50 cannot cover 5.20.
  auto shortPay =
      call("/pay/wx/wxapp", {{"money", "0.50"}, {"nextAction", "{type:22, boxId:" + std::to_string(box) + "}"}}, token_);
  EXPECT_NE(0, shortPay->getValue<int>("code"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM blindbox_boxes WHERE status = 'PENDING'"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM blindbox_pull_purchases"));
}

TEST_F(BlindboxFlowTest, TwoPaymentsForOneBoxPublishItOnce) {
  const auto box = createBox(token_, "wx:alice");
  const std::string nextAction = "{type:22, boxId:" + std::to_string(box) + "}";
  const auto first = pay("5.20", nextAction, token_);
  const auto second = pay("5.20", nextAction, token_);
  env_.simPayAtOnce({first, second});
  ASSERT_TRUE(eventually([&] { return db_.settled(first) && db_.settled(second); })) << env_.log();
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ("盲盒 " + std::to_string(box) + " 已投放",
            db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM blindbox_boxes WHERE status = 'PUBLISHED'"));
  // The losing payment's money stays in the wallet.
  EXPECT_DOUBLE_EQ(5.2, balance(token_));
}

TEST_F(BlindboxFlowTest, TwoDrawsWithOneDrawLeftRevealOneBox) {
  publishedBox("13700000001", "wx:one");
  publishedBox("13700000002", "wx:two");
  const auto buy = pay("1", "{type:21, pullTimes:1}", other_);
  env_.simPay(buy);
  ASSERT_TRUE(eventually([&] { return db_.steps(buy) == "DONE"; })) << env_.log();
  int codes[2] = {-1, -1};
  std::thread a([&] { codes[0] = call("/blindbox/draw", {}, other_)->getValue<int>("code"); });
  std::thread b([&] { codes[1] = call("/blindbox/draw", {}, other_)->getValue<int>("code"); });
  a.join();
  b.join();
  EXPECT_EQ(1, (codes[0] == 0) + (codes[1] == 0)) << codes[0] << " " << codes[1];
  EXPECT_EQ(1, (codes[0] == 300) + (codes[1] == 300)) << codes[0] << " " << codes[1];
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM blindbox_draws"));
  EXPECT_EQ(0, db_.count("SELECT pulls FROM blindbox_pulls_left"));
}

}  // namespace
}  // namespace paynext::testing
