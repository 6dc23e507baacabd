#pragma once
#include <stdexcept>
#include <string>

namespace paynext::core::payments::wxpay_v3 {

// Anything of WeChat Pay API v3 that did not succeed: a key that does not
// load, a signature that does not verify, a resource that does not decrypt, a
// call the gateway refused. Messages never carry key material. code() is
// WeChat's error code when a verified answer sent one (ORDER_NOT_EXIST,
// PARAM_ERROR...), so callers can tell an unknown order from a broken channel.
class WxpayV3Error : public std::runtime_error {
 public:
  explicit WxpayV3Error(const std::string& message, std::string code = {})
      : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const noexcept { return code_; }

 private:
  std::string code_;
};

}  // namespace paynext::core::payments::wxpay_v3
