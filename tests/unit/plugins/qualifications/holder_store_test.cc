#include "plugins/qualifications/holder_store.h"

#include "plugins/qualifications/qualification_grant.h"
#include "qualifications_test_support.h"

namespace paynext::plugins::qualifications::test {
namespace {

class HolderStoreTest : public QualificationsTest {
 protected:
  HolderStore store() { return HolderStore(h.session(), 1, h.clock()); }
  static Holding timed(std::int64_t userId, int type, std::int64_t expiresAt) {
    Holding holding;
    holding.userId = userId;
    holding.type = type;
    holding.expiresAt = expiresAt;
    return holding;
  }
};

TEST_F(HolderStoreTest, AFirstGrantInsertsOnlyWhenNoneIsThere) {
  auto holders = store();
  EXPECT_TRUE(holders.replace(std::nullopt, timed(1, 12, 1000)));
  // Another step that also saw none loses: it must read again, not overwrite.
  EXPECT_FALSE(holders.replace(std::nullopt, timed(1, 12, 2000)));
  EXPECT_EQ(this->holders(), std::vector<std::string>{"1/1/12/0/1000"});
  const auto found = holders.find(1, 12);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->grantedAt, h.clock().now);
}

TEST_F(HolderStoreTest, AnUpdateNeedsTheHoldingItRead) {
  auto holders = store();
  ASSERT_TRUE(holders.replace(std::nullopt, timed(1, 13, 1000)));
  const auto read = holders.find(1, 13);
  h.clock().advance(5);
  ASSERT_TRUE(holders.replace(read, timed(1, 13, 3000)));
  // What was read before that change is stale now.
  EXPECT_FALSE(holders.replace(read, timed(1, 13, 4000)));
  auto now = holders.find(1, 13);
  EXPECT_EQ(now->expiresAt, 3000);
  EXPECT_EQ(now->grantedAt + 5, now->updatedAt);
  // A permanent holding is never replaced.
  Holding forever = timed(1, 13, 0);
  forever.permanent = true;
  ASSERT_TRUE(holders.replace(now, forever));
  now = holders.find(1, 13);
  EXPECT_FALSE(holders.replace(now, timed(1, 13, 9000)));
  EXPECT_EQ(this->holders(), std::vector<std::string>{"1/1/13/1/0"});
}

TEST_F(HolderStoreTest, RowsStayInTheirFactory) {
  ASSERT_TRUE(store().replace(std::nullopt, timed(1, 12, 1000)));
  HolderStore other(h.session(), 2, h.clock());
  EXPECT_FALSE(other.find(1, 12));
  EXPECT_TRUE(other.list({}, 0, 10).empty());
  // The same user id in another factory is another holder.
  EXPECT_TRUE(other.replace(std::nullopt, timed(1, 12, 5000)));
  EXPECT_EQ(this->holders(), (std::vector<std::string>{"1/1/12/0/1000", "2/1/12/0/5000"}));
}

TEST_F(HolderStoreTest, GrantingOnTopOfWhatIsThere) {
  auto holders = store();
  Offer month{12, 100, 30, false, true, 0};
  const auto first = grantQualification(holders, *kindOf(12), month, 1, h.clock().now);
  EXPECT_EQ(first.expiresAt, h.clock().now + 30 * kDayMs);
  const auto second = grantQualification(holders, *kindOf(12), month, 1, h.clock().now);
  EXPECT_EQ(second.expiresAt, h.clock().now + 60 * kDayMs);
  Offer forever{12, 100, 0, true, true, 0};
  EXPECT_TRUE(grantQualification(holders, *kindOf(12), forever, 1, h.clock().now).permanent);
  EXPECT_EQ(refusal([&] { grantQualification(holders, *kindOf(12), month, 1, h.clock().now); }),
            Refusal(300, "您已永久拥有「社区团购团长」资格,无需重复购买"));
}

}  // namespace
}  // namespace paynext::plugins::qualifications::test
