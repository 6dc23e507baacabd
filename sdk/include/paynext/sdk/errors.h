#pragma once
#include "paynext/sdk/visibility.h"
// Exceptions a plugin throws to refuse a request. They carry a code in the
// API工厂 numbering and a message that is shown to the caller as it is.
#include <stdexcept>
#include <string>

namespace paynext::sdk {

class PAYNEXT_SDK_API Error : public std::runtime_error {
 public:
  Error(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const noexcept { return code_; }

 private:
  int code_;
};

// A parameter of a nextAction or a route is missing or has the wrong type.
class PAYNEXT_SDK_API ParamError : public Error {
 public:
  ParamError(const std::string& field, const std::string& message)
      : Error(kCode, message), field_(field) {}
  const std::string& field() const noexcept { return field_; }
  static constexpr int kCode = 300;

 private:
  std::string field_;
};

// The wallet cannot cover a debit.
class PAYNEXT_SDK_API InsufficientFunds : public Error {
 public:
  explicit InsufficientFunds(const std::string& message) : Error(kCode, message) {}
  static constexpr int kCode = 30002;
};

// Codes of the API工厂 wire format that plugins use too.
namespace codes {
constexpr int kOk = 0;
constexpr int kBadRequest = 300;
constexpr int kNoData = 700;
constexpr int kNotLoggedIn = 2000;
constexpr int kNotRegistered = 10000;
constexpr int kNotEnoughPoints = 30001;
constexpr int kNotEnoughBalance = 30002;
// Coupons (the coupons service and the modules using it).
constexpr int kCouponGone = 20001;         // none left of the rule, or the coupon does not exist
constexpr int kCouponTaken = 20002;        // already claimed or used
constexpr int kCouponExpired = 20003;
constexpr int kCouponUnavailable = 20004;  // not for this amount, this module or not yet valid
}  // namespace codes

}  // namespace paynext::sdk
