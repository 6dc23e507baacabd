#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <Poco/Data/Session.h>

#include "coupon_rule.h"

namespace paynext::plugins::coupons {

// coupons_rules of one factory.
class RuleStore {
 public:
  RuleStore(Poco::Data::Session& session, std::int64_t factoryId);

  CouponRule create(CouponRule rule, std::int64_t nowMs);
  // Replaces the rule's settings; issued and createdAt stay. False when unknown.
  bool replace(const CouponRule& rule);
  std::optional<CouponRule> find(std::int64_t id);
  std::vector<CouponRule> list();  // by id
  // Enabled, not ended, with coupons left: what users may claim now.
  std::vector<CouponRule> listClaimable(std::int64_t nowMs);
  // Takes one coupon of the stock; false when none is left or the rule is
  // off. The row it updates also orders concurrent claims of the rule.
  bool takeOne(std::int64_t id);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
};

}  // namespace paynext::plugins::coupons
