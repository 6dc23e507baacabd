#include "core/net/gateway_session.h"

#include <mutex>
#include <stdexcept>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLManager.h>

#include "core/net/client_certificate.h"
#include "core/net/outbound_session.h"
#include "core/net/session_pool.h"
#include "paynext/sdk/http_client.h"

namespace paynext::core::net {

namespace {

std::mutex& caMutex() {
  static std::mutex mutex;
  return mutex;
}

std::string& caFile() {
  static std::string file;
  return file;
}

}  // namespace

Poco::Net::Context::Ptr gatewayClientContext() {
  static std::once_flag once;
  static Poco::Net::Context::Ptr context;
  std::call_once(once, [] {
    Poco::Net::initializeSSL();
    std::lock_guard<std::mutex> lock(caMutex());
    // VERIFY_RELAXED on a client still requires a valid peer certificate;
    // the last argument loads the system store as well.
    context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", caFile(),
                                     Poco::Net::Context::VERIFY_RELAXED, 9, true);
  });
  return context;
}

void setGatewayCaFile(const std::string& file) {
  std::lock_guard<std::mutex> lock(caMutex());
  caFile() = file;
}

std::string gatewayCaFile() {
  std::lock_guard<std::mutex> lock(caMutex());
  return caFile();
}

std::unique_ptr<Poco::Net::HTTPClientSession> openGatewaySession(const Poco::URI& uri, int connectTimeoutMs,
                                                                 int timeoutMs) {
  std::unique_ptr<Poco::Net::HTTPClientSession> session;
  if (uri.getScheme() == "https") {
    session = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), gatewayClientContext());
  } else {
    session = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
  }
  const Poco::Timespan timeout(static_cast<Poco::Timespan::TimeDiff>(timeoutMs) * 1000);
  session->setTimeout(Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(connectTimeoutMs) * 1000), timeout,
                      timeout);
  return session;
}

std::string readBounded(std::istream& in, std::size_t limit) {
  std::string body;
  char buffer[8192];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    body.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (body.size() > limit) throw std::length_error("response larger than " + std::to_string(limit) + " bytes");
  }
  return body;
}

namespace {

SessionPool& gatewaySessions() {
  static SessionPool pool;
  return pool;
}

// One request and its whole answer on session; true in `answered` once the
// answer's head has arrived.
std::string exchange(Poco::Net::HTTPClientSession& session, const std::string& pathAndQuery,
                     const std::string& contentType, const std::string& body, const GatewayCall& limits,
                     bool& answered, bool& keepAlive) {
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, pathAndQuery, Poco::Net::HTTPMessage::HTTP_1_1);
  request.setContentType(contentType);
  request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  answered = true;
  if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK) {
    throw GatewayError("gateway answered HTTP " + std::to_string(response.getStatus()));
  }
  if (response.hasContentLength() && response.getContentLength64() > static_cast<Poco::Int64>(limits.maxResponseBytes)) {
    throw GatewayError("response larger than " + std::to_string(limits.maxResponseBytes) + " bytes");
  }
  std::string answer = readBounded(in, limits.maxResponseBytes);
  keepAlive = response.getKeepAlive();
  return answer;
}

}  // namespace

std::string postToGateway(const Poco::URI& uri, const std::string& pathAndQuery, const std::string& contentType,
                          const std::string& body, const GatewayCall& limits,
                          const std::shared_ptr<const ClientCertificate>& clientCertificate) {
  try {
    const OutboundTarget target = checkOutboundTarget(uri, *gatewayOutboundPolicy(), systemResolve);
    // A connection made with one certificate is never reused by a call that
    // presents another, or none.
    const std::string key =
        clientCertificate ? target.key() + "#cert:" + clientCertificate->fingerprint : target.key();
    for (int attempt = 1;; ++attempt) {
      auto session = gatewaySessions().take(key);
      const bool reused = session != nullptr;
      if (reused) {
        // This call's limits, not those of the call that opened the connection.
        const Poco::Timespan timeout(static_cast<Poco::Timespan::TimeDiff>(limits.timeoutMs) * 1000);
        session->setTimeout(Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(limits.connectTimeoutMs) * 1000),
                            timeout, timeout);
        session->socket().setSendTimeout(timeout);
        session->socket().setReceiveTimeout(timeout);
      } else {
        session = sessionTo(target, limits.connectTimeoutMs, limits.timeoutMs,
                            clientCertificate ? clientCertificate->context : nullptr);
      }
      session->setKeepAlive(true);
      bool answered = false, keepAlive = false;
      try {
        std::string answer = exchange(*session, pathAndQuery, contentType, body, limits, answered, keepAlive);
        if (keepAlive) gatewaySessions().give(key, std::move(session));
        return answer;
      } catch (const Poco::Net::NetException&) {
        // A kept connection the far side closed meanwhile fails before any
        // answer: the request never arrived, so it is sent once more on a new one.
        if (!reused || answered || attempt > 1) throw;
      }
    }
  } catch (const Poco::Exception& e) {
    throw GatewayError(e.displayText());
  } catch (const std::length_error& e) {
    throw GatewayError(e.what());
  } catch (const sdk::HttpError& e) {
    throw GatewayError(e.what());
  }
}

}  // namespace paynext::core::net
