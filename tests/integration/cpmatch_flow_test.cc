// The cpmatch module end to end: an admin publishes a CP activity, users sign
// up through /cpmatch/signup stating their gender and pay the fee with WeChat
// through the gateway simulator as nextAction type 23, and are admitted; when
// the activity ends (the server's test clock moved past it) the module's job
// pairs them once and each sees the match through /cpmatch/my/match, and one
// left over is told so. A refused payment stores nothing, and the last place
// goes to exactly one of two racing payments; the other step fails and its
// money stays in the wallet.
#include <chrono>

#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "paynext/sdk/china_time.h"

#include "tests/integration/support/db_probe.h"
#include "tests/integration/support/paynext_env.h"

namespace paynext::testing {
namespace {

constexpr std::int64_t kMinute = 60 * 1000;

std::int64_t nowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class CpmatchFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.createFactory("f1", {"cpmatch"});
    token_ = env_.userToken("f1", "13800000000");
  }

  // Publishes an activity starting in 10 minutes and ending in 20 unless told otherwise; its id.
  std::string addActivity(const std::string& title, const std::string& fee, int capacity, bool perGender,
                          std::int64_t startsInMs = 10 * kMinute, std::int64_t endsInMs = 20 * kMinute) {
    const std::int64_t now = nowMs();
    auto r = env_.admin("POST", "/factories/f1/modules/cpmatch/activities",
                        R"({"title":")" + title + R"(","fee":")" + fee + R"(","capacity":)" +
                            std::to_string(capacity) + R"(,"perGender":)" + (perGender ? "true" : "false") +
                            R"(,"dateStart":")" + sdk::formatChinaTime(now + startsInMs) + R"(","dateEnd":")" +
                            sdk::formatChinaTime(now + endsInMs) + R"("})");
    EXPECT_EQ(201, r.status) << r.body;
    return std::to_string(r.json()->getValue<std::int64_t>("id"));
  }

  Poco::JSON::Object::Ptr call(const std::string& path, std::map<std::string, std::string> fields,
                               const std::string& token = "") {
    fields["token"] = token.empty() ? token_ : token;
    return env_.call("f1", path, fields);
  }
  Poco::JSON::Object::Ptr ok(const Poco::JSON::Object::Ptr& r) {
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getObject("data");
  }
  Poco::JSON::Array::Ptr items(const Poco::JSON::Object::Ptr& r) {
    EXPECT_EQ(0, r->getValue<int>("code")) << r->getValue<std::string>("msg");
    return r->getArray("data");
  }
  void signup(const std::string& activity, int gender, const std::string& token = "") {
    ok(call("/cpmatch/signup", {{"cpactivityId", activity}, {"gender", std::to_string(gender)}}, token));
  }
  Poco::JSON::Object::Ptr payRequest(const std::string& money, const std::string& activity,
                                     const std::string& token = "") {
    return call("/pay/wx/wxapp", {{"money", money}, {"nextAction", "{type:23, cpactivityId:" + activity + "}"}},
                token);
  }
  // Opens a WeChat payment admitting the caller; its out trade id.
  std::string pay(const std::string& money, const std::string& activity, const std::string& token = "") {
    return ok(payRequest(money, activity, token))->getValue<std::string>("outTradeId");
  }
  // Signs up, pays and waits for the step to be done.
  void admit(const std::string& activity, int gender, const std::string& fee, const std::string& token) {
    signup(activity, gender, token);
    const auto out = pay(fee, activity, token);
    env_.simPay(out);
    ASSERT_TRUE(eventually([&] { return db_.steps(out) == "DONE"; })) << env_.log();
  }
  std::string pairStatus(const std::string& activity, const std::string& token = "") {
    auto r = call("/cpmatch/my/match", {{"cpactivityId", activity}}, token);
    return r->getValue<int>("code") == 0 ? r->getObject("data")->getValue<std::string>("pairStatus") : "";
  }

  static std::size_t listSize(const std::string& body) {
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Array::Ptr>()->size();
  }

  double balance(const std::string& token = "") {
    return ok(call("/user/amount", {}, token))->getValue<double>("balance");
  }

  void moveClock(std::int64_t offsetMs) {
    auto r = env_.admin("PUT", "/testing/clock", R"({"offsetMs":)" + std::to_string(offsetMs) + "}");
    ASSERT_EQ(200, r.status) << r.body;
  }

  // Two workers, so racing steps run at once; a clock the test can move and
  // jobs looked for every 100 ms.
  PaynextEnv env_{EnvOptions{{"cpmatch"},
                             {{"worker.threads", "2"},
                              {"worker.pollIntervalMs", "100"},
                              {"testing.clockControl", "true"},
                              {"jobs.tickMs", "100"},
                              {"identity.tokenTtlSeconds", "31536000"}}}};
  DbProbe db_{env_.storage()};
  std::string token_;
};

