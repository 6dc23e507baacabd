#include "core/app/transport_settings.h"

#include <Poco/Exception.h>

#include "core/app/setting_values.h"

namespace paynext::core::app {

namespace {

std::chrono::milliseconds seconds(const Poco::Util::AbstractConfiguration& c, const std::string& key,
                                  std::chrono::milliseconds fallback) {
  const double value = c.getDouble(key, static_cast<double>(fallback.count()) / 1000);
  if (!(value > 0 && value <= 3600)) throw Poco::InvalidArgumentException(key + " must be within (0, 3600] seconds");
  return std::chrono::milliseconds(static_cast<long long>(value * 1000));
}

}  // namespace

transport::TransportOptions transportSettings(const Poco::Util::AbstractConfiguration& c) {
  transport::TransportOptions o;
  o.host = c.getString("http.host", o.host);
  o.port = c.getInt("http.port", o.port);
  if (c.has("https.port")) {
    o.httpsPort = c.getInt("https.port");
    o.certificateFile = c.getString("https.certificateFile");
    o.privateKeyFile = c.getString("https.privateKeyFile");
  }
  o.workerThreads = static_cast<int>(positiveSetting(c, "http.threads", static_cast<std::size_t>(o.workerThreads)));
  o.ioThreads = static_cast<int>(positiveSetting(c, "http.ioThreads", static_cast<std::size_t>(o.ioThreads)));
  o.idleTimeout = seconds(c, "http.keepAliveSeconds", o.idleTimeout);
  o.headTimeout = seconds(c, "http.headTimeoutSeconds", o.headTimeout);
  o.bodyTimeout = seconds(c, "http.bodyTimeoutSeconds", o.bodyTimeout);
  o.writeTimeout = seconds(c, "http.writeTimeoutSeconds", o.writeTimeout);
  o.maxConnections = positiveSetting(c, "http.maxConnections", o.maxConnections);
  o.maxConnectionsPerAddress = positiveSetting(c, "http.maxConnectionsPerAddress", o.maxConnectionsPerAddress);
  o.maxHeadBytes = positiveSetting(c, "http.maxHeadBytes", o.maxHeadBytes);
  o.maxBodyBytes = positiveSetting(c, "http.maxBodyBytes", o.maxBodyBytes);
  o.maxKeepAliveRequests = static_cast<int>(positiveSetting(c, "http.maxKeepAliveRequests", 1000));
  o.trustedProxies = transport::TrustedProxies(c.getString("http.trustedProxies", ""));
  return o;
}

}  // namespace paynext::core::app
