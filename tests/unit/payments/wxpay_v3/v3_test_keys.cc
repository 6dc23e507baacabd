#include "tests/unit/payments/wxpay_v3/v3_test_keys.h"

#include <memory>
#include <sstream>
#include <stdexcept>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "core/payments/wxpay_v3/v3_base64.h"

namespace paynext::core::payments::wxpay_v3::testing {

namespace {

struct Free {
  void operator()(BIO* p) const { BIO_free(p); }
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
  void operator()(X509* p) const { X509_free(p); }
  void operator()(BIGNUM* p) const { BN_free(p); }
  void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
};
template <typename T>
using Owned = std::unique_ptr<T, Free>;

void require(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("test key setup failed: ") + what);
}

std::string drain(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(size));
}

Owned<EVP_PKEY> privateEvpKey(const Poco::Crypto::RSAKey& key) {
  const std::string pem = privatePemPkcs1(key);
  Owned<BIO> in(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  Owned<EVP_PKEY> pkey(PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr));
  require(pkey != nullptr, "read private key");
  return pkey;
}

}  // namespace

const Poco::Crypto::RSAKey& merchantKey() {
  static const Poco::Crypto::RSAKey key(Poco::Crypto::RSAKey::KL_2048, Poco::Crypto::RSAKey::EXP_LARGE);
  return key;
}

const Poco::Crypto::RSAKey& platformKey() {
  static const Poco::Crypto::RSAKey key(Poco::Crypto::RSAKey::KL_2048, Poco::Crypto::RSAKey::EXP_LARGE);
  return key;
}

std::string privatePemPkcs1(const Poco::Crypto::RSAKey& key) {
  std::ostringstream out;
  key.save(nullptr, &out);
  return out.str();
}

std::string privatePemPkcs8(const Poco::Crypto::RSAKey& key) {
  const auto pkey = privateEvpKey(key);
  Owned<BIO> out(BIO_new(BIO_s_mem()));
  require(PEM_write_bio_PrivateKey(out.get(), pkey.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1, "PKCS#8");
  return drain(out.get());
}

std::string publicPem(const Poco::Crypto::RSAKey& key) {
  std::ostringstream out;
  key.save(&out);
  return out.str();
}

std::string certificatePem(const Poco::Crypto::RSAKey& key, const std::string& serialHex) {
  const auto pkey = privateEvpKey(key);
  Owned<X509> certificate(X509_new());
  BIGNUM* serial = nullptr;
  require(BN_hex2bn(&serial, serialHex.c_str()) > 0, "serial");
  Owned<BIGNUM> serialOwner(serial);
  require(BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(certificate.get())) != nullptr, "serial");
  X509_set_version(certificate.get(), 2);
  X509_gmtime_adj(X509_getm_notBefore(certificate.get()), 0);
  X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 3600);
  X509_NAME* name = X509_get_subject_name(certificate.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("Tenpay.com sign"), -1,
                             -1, 0);
  X509_set_issuer_name(certificate.get(), name);
  require(X509_set_pubkey(certificate.get(), pkey.get()) == 1, "public key");
  require(X509_sign(certificate.get(), pkey.get(), EVP_sha256()) > 0, "sign");
  Owned<BIO> out(BIO_new(BIO_s_mem()));
  require(PEM_write_bio_X509(out.get(), certificate.get()) == 1, "PEM");
  return drain(out.get());
}

bool opensslVerifiesSha256WithRsa(const std::string& publicKeyPem, const std::string& message,
                                  const std::string& signatureBase64) {
  const auto signature = base64Decode(signatureBase64);
  if (!signature) return false;
  Owned<BIO> in(BIO_new_mem_buf(publicKeyPem.data(), static_cast<int>(publicKeyPem.size())));
  Owned<EVP_PKEY> pkey(PEM_read_bio_PUBKEY(in.get(), nullptr, nullptr, nullptr));
  require(pkey != nullptr, "read public key");
  Owned<EVP_MD_CTX> context(EVP_MD_CTX_new());
  require(EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, pkey.get()) == 1, "verify init");
  return EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature->data()), signature->size(),
                          reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
}

}  // namespace paynext::core::payments::wxpay_v3::testing
