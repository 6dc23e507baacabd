// A WeChat Pay API v3 notification body, signed here with the test platform
// key so that verification passes and the envelope parsing and decryption
// are reached; and the same bytes as a decrypted resource (parseTransaction).
// Only WxpayV3Error may come out.
#include <cstdint>
#include <string>

#include "core/payments/wxpay_v3/v3_error.h"
#include "core/payments/wxpay_v3/v3_notification.h"
#include "core/payments/wxpay_v3/v3_rsa_signature.h"
#include "core/payments/wxpay_v3/v3_transaction.h"
#include "tests/unit/payments/wxpay_v3/v3_test_keys.h"

namespace {

namespace v3 = paynext::core::payments::wxpay_v3;

// The seeds' resources are AEAD_AES_256_GCM under this key (associated data
// "transaction", nonce "fdasflkja484"), as the unit tests make them.
const std::string kApiV3Key = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
const std::string kSerial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
const std::int64_t kNow = 1528425300;

v3::V3SignedMessage signedNotification(std::string body) {
  v3::V3SignedMessage m;
  m.timestamp = std::to_string(kNow);
  m.nonce = "fdasfwirfjaslkjflkaadsfajf";
  m.serial = kSerial;
  m.body = std::move(body);
  m.signature = v3::signSha256WithRsa(v3::testing::platformKey(), v3::responseSignMessage(m.timestamp, m.nonce, m.body));
  return m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const v3::V3ResponseVerifier verifier(kSerial, v3::testing::platformKey());
  const std::string input(reinterpret_cast<const char*>(data), size);
  try {
    v3::parseTransactionNotification(signedNotification(input), verifier, kApiV3Key, kNow);
  } catch (const v3::WxpayV3Error&) {
  }
  try {
    v3::parseTransaction(input);
  } catch (const v3::WxpayV3Error&) {
  }
  return 0;
}
