#include "core/net/outbound_session.h"

#include <mutex>
#include <utility>

#include <Poco/Net/DNS.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/HostEntry.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureStreamSocket.h>

#include "core/net/gateway_session.h"
#include "paynext/sdk/http_client.h"

namespace paynext::core::net {

namespace {

// Connects to the checked address (the session's host is that IP literal, so
// Poco resolves nothing again) but names the real host in the Host header.
template <class Base>
class NamedSession : public Base {
 public:
  template <class... Args>
  NamedSession(std::string name, Args&&... args) : Base(std::forward<Args>(args)...), name_(std::move(name)) {}

  std::ostream& sendRequest(Poco::Net::HTTPRequest& request) override {
    if (!request.has(Poco::Net::HTTPRequest::HOST)) request.setHost(name_, this->getPort());
    return Base::sendRequest(request);
  }

 private:
  std::string name_;
};

std::mutex& policyMutex() {
  static std::mutex mutex;
  return mutex;
}

std::shared_ptr<const OutboundPolicy>& policySlot() {
  static std::shared_ptr<const OutboundPolicy> policy = std::make_shared<OutboundPolicy>();
  return policy;
}

}  // namespace

std::vector<Poco::Net::IPAddress> systemResolve(const std::string& host) {
  Poco::Net::IPAddress literal;
  if (Poco::Net::IPAddress::tryParse(host, literal)) return {literal};
  const Poco::Net::HostEntry entry = Poco::Net::DNS::resolve(host);
  return std::vector<Poco::Net::IPAddress>(entry.addresses().begin(), entry.addresses().end());
}

OutboundTarget checkOutboundTarget(const Poco::URI& uri, const OutboundPolicy& policy, const Resolver& resolve) {
  const std::string& scheme = uri.getScheme();
  const std::string& host = uri.getHost();
  if ((scheme != "http" && scheme != "https") || host.empty()) {
    throw sdk::HttpError("not an http:// or https:// URL: " + scheme + "://" + host);
  }
  std::vector<Poco::Net::IPAddress> addresses;
  try {
    addresses = resolve(host);
  } catch (const Poco::Exception& e) {
    throw sdk::HttpError("cannot resolve " + host + ": " + e.displayText());
  }
  if (addresses.empty()) throw sdk::HttpError("cannot resolve " + host);
  // Every address must pass: a name may not hide an inward address among outside ones.
  const int port = uri.getPort();
  for (const auto& address : addresses) {
    if (auto reason = policy.refusal(address, port, scheme == "https")) {
      const std::string ip = unmapped(address).toString();
      throw sdk::HttpRefused("出站地址 " + (ip == host ? ip : host + "(" + ip + ")") + " 不允许:" + *reason);
    }
  }
  return {scheme, host, addresses.front().toString(), port};
}

std::optional<std::string> outboundRefusal(const std::string& url, const OutboundPolicy& policy,
                                           const Resolver& resolve) {
  try {
    checkOutboundTarget(Poco::URI(url), policy, resolve);
    return std::nullopt;
  } catch (const sdk::HttpRefused& e) {
    return std::string(e.what());
  } catch (const sdk::HttpError&) {
    return std::nullopt;
  } catch (const Poco::SyntaxException&) {
    return std::nullopt;
  }
}

std::unique_ptr<Poco::Net::HTTPClientSession> sessionTo(const OutboundTarget& target, int connectTimeoutMs,
                                                        int timeoutMs, Poco::Net::Context::Ptr context) {
  const auto port16 = static_cast<Poco::UInt16>(target.port);
  std::unique_ptr<Poco::Net::HTTPClientSession> session;
  if (target.scheme == "https") {
    Poco::Net::SecureStreamSocket socket(context ? context : gatewayClientContext());
    socket.setPeerHostName(target.host);  // SNI and the certificate check use the name, not the IP
    auto https = std::make_unique<NamedSession<Poco::Net::HTTPSClientSession>>(target.host, socket);
    https->setHost(target.address);
    https->setPort(port16);
    session = std::move(https);
  } else {
    session = std::make_unique<NamedSession<Poco::Net::HTTPClientSession>>(target.host, target.address, port16);
  }
  const Poco::Timespan timeout(static_cast<Poco::Timespan::TimeDiff>(timeoutMs) * 1000);
  session->setTimeout(Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(connectTimeoutMs) * 1000), timeout,
                      timeout);
  return session;
}

std::unique_ptr<Poco::Net::HTTPClientSession> openOutboundSession(const Poco::URI& uri, const OutboundPolicy& policy,
                                                                  const Resolver& resolve, int connectTimeoutMs,
                                                                  int timeoutMs) {
  return sessionTo(checkOutboundTarget(uri, policy, resolve), connectTimeoutMs, timeoutMs);
}

void setGatewayOutboundPolicy(std::shared_ptr<const OutboundPolicy> policy) {
  std::lock_guard<std::mutex> lock(policyMutex());
  policySlot() = std::move(policy);
}

std::shared_ptr<const OutboundPolicy> gatewayOutboundPolicy() {
  std::lock_guard<std::mutex> lock(policyMutex());
  return policySlot();
}

}  // namespace paynext::core::net
