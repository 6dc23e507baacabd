#include "discount.h"

#include <algorithm>

namespace paynext::plugins::coupons {

sdk::Fen discountOf(const CouponTerms& terms, sdk::Fen amount) {
  if (amount <= 0) return 0;
  sdk::Fen off = 0;
  if (terms.kind == kReduce) {
    off = terms.money;
  } else {
    const sdk::Fen offPercent = 100 - terms.rate;
    off = (amount * offPercent + 99) / 100;  // kMaxFen * 99 stays far from overflow
  }
  return std::min(off, amount);
}

}  // namespace paynext::plugins::coupons
