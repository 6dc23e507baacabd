#include "core/net/client_certificate.h"

#include <map>
#include <memory>
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

std::shared_ptr<const ClientCertificate> load(const std::string& certPem, const std::string& keyPem) {
  Poco::Net::initializeSSL();
  // Poco's words may quote the PEM (a secret, for the key): each failure is
  // said in our own words.
  std::unique_ptr<Poco::Crypto::X509Certificate> certificate;
  try {
    std::istringstream in(certPem);
    certificate = std::make_unique<Poco::Crypto::X509Certificate>(in);
  } catch (const Poco::Exception&) {
    throw GatewayError("client certificate: the certificate is not readable PEM");
  }
  std::unique_ptr<Poco::Crypto::RSAKey> key;
  try {
    std::istringstream in(keyPem);
    key = std::make_unique<Poco::Crypto::RSAKey>(nullptr, &in, "");
  } catch (const Poco::Exception&) {
    throw GatewayError("client certificate: the private key is not readable PEM (an unencrypted RSA key)");
  }
  auto loaded = std::make_shared<ClientCertificate>();
  try {
    // As gatewayClientContext(): servers verified against the system store
    // plus the configured CA file.
    loaded->context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", gatewayCaFile(),
                                             Poco::Net::Context::VERIFY_RELAXED, 9, true);
  } catch (const Poco::Exception& e) {  // the CA file's trouble: no secret in it
    throw GatewayError("client certificate: cannot make the TLS context: " + e.displayText());
  }
  try {
    loaded->context->useCertificate(*certificate);
    loaded->context->usePrivateKey(*key);
  } catch (const Poco::Exception&) {
    throw GatewayError("client certificate: the private key does not belong to the certificate");
  }
  if (SSL_CTX_check_private_key(loaded->context->sslContext()) != 1) {
    throw GatewayError("client certificate: the private key does not belong to the certificate");
  }
  loaded->fingerprint = certificateFingerprint(*certificate);
  return loaded;
}

}  // namespace

std::string certificateFingerprint(const Poco::Crypto::X509Certificate& certificate) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (X509_digest(certificate.certificate(), EVP_sha256(), digest, &length) != 1) {
    throw GatewayError("client certificate: cannot compute its fingerprint");
  }
  return Poco::DigestEngine::digestToHex(Poco::DigestEngine::Digest(digest, digest + length));
}

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
