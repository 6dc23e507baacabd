#pragma once
// Merchants the simulator accepts on WeChat Pay API v3, from
// --wxpay-v3=MCHID:APPID:MCH_SERIAL:MCH_PUBLIC_KEY_FILE:PLATFORM_SERIAL:PLATFORM_PRIVATE_KEY_FILE:APIV3_KEY
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Crypto/RSAKey.h>

namespace paynext::tools::gatewaysim {

struct V3Merchant {
  std::string mchId;
  std::string appId;
  std::string merchantSerial;               // serial_no the merchant's requests must name
  Poco::Crypto::RSAKey merchantPublicKey;   // verifies the merchant's Authorization signatures
  std::string platformSerial;               // Wechatpay-Serial of what "WeChat" signs
  Poco::Crypto::RSAKey platformPrivateKey;  // signs answers and notifications
  std::string apiV3Key;                     // encrypts notification resources
};

// By mchid. Filled at start-up, read-only afterwards.
using V3Merchants = std::map<std::string, V3Merchant>;

// Loads both PEM files (the public key may be a certificate; the private key
// PKCS#1 or PKCS#8); the APIv3 key is the rest of the spec and must be 32
// bytes. Throws Poco::Util::InvalidArgumentException naming what is wrong
// (never the key text).
V3Merchant parseV3Merchant(const std::string& spec);

// The Wechatpay-Timestamp/Nonce/Signature/Serial headers "WeChat" sends with
// body, signed with the merchant's platform key at the given time.
std::vector<std::pair<std::string, std::string>> platformSignatureHeaders(const V3Merchant& merchant,
                                                                          const std::string& body,
                                                                          std::int64_t timestamp);

}  // namespace paynext::tools::gatewaysim
