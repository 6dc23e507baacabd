#include "tools/gatewaysim/wxpay_v3_merchants.h"

#include <fstream>
#include <sstream>

#include <Poco/StringTokenizer.h>
#include <Poco/Util/OptionException.h>

#include "core/payments/wxpay_v3/v3_error.h"
#include "core/payments/wxpay_v3/v3_keys.h"
#include "core/payments/wxpay_v3/v3_request_signer.h"
#include "core/payments/wxpay_v3/v3_response_verifier.h"
#include "core/payments/wxpay_v3/v3_rsa_signature.h"

namespace paynext::tools::gatewaysim {

namespace v3 = core::payments::wxpay_v3;

namespace {

const std::string kUsage =
    "--wxpay-v3 wants MCHID:APPID:MCH_SERIAL:MCH_PUBLIC_KEY_FILE:PLATFORM_SERIAL:PLATFORM_PRIVATE_KEY_FILE:APIV3_KEY";

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Poco::Util::InvalidArgumentException("--wxpay-v3: cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

template <typename Load>
Poco::Crypto::RSAKey loadKey(const std::string& path, Load load) {
  try {
    return load(readFile(path));
  } catch (const v3::WxpayV3Error& e) {
    throw Poco::Util::InvalidArgumentException("--wxpay-v3: " + path + ": " + e.what());
  }
}

}  // namespace

V3Merchant parseV3Merchant(const std::string& spec) {
  // Six ':'-separated fields, then the APIv3 key, which may itself hold ':'.
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (int i = 0; i < 6; ++i) {
    const auto colon = spec.find(':', from);
    if (colon == std::string::npos) throw Poco::Util::InvalidArgumentException(kUsage);
    parts.push_back(spec.substr(from, colon - from));
    from = colon + 1;
  }
  parts.push_back(spec.substr(from));
  for (const auto& part : parts) {
    if (part.empty()) throw Poco::Util::InvalidArgumentException(kUsage);
  }
  if (parts[6].size() != 32) throw Poco::Util::InvalidArgumentException("--wxpay-v3: the APIv3 key must be 32 bytes");
  return V3Merchant{parts[0], parts[1],
                    parts[2], loadKey(parts[3], v3::loadPlatformPublicKey),   // any RSA public key PEM or certificate
                    parts[4], loadKey(parts[5], v3::loadMerchantPrivateKey),  // any unencrypted RSA private key PEM
                    parts[6]};
}

std::vector<std::pair<std::string, std::string>> platformSignatureHeaders(const V3Merchant& merchant,
                                                                          const std::string& body,
                                                                          std::int64_t timestamp) {
  const std::string time = std::to_string(timestamp), nonce = v3::newNonce();
  return {{"Wechatpay-Timestamp", time},
          {"Wechatpay-Nonce", nonce},
          {"Wechatpay-Signature",
           v3::signSha256WithRsa(merchant.platformPrivateKey, v3::responseSignMessage(time, nonce, body))},
          {"Wechatpay-Serial", merchant.platformSerial}};
}

}  // namespace paynext::tools::gatewaysim
