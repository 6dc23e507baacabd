#include "core/payments/alipay/alipay_sign.h"

#include <sstream>

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Crypto/RSADigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/StreamCopier.h>
#include <openssl/err.h>

namespace paynext::core::payments::alipay {

namespace {
const std::string kDigest = "SHA256";
}  // namespace

std::string signContent(const Params& params, Purpose purpose) {
  std::string content;
  for (const auto& [key, value] : params) {
    if (value.empty() || key == "sign" || (purpose == Purpose::Notify && key == "sign_type")) continue;
    if (!content.empty()) content += '&';
    content += key;
    content += '=';
    content += value;
  }
  return content;
}

std::string rsa2Sign(const std::string& content, const Poco::Crypto::RSAKey& privateKey) {
  Poco::Crypto::RSADigestEngine engine(privateKey, kDigest);
  engine.update(content);
  const auto& signature = engine.signature();
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);  // Alipay wants the signature on one line
  encoder.write(reinterpret_cast<const char*>(signature.data()), static_cast<std::streamsize>(signature.size()));
  encoder.close();
  return out.str();
}

bool rsa2Verify(const std::string& content, const std::string& signatureBase64, const Poco::Crypto::RSAKey& publicKey) {
  if (signatureBase64.empty()) return false;
  std::string raw;
  try {
    std::istringstream in(signatureBase64);
    Poco::Base64Decoder decoder(in);
    Poco::StreamCopier::copyToString(decoder, raw);
  } catch (const Poco::Exception&) {
    return false;
  }
  Poco::Crypto::RSADigestEngine engine(publicKey, kDigest);
  engine.update(content);
  const bool ok = engine.verify(Poco::DigestEngine::Digest(raw.begin(), raw.end()));
  // A refused signature leaves OpenSSL errors queued on this thread, where a
  // later TLS call could mistake them for its own.
  if (!ok) ERR_clear_error();
  return ok;
}

}  // namespace paynext::core::payments::alipay
