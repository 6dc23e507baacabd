#include "plugins/cpmatch/pair_job.h"

#include <set>

#include "cpmatch_test_support.h"
#include "plugins/cpmatch/pairing.h"

namespace paynext::plugins::cpmatch::test {
namespace {

class PairJobTest : public CpmatchTest {};

Signup person(std::int64_t id, int gender) {
  Signup s;
  s.id = id;
  s.userId = id;
  s.gender = gender;
  return s;
}

TEST(PairingTest, PerGenderPairsAManAndAWomanAndLeavesTheSurplus) {
  std::mt19937_64 random(7);
  const auto p = pairUp({person(1, kMale), person(2, kFemale), person(3, kMale), person(4, kMale),
                         person(5, kFemale)},
                        true, random);
  ASSERT_EQ(p.pairs.size(), 2u);
  for (const auto& [man, woman] : p.pairs) {
    EXPECT_EQ(man.gender, kMale);
    EXPECT_EQ(woman.gender, kFemale);
  }
  ASSERT_EQ(p.unpaired.size(), 1u);
  EXPECT_EQ(p.unpaired[0].gender, kMale);
}

TEST(PairingTest, OtherwiseEveryoneIsPairedAtRandomAndAnOddOneIsLeft) {
  std::mt19937_64 random(7);
  const auto p = pairUp({person(1, kMale), person(2, kMale), person(3, kMale)}, false, random);
  ASSERT_EQ(p.pairs.size(), 1u);
  ASSERT_EQ(p.unpaired.size(), 1u);
  std::set<std::int64_t> seen{p.pairs[0].first.id, p.pairs[0].second.id, p.unpaired[0].id};
  EXPECT_EQ(seen, (std::set<std::int64_t>{1, 2, 3}));
  EXPECT_TRUE(pairUp({}, false, random).pairs.empty());
}

TEST_F(PairJobTest, PairsAnEndedActivityOnceAndTellsTheOneLeftOver) {
  const auto activity = addActivity("10", 6, true);
  const auto later = addActivity("10", 6, false, "下周", "2023-12-08 19:00:00", "2023-12-08 22:00:00");
  admit(activity, kMale, kUser);
  admit(activity, kFemale, 3);
  admit(activity, kMale, 2);
  signup(activity, kFemale, 5);  // never paid: not paired
  admit(later, kMale, 4);
  h.runJob("pair_ended");  // nothing has ended yet
  EXPECT_EQ(rows("SELECT COUNT(*) FROM cpmatch_pairs"), std::vector<std::string>{"0"});
  h.clock().advance(17 * kDayMs);  // 2023-12-02: the first has ended, the second not
  h.runJob("pair_ended");
  const auto pairs = rows("SELECT activity_id, first_user_id, second_user_id FROM cpmatch_pairs");
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_TRUE(pairs[0] == "1/1/3" || pairs[0] == "1/2/3") << pairs[0];
  const auto before = signups();
  const std::string alone = pairs[0] == "1/1/3" ? "2" : "1";
  EXPECT_EQ(rows("SELECT user_id FROM cpmatch_signups WHERE pair_status = 'UNPAIRED'"),
            std::vector<std::string>{alone});
  EXPECT_EQ(rows("SELECT status, pair_status FROM cpmatch_signups WHERE user_id = 5"),
            std::vector<std::string>{"PENDING/"});
  EXPECT_EQ(rows("SELECT COUNT(*) FROM cpmatch_activities WHERE paired_at > 0"), std::vector<std::string>{"1"});
  auto r = user(std::stoll(alone), "/cpmatch/my/match", params(activity));
  EXPECT_EQ(object(r)->getValue<std::string>("pairStatus"), "UNPAIRED");
  EXPECT_EQ(object(r)->getValue<std::string>("message"), "很遗憾,本次活动人数为单或男女人数不等,未能为您匹配到CP");

  // A second run changes nothing.
  h.clock().advance(1000);
  h.runJob("pair_ended");
  EXPECT_EQ(signups(), before);
  EXPECT_EQ(rows("SELECT COUNT(*) FROM cpmatch_pairs"), std::vector<std::string>{"1"});
  EXPECT_EQ(rows("SELECT pair_status FROM cpmatch_signups WHERE activity_id = 2"), std::vector<std::string>{""});
}

TEST_F(PairJobTest, OnlyTheFactorysOwnActivitiesArePaired) {
  const auto activity = addActivity("10", 4);
  admit(activity, kMale, kUser);
  admit(activity, kMale, 2);
  h.clock().advance(30 * kDayMs);
  h.setFactory(2);
  h.runJob("pair_ended");
  EXPECT_EQ(rows("SELECT COUNT(*) FROM cpmatch_pairs"), std::vector<std::string>{"0"});
  h.setFactory(1);
  h.runJob("pair_ended");
  EXPECT_EQ(rows("SELECT factory_id FROM cpmatch_pairs"), std::vector<std::string>{"1"});
  EXPECT_EQ(rows("SELECT pair_status, match_user_id FROM cpmatch_signups ORDER BY id"),
            (std::vector<std::string>{"PAIRED/2", "PAIRED/1"}));
}

}  // namespace
}  // namespace paynext::plugins::cpmatch::test
