#pragma once
// Mutual TLS for /secapi/ (refunds): the simulator's HTTPS asks every client
// for a certificate, accepts a connection with any certificate or none (only
// /secapi/ needs one), and the handler checks it is the merchant's.
#include <string>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/ServerSocket.h>

namespace paynext::tools::gatewaysim {

// A listening HTTPS socket (PEM certificate and key files) that requests a
// client certificate without requiring or verifying one.
Poco::Net::ServerSocket certificateRequestingSocket(const std::string& host, int port,
                                                    const std::string& certificateFile,
                                                    const std::string& privateKeyFile);

// The SHA-256 fingerprint (lowercase hex of the DER) of the client
// certificate on request's connection; empty when it has none or is not TLS.
std::string clientCertificateFingerprint(Poco::Net::HTTPServerRequest& request);

// The fingerprint of the certificate in a PEM file; throws Poco exceptions
// for an unreadable file.
std::string certificateFileFingerprint(const std::string& pemFile);

}  // namespace paynext::tools::gatewaysim
