#pragma once
// Mutual TLS for gateway calls (WeChat Pay v2's /secapi/ needs the merchant's
// API certificate): a TLS client context that presents a certificate given
// as PEM text, verifying servers as gateway calls do.
#include <memory>
#include <string>

#include <Poco/Crypto/X509Certificate.h>
#include <Poco/Net/Context.h>

namespace paynext::core::net {

struct ClientCertificate {
  Poco::Net::Context::Ptr context;
  // Lowercase hex SHA-256 of the certificate's DER: names it in pool keys.
  std::string fingerprint;
};

// The context presenting certPem with its private key keyPem (RSA, PEM,
// unencrypted). Loaded from memory, no file written; made once per
// certificate and key and shared afterwards. Throws GatewayError (quoting
// neither PEM) when either does not load or the key is not the certificate's.
std::shared_ptr<const ClientCertificate> clientCertificate(const std::string& certPem, const std::string& keyPem);

// Lowercase hex SHA-256 of a certificate's DER (what `openssl x509
// -fingerprint -sha256` prints, without colons): how a server tells whose
// client certificate it was shown.
std::string certificateFingerprint(const Poco::Crypto::X509Certificate& certificate);

}  // namespace paynext::core::net
