#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "paynext/sdk/money.h"

namespace paynext::plugins::shopbill {

// One 满减 tier: a bill of at least `threshold` has `off` taken from it.
struct Tier {
  sdk::Fen threshold = 0;
  sdk::Fen off = 0;
  bool operator==(const Tier& o) const { return threshold == o.threshold && off == o.off; }
};

// A shop's discount (优惠规则): 满减 tiers and/or a percentage off, valid
// between dateStart and dateEnd (epoch ms; 0 = open-ended).
struct DiscountRule {
  int percentOff = 0;       // 0..100; 12 = 八八折
  std::vector<Tier> tiers;  // ascending thresholds, distinct
  std::int64_t dateStart = 0;
  std::int64_t dateEnd = 0;

  bool activeAt(std::int64_t nowMs) const;
  bool empty() const { return percentOff == 0 && tiers.empty(); }
};

// What a bill comes to under a rule.
struct Quote {
  sdk::Fen bill = 0;        // before the discount, as the payer gave it
  sdk::Fen tierOff = 0;     // what the 满减 tier took
  sdk::Fen percentOff = 0;  // what the percentage then took
  sdk::Fen due = 0;         // what the payer pays
  bool active = false;      // false: outside the rule's dates, no discount
  sdk::Fen discount() const { return bill - due; }
};

// 满减 first (the largest tier whose threshold the bill reaches), then the
// percentage of what is left, the discount rounded up to the fen (the payer's
// favour); never below zero. Outside the rule's dates the bill is due in full.
Quote quoteBill(const DiscountRule& rule, sdk::Fen bill, std::int64_t nowMs);

// Tiers as stored: "threshold:off" in fen, comma-separated ("10000:1000,20000:2500").
std::string encodeTiers(const std::vector<Tier>& tiers);
std::vector<Tier> decodeTiers(const std::string& text);

}  // namespace paynext::plugins::shopbill
