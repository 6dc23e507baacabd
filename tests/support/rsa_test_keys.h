#pragma once
// Throwaway RSA 2048 keys for the Alipay tests (unit and integration), generated once per test
// binary at run time (nothing secret is checked in), in every text form a
// merchant may paste into configuration.
#include <sstream>
#include <string>

#include <Poco/Crypto/EVPPKey.h>
#include <Poco/Crypto/RSAKey.h>

namespace paynext::testing {

struct TestKeyPair {
  explicit TestKeyPair(Poco::Crypto::RSAKey k) : key(std::move(k)) {
    std::ostringstream pkcs1Public, pkcs1Private, spkiPublic, pkcs8Private;
    key.save(&pkcs1Public, &pkcs1Private);                         // RSAKey writes PKCS#1
    Poco::Crypto::EVPPKey(&key).save(&spkiPublic, &pkcs8Private);  // EVPPKey writes SPKI / PKCS#8
    pkcs1Pem = pkcs1Private.str();
    pkcs8Pem = pkcs8Private.str();
    publicPem = spkiPublic.str();
    pkcs1Body = bodyOf(pkcs1Pem);
    pkcs8Body = bodyOf(pkcs8Pem);
    publicBody = bodyOf(publicPem);
  }

  // The base64 between the armour lines, on one line, as the Alipay console
  // and key tool show it.
  static std::string bodyOf(const std::string& pem) {
    std::istringstream in(pem);
    std::string line, body;
    while (std::getline(in, line)) {
      if (line.rfind("-----", 0) != 0) body += line;
    }
    return body;
  }

  Poco::Crypto::RSAKey key;  // both halves
  std::string pkcs1Pem;      // -----BEGIN RSA PRIVATE KEY-----
  std::string pkcs8Pem;      // -----BEGIN PRIVATE KEY-----
  std::string publicPem;     // -----BEGIN PUBLIC KEY-----
  std::string pkcs1Body;
  std::string pkcs8Body;
  std::string publicBody;
};

// The merchant's application key pair.
inline const TestKeyPair& merchantKeys() {
  static const TestKeyPair keys(Poco::Crypto::RSAKey(Poco::Crypto::RSAKey::KL_2048, Poco::Crypto::RSAKey::EXP_LARGE));
  return keys;
}

// The key pair a fake "Alipay" signs its answers and notifications with.
inline const TestKeyPair& alipayKeys() {
  static const TestKeyPair keys(Poco::Crypto::RSAKey(Poco::Crypto::RSAKey::KL_2048, Poco::Crypto::RSAKey::EXP_LARGE));
  return keys;
}

}  // namespace paynext::testing
