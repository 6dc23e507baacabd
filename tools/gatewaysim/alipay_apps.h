#pragma once
#include <map>
#include <string>

#include <Poco/Crypto/RSAKey.h>

namespace paynext::tools::gatewaysim {

// An Alipay application the simulator accepts, from
// --alipay-app=APPID:APP_PUBLIC_KEY_FILE:ALIPAY_PRIVATE_KEY_FILE.
struct AlipayApp {
  std::string appId;
  Poco::Crypto::RSAKey appPublicKey;      // verifies what the app signs
  Poco::Crypto::RSAKey alipayPrivateKey;  // signs what "Alipay" answers and notifies
};

// By app_id. Filled at start-up, read-only afterwards.
using AlipayApps = std::map<std::string, AlipayApp>;

// Loads both PEM files. Throws Poco::Util::InvalidArgumentException naming
// what is wrong (never the key text).
AlipayApp parseAlipayApp(const std::string& spec);

}  // namespace paynext::tools::gatewaysim
