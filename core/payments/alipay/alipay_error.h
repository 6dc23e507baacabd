#pragma once
#include <stdexcept>
#include <string>

namespace paynext::core::payments::alipay {

// An Alipay step that did not succeed: a key that does not load, a request we
// refuse to build, transport, an answer that is unreadable or wrongly signed,
// or a business failure (code other than 10000). code()/subCode() carry
// Alipay's code and sub_code (40004 / ACQ.TRADE_NOT_EXIST...) only when the
// answer's signature was verified, so callers never act on a forged code.
// Messages never include key material.
class AlipayError : public std::runtime_error {
 public:
  explicit AlipayError(const std::string& message, std::string code = {}, std::string subCode = {})
      : std::runtime_error(message), code_(std::move(code)), subCode_(std::move(subCode)) {}
  const std::string& code() const noexcept { return code_; }
  const std::string& subCode() const noexcept { return subCode_; }

 private:
  std::string code_;
  std::string subCode_;
};

}  // namespace paynext::core::payments::alipay
