// An Alipay notify body through parseNotification twice: as received, and
// with the fields it holds signed by the test "Alipay" key so that the
// parsing after the signature check (amount and so on) is reached. It never
// throws (it returns errors); ok() means the documented fields are set and
// the amount is not negative.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/payments/alipay/alipay_error.h"
#include "core/payments/alipay/alipay_form.h"
#include "core/payments/alipay/alipay_notification.h"
#include "tests/support/rsa_test_keys.h"

namespace {

namespace alipay = paynext::core::payments::alipay;

void check(const std::string& body) {
  const alipay::NotificationResult result = alipay::parseNotification(body, paynext::testing::alipayKeys().key);
  if (!result.ok()) return;
  const alipay::AlipayNotification& n = result.notification;
  if (n.appId.empty() || n.outTradeNo.empty() || n.tradeStatus.empty() || n.totalFen < 0) std::abort();
}

// The input's fields signed as Alipay signs them; empty when it is no form.
std::string resigned(const std::string& body) {
  alipay::Params fields;
  try {
    fields = alipay::parseForm(body);
  } catch (const alipay::AlipayError&) {
    return {};
  }
  fields.erase("sign");
  fields["sign_type"] = "RSA2";
  fields["sign"] = alipay::rsa2Sign(alipay::signContent(fields, alipay::Purpose::Notify),
                                    paynext::testing::alipayKeys().key);
  return alipay::encodeForm(fields);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  check(body);
  const std::string signedBody = resigned(body);
  if (!signedBody.empty()) check(signedBody);
  return 0;
}
