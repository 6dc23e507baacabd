// The coupons stand-in refuses as the coupons module does, so a module's
// tests against it hold against the real service.
#include "paynext/sdk/testing/memory_coupons.h"

#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"

namespace paynext::sdk::testing {
namespace {

using Refusal = std::pair<int, std::string>;

class NoModule : public Module {
 public:
  std::string name() const override { return "t"; }
  std::string title() const override { return "测试"; }
  std::string version() const override { return "0"; }
};

TEST(MemoryCouponsTest, QuotesRedeemsOnceAndReleases) {
  Harness h{std::make_shared<NoModule>()};
  Scope scope = h.scope();
  MemoryCoupons coupons;
  coupons.coupons[7] = MemoryCoupons::Held{1, 500, 0, ""};
  coupons.coupons[8] = MemoryCoupons::Held{1, 300, 2000, ""};

  const auto q = coupons.quote(scope, 1, {7}, 1200);
  EXPECT_EQ(500, q.discount);
  EXPECT_EQ(700, q.payable);
  EXPECT_EQ((Refusal{codes::kCouponGone, "优惠券 7 不存在"}), refusal([&] { coupons.quote(scope, 2, {7}, 1200); }));
  EXPECT_EQ((Refusal{codes::kCouponUnavailable, "优惠券 8 需满 20.00 元可用"}),
            refusal([&] { coupons.quote(scope, 1, {8}, 1200); }));

  EXPECT_EQ(700, coupons.redeem(scope, 1, {7}, 1200, "ref-1").payable);
  EXPECT_EQ(700, coupons.redeem(scope, 1, {7}, 1200, "ref-1").payable);  // the same reference again
  EXPECT_EQ((Refusal{codes::kCouponTaken, "优惠券 7 已使用"}),
            refusal([&] { coupons.redeem(scope, 1, {7}, 1200, "ref-2"); }));
  EXPECT_TRUE(coupons.release(scope, "ref-1"));
  EXPECT_FALSE(coupons.release(scope, "ref-1"));
  EXPECT_EQ(500, coupons.quote(scope, 1, {7}, 300 + 500).discount);
}

}  // namespace
}  // namespace paynext::sdk::testing
