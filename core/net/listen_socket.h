#pragma once
#include <string>

#include <Poco/Net/ServerSocket.h>

namespace paynext::core::net {

// A bound, listening socket: plain, or TLS when a certificate and key (PEM
// files) are given. Throws Poco exceptions for unreadable files or a busy port.
Poco::Net::ServerSocket listenSocket(const std::string& host, int port, const std::string& certificateFile = "",
                                     const std::string& privateKeyFile = "", int backlog = 128);

}  // namespace paynext::core::net
