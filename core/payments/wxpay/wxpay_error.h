#pragma once
#include <stdexcept>
#include <string>

namespace paynext::core::payments::wxpay {

// A WeChat Pay v2 call that did not succeed: transport, protocol (return_code
// FAIL), business (result_code FAIL) or a response whose signature is wrong.
// errCode() is WeChat's err_code when it sent one (ORDERNOTEXIST, ORDERPAID...),
// so callers can tell an unknown order from a broken channel.
class WxpayError : public std::runtime_error {
 public:
  explicit WxpayError(const std::string& message, std::string errCode = {})
      : std::runtime_error(message), errCode_(std::move(errCode)) {}
  const std::string& errCode() const noexcept { return errCode_; }

 private:
  std::string errCode_;
};

}  // namespace paynext::core::payments::wxpay
