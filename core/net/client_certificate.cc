#include "core/net/client_certificate.h"

#include <map>
#include <mutex>
#include <sstream>

#include <Poco/Crypto/DigestEngine.h>
#include <Poco/Crypto/RSAKey.h>
#include <Poco/Crypto/X509Certificate.h>
#include <Poco/Exception.h>
#include <Poco/Net/SSLManager.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "core/net/gateway_session.h"

namespace paynext::core::net {

namespace {

// Merchants are few; past this the cache starts over rather than grow.
constexpr std::size_t kMaxCached = 256;

std::string sha256Hex(const std::string& data) {
  Poco::Crypto::DigestEngine engine("SHA256");
  engine.update(data);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string derFingerprint(const Poco::Crypto::X509Certificate& certificate) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (X509_digest(certificate.certificate(), EVP_sha256(), digest, &length) != 1) {
    throw GatewayError("client certificate: cannot compute its fingerprint");
  }
  return Poco::DigestEngine::digestToHex(Poco::DigestEngine::Digest(digest, digest + length));
}

std::shared_ptr<const ClientCertificate> load(const std::string& certPem, const std::string& keyPem) {
  Poco::Net::initializeSSL();
  auto loaded = std::make_shared<ClientCertificate>();
  try {
    std::istringstream certIn(certPem);
    const Poco::Crypto::X509Certificate certificate(certIn);
    std::istringstream keyIn(keyPem);
    const Poco::Crypto::RSAKey key(nullptr, &keyIn, "");
    // As gatewayClientContext(): servers verified against the system store
    // plus the configured CA file.
    loaded->context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", gatewayCaFile(),
                                             Poco::Net::Context::VERIFY_RELAXED, 9, true);
    loaded->context->useCertificate(certificate);
    loaded->context->usePrivateKey(key);
    loaded->fingerprint = derFingerprint(certificate);
  } catch (const Poco::Exception&) {
    // Poco's words may quote the PEM (a secret for the key): said generally.
    throw GatewayError("client certificate: the certificate or its private key is not readable PEM");
  }
  if (SSL_CTX_check_private_key(loaded->context->sslContext()) != 1) {
    throw GatewayError("client certificate: the private key does not belong to the certificate");
  }
  return loaded;
}

}  // namespace

std::shared_ptr<const ClientCertificate> clientCertificate(const std::string& certPem, const std::string& keyPem) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const ClientCertificate>> cache;
  // By digest, so the cache holds no copy of the key's text.
  const std::string id = sha256Hex(certPem) + ":" + sha256Hex(keyPem);
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = cache.find(id); it != cache.end()) return it->second;
  }
  auto loaded = load(certPem, keyPem);  // outside the lock: loading a key takes a while
  std::lock_guard<std::mutex> lock(mutex);
  if (cache.size() >= kMaxCached) cache.clear();
  return cache.emplace(id, std::move(loaded)).first->second;
}

}  // namespace paynext::core::net
