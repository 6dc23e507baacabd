#pragma once
#include <Poco/Net/HTTPServerResponse.h>

#include "core/http/services.h"

namespace paynext::core::http {

// Operations: /healthz (the process answers), /readyz (database reachable,
// plugins loaded) and /metrics (Prometheus text).
class OpsEndpoints {
 public:
  explicit OpsEndpoints(Services& services) : services_(services) {}

  void healthz(Poco::Net::HTTPServerResponse& response);
  void readyz(Poco::Net::HTTPServerResponse& response);
  void metrics(Poco::Net::HTTPServerResponse& response);

 private:
  Services& services_;
};

}  // namespace paynext::core::http
