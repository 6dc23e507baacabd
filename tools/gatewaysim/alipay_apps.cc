#include "tools/gatewaysim/alipay_apps.h"

#include <fstream>
#include <sstream>

#include <Poco/Util/OptionException.h>

#include "core/payments/alipay/alipay_keys.h"

namespace paynext::tools::gatewaysim {

namespace alipay = core::payments::alipay;

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Poco::Util::InvalidArgumentException("--alipay-app: cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

template <typename Load>
Poco::Crypto::RSAKey loadKey(const std::string& path, const std::string& what, Load load) {
  try {
    return load(readFile(path));
  } catch (const alipay::AlipayError& e) {
    throw Poco::Util::InvalidArgumentException("--alipay-app: " + path + " is not " + what + ": " + e.what());
  }
}

}  // namespace

AlipayApp parseAlipayApp(const std::string& spec) {
  // APPID:PUB:PRIV; paths are split at the first two ':' (app ids have none).
  const auto first = spec.find(':');
  const auto second = first == std::string::npos ? std::string::npos : spec.find(':', first + 1);
  if (second == std::string::npos || first == 0 || second == first + 1 || second + 1 == spec.size()) {
    throw Poco::Util::InvalidArgumentException("--alipay-app wants APPID:APP_PUBLIC_KEY_FILE:ALIPAY_PRIVATE_KEY_FILE");
  }
  const std::string publicPath = spec.substr(first + 1, second - first - 1);
  const std::string privatePath = spec.substr(second + 1);
  return AlipayApp{spec.substr(0, first), loadKey(publicPath, "an RSA public key", alipay::loadPublicKey),
                   loadKey(privatePath, "an RSA private key", alipay::loadPrivateKey)};
}

}  // namespace paynext::tools::gatewaysim