TEST_F(CpmatchFlowTest, PaysWithWeChatIsAdmittedAndSeesTheMatchWhenTheActivityEnds) {
  const auto activity = addActivity("周末CP活动", "19.90", 2, true);
  const auto solo = addActivity("单人场", "5", 3, false);
  const auto her = env_.userToken("f1", "13900000000");
  const auto third = env_.userToken("f1", "13700000000");
  auto listed = items(call("/cpmatch/activities", {}));
  ASSERT_EQ(2u, listed->size());
  EXPECT_EQ(1, listed->getObject(0)->getValue<int>("malePlacesLeft"));
  EXPECT_EQ(700, call("/cpmatch/my/signups", {})->getValue<int>("code"));

  admit(activity, 1, "19.90", token_);
  admit(activity, 2, "19.90", her);
  admit(solo, 1, "5", third);
  EXPECT_DOUBLE_EQ(0, balance());  // the step debited what the notification credited
  EXPECT_EQ(2, db_.count("SELECT COUNT(*) FROM ledger_entries WHERE reason = 'CP活动入场' AND amount = -1990"));
  auto mine = items(call("/cpmatch/my/signups", {}));
  ASSERT_EQ(1u, mine->size());
  EXPECT_EQ("ADMITTED", mine->getObject(0)->getValue<std::string>("status"));
  EXPECT_EQ("WAITING", mine->getObject(0)->getValue<std::string>("pairStatus"));
  listed = items(call("/cpmatch/activities", {}));
  EXPECT_EQ(0, listed->getObject(0)->getValue<int>("placesLeft"));
  EXPECT_EQ("ADMITTED", listed->getObject(0)->getValue<std::string>("mySignup"));
  auto participants = env_.admin("GET", "/factories/f1/modules/cpmatch/participants?status=ADMITTED&cpactivityId=" + activity);
  ASSERT_EQ(200, participants.status) << participants.body;
  EXPECT_EQ(2u, listSize(participants.body));

  // Past the end by the server's clock: the job pairs both activities, once.
  moveClock(30 * kMinute);
  ASSERT_TRUE(eventually([&] { return pairStatus(activity) == "PAIRED" && pairStatus(solo, third) == "UNPAIRED"; }))
      << env_.log();
  auto match = ok(call("/cpmatch/my/match", {{"cpactivityId", activity}}))->getObject("match");
  EXPECT_EQ("139****0000", match->getValue<std::string>("mobile"));
  match = ok(call("/cpmatch/my/match", {{"cpactivityId", activity}}, her))->getObject("match");
  EXPECT_EQ("138****0000", match->getValue<std::string>("mobile"));
  auto alone = ok(call("/cpmatch/my/match", {{"cpactivityId", solo}}, third));
  EXPECT_EQ("很遗憾,本次活动人数为单或男女人数不等,未能为您匹配到CP", alone->getValue<std::string>("message"));
  auto pairs = env_.admin("GET", "/factories/f1/modules/cpmatch/pairs");
  ASSERT_EQ(200, pairs.status) << pairs.body;
  ASSERT_EQ(1u, listSize(pairs.body));
  // A later run of the job changes nothing.
  const auto pairedAt = db_.count("SELECT paired_at FROM cpmatch_activities WHERE id = " + activity);
  const auto signups = db_.joined("SELECT pair_status || '/' || CAST(match_user_id AS TEXT) FROM cpmatch_signups ORDER BY id");
  const auto runs = db_.count("SELECT runs FROM job_runs WHERE job = 'pair_ended'");
  moveClock(40 * kMinute);
  ASSERT_TRUE(eventually([&] { return db_.count("SELECT runs FROM job_runs WHERE job = 'pair_ended'") > runs; }))
      << env_.log();
  EXPECT_EQ(pairedAt, db_.count("SELECT paired_at FROM cpmatch_activities WHERE id = " + activity));
  EXPECT_EQ(signups, db_.joined("SELECT pair_status || '/' || CAST(match_user_id AS TEXT) FROM cpmatch_signups ORDER BY id"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM cpmatch_pairs"));
}

TEST_F(CpmatchFlowTest, ARefusedPaymentStoresNothing) {
  const auto activity = addActivity("CP活动", "10", 4, false);
  const std::vector<std::tuple<std::string, int, std::string>> cases = {
      {"{type:23}", 300, "缺少参数 cpactivityId"},
      {"{type:23, cpactivityId:'x1'}", 300, "参数 cpactivityId 格式错误,应为整数"},
      {"{type:23, cpactivityId:99}", 700, "CP活动 99 不存在"},
      {"{type:23, cpactivityId:" + activity + "}", 300, "您尚未报名CP活动「CP活动」,请先报名并填写性别"},
  };
  for (const auto& [nextAction, code, msg] : cases) {
    auto r = call("/pay/wx/wxapp", {{"money", "10"}, {"nextAction", nextAction}});
    EXPECT_EQ(code, r->getValue<int>("code")) << nextAction;
    EXPECT_EQ("nextAction 第 1 步:" + msg, r->getValue<std::string>("msg")) << nextAction;
  }
  signup(activity, 2);
  // The amount is the fee: 9.99 and an empty wallet cannot cover 10.
  EXPECT_NE(0, payRequest("9.99", activity)->getValue<int>("code"));
  // Started by the server's clock: sign-up and payment are closed.
  moveClock(15 * kMinute);
  auto started = payRequest("10", activity);
  EXPECT_EQ("nextAction 第 1 步:CP活动「CP活动」已开始,报名已截止", started->getValue<std::string>("msg"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM payments"));
  EXPECT_EQ(0, db_.count("SELECT COUNT(*) FROM chain_steps"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM cpmatch_signups WHERE status = 'PENDING'"));
  EXPECT_EQ(0, db_.count("SELECT admitted_male + admitted_female FROM cpmatch_activities"));
}

TEST_F(CpmatchFlowTest, TwoPaymentsRaceForTheLastPlace) {
  const auto activity = addActivity("最后一位", "3", 1, false);
  const auto other = env_.userToken("f1", "13900000000");
  // Both sign-ups are made and both payments accepted while the place is free.
  signup(activity, 1);
  signup(activity, 2, other);
  const auto first = pay("3", activity);
  const auto second = pay("3", activity, other);
  env_.simPayAtOnce({first, second});
  ASSERT_TRUE(eventually([&] { return db_.settled(first) && db_.settled(second); })) << env_.log();
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ("CP活动「最后一位」名额已满", db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM cpmatch_signups WHERE status = 'ADMITTED'"));
  EXPECT_EQ(1, db_.count("SELECT admitted_male + admitted_female FROM cpmatch_activities"));
  // The loser's money stays in its wallet; the winner's paid the place.
  const bool firstWon = db_.steps(first) == "DONE";
  EXPECT_DOUBLE_EQ(firstWon ? 0 : 3, balance());
  EXPECT_DOUBLE_EQ(firstWon ? 3 : 0, balance(other));
  // Full now: the loser's next payment is refused when it is made, and stores nothing.
  const auto loser = firstWon ? other : token_;
  const auto payments = db_.count("SELECT COUNT(*) FROM payments");
  auto again = payRequest("3", activity, loser);
  EXPECT_EQ("nextAction 第 1 步:CP活动「最后一位」名额已满", again->getValue<std::string>("msg"));
  EXPECT_EQ(payments, db_.count("SELECT COUNT(*) FROM payments"));
}

TEST_F(CpmatchFlowTest, AnActivityThatStartsBeforeThePaymentArrivesFailsTheStep) {
  const auto activity = addActivity("今晚开始", "2", 10, true);
  signup(activity, 1);
  const auto out = pay("2", activity);
  // Past the start, well before the payment would expire unpaid.
  moveClock(15 * kMinute);
  env_.simPay(out);
  ASSERT_TRUE(eventually([&] { return db_.settled(out); })) << env_.log();
  EXPECT_EQ("FAILED", db_.steps(out));
  EXPECT_EQ("CP活动「今晚开始」已开始,报名已截止",
            db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_DOUBLE_EQ(2, balance());  // the money stays in the wallet
  EXPECT_EQ(0, db_.count("SELECT admitted_male + admitted_female FROM cpmatch_activities"));
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM cpmatch_signups WHERE status = 'PENDING'"));
}

TEST_F(CpmatchFlowTest, TwoMenRaceForTheLastMansPlaceWhileAWomansIsLeft) {
  const auto activity = addActivity("男女各一", "4", 2, true);
  const auto other = env_.userToken("f1", "13900000000");
  signup(activity, 1);
  signup(activity, 1, other);
  const auto first = pay("4", activity);
  const auto second = pay("4", activity, other);
  env_.simPayAtOnce({first, second});
  ASSERT_TRUE(eventually([&] { return db_.settled(first) && db_.settled(second); })) << env_.log();
  EXPECT_EQ(1, db_.count("SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'"));
  EXPECT_EQ("CP活动「男女各一」男生名额已满", db_.text("SELECT last_error FROM chain_steps WHERE status = 'FAILED'"));
  EXPECT_EQ(1, db_.count("SELECT admitted_male FROM cpmatch_activities"));
  EXPECT_DOUBLE_EQ(4, balance(db_.steps(first) == "DONE" ? other : token_));
  // The woman's place is still there.
  const auto her = env_.userToken("f1", "13700000000");
  admit(activity, 2, "4", her);
  EXPECT_EQ(1, db_.count("SELECT admitted_female FROM cpmatch_activities"));
}

}  // namespace
}  // namespace paynext::testing
