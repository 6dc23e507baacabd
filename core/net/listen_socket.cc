#include "core/net/listen_socket.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>

namespace paynext::core::net {

Poco::Net::ServerSocket listenSocket(const std::string& host, int port, const std::string& certificateFile,
                                     const std::string& privateKeyFile, int backlog) {
  const Poco::Net::SocketAddress address(host, static_cast<Poco::UInt16>(port));
  if (certificateFile.empty()) return Poco::Net::ServerSocket(address, backlog);
  Poco::Net::initializeSSL();
  Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, privateKeyFile,
                                                           certificateFile, "", Poco::Net::Context::VERIFY_NONE);
  // The socket shares its implementation with the ServerSocket returned.
  return Poco::Net::SecureServerSocket(address, backlog, context);
}

}  // namespace paynext::core::net
