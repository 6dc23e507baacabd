#include "tools/gatewaysim/mutual_tls.h"

#include <Poco/Crypto/X509Certificate.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <openssl/ssl.h>

#include "core/net/client_certificate.h"

namespace paynext::tools::gatewaysim {

namespace {

// Any certificate (or none) passes the handshake: whether it is the
// merchant's is the /secapi/ handler's question, by fingerprint.
int acceptAnyCertificate(int, X509_STORE_CTX*) { return 1; }

}  // namespace

Poco::Net::ServerSocket certificateRequestingSocket(const std::string& host, int port,
                                                    const std::string& certificateFile,
                                                    const std::string& privateKeyFile) {
  Poco::Net::initializeSSL();
  // VERIFY_NONE keeps Poco from its own checks (a client certificate's name
  // against the client's address); SSL_VERIFY_PEER then makes OpenSSL ask.
  Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, privateKeyFile,
                                                           certificateFile, "", Poco::Net::Context::VERIFY_NONE);
  SSL_CTX_set_verify(context->sslContext(), SSL_VERIFY_PEER, acceptAnyCertificate);
  const Poco::Net::SocketAddress address(host, static_cast<Poco::UInt16>(port));
  return Poco::Net::SecureServerSocket(address, 128, context);
}

std::string clientCertificateFingerprint(Poco::Net::HTTPServerRequest& request) {
  auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
  if (!impl || !impl->secure()) return {};
  const Poco::Net::SecureStreamSocket socket(impl->socket());
  if (!socket.havePeerCertificate()) return {};
  return core::net::certificateFingerprint(socket.peerCertificate());
}

std::string certificateFileFingerprint(const std::string& pemFile) {
  return core::net::certificateFingerprint(Poco::Crypto::X509Certificate(pemFile));
}

}  // namespace paynext::tools::gatewaysim
