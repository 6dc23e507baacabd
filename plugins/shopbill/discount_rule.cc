#include "discount_rule.h"

#include <algorithm>

#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>

namespace paynext::plugins::shopbill {

bool DiscountRule::activeAt(std::int64_t nowMs) const {
  return (dateStart == 0 || nowMs >= dateStart) && (dateEnd == 0 || nowMs <= dateEnd);
}

Quote quoteBill(const DiscountRule& rule, sdk::Fen bill, std::int64_t nowMs) {
  Quote q;
  q.bill = bill;
  q.due = bill;
  q.active = rule.activeAt(nowMs);
  if (!q.active || bill <= 0) return q;
  sdk::Fen reached = 0;  // the largest threshold the bill reaches, whatever the order given
  for (const auto& tier : rule.tiers) {
    if (bill >= tier.threshold && tier.threshold >= reached) reached = tier.threshold, q.tierOff = tier.off;
  }
  q.tierOff = std::min(q.tierOff, bill);
  const sdk::Fen left = bill - q.tierOff;
  // Rounded up: the payer never pays a fraction of a fen more. Whole hundreds
  // and the rest apart, so no bill can overflow the product.
  const sdk::Fen p = rule.percentOff;
  q.percentOff = std::min(left, left / 100 * p + (left % 100 * p + 99) / 100);
  q.due = left - q.percentOff;
  return q;
}

std::string encodeTiers(const std::vector<Tier>& tiers) {
  std::string out;
  for (const auto& t : tiers) {
    if (!out.empty()) out += ",";
    out += std::to_string(t.threshold) + ":" + std::to_string(t.off);
  }
  return out;
}

std::vector<Tier> decodeTiers(const std::string& text) {
  std::vector<Tier> tiers;
  Poco::StringTokenizer parts(text, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  for (const auto& part : parts) {
    const auto colon = part.find(':');
    if (colon == std::string::npos) continue;
    Tier t;
    t.threshold = Poco::NumberParser::parse64(part.substr(0, colon));
    t.off = Poco::NumberParser::parse64(part.substr(colon + 1));
    tiers.push_back(t);
  }
  return tiers;
}

}  // namespace paynext::plugins::shopbill
