#pragma once
#include <memory>

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "core/http/admin_api.h"
#include "core/http/console_handler.h"
#include "core/http/mobile_api.h"
#include "core/http/ops_endpoints.h"
#include "core/http/services.h"

namespace paynext::core::http {

// Routes by the first path segment: /healthz, /admin/api/..., the admin
// console /admin/..., /notify/..., and otherwise /{factory}/... for the mobile API. Every exception stops at
// this boundary and is answered in the caller's dialect.
class ApiRouter : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit ApiRouter(Services& services);
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

  // Serves one request: request id, dispatch, access log line and metrics.
  void serve(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

 private:
  // Dispatches and returns the route label for metrics.
  std::string route(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
  void notify(const std::vector<std::string>& segments, Poco::Net::HTTPServerRequest& request,
              Poco::Net::HTTPServerResponse& response);

  Services& services_;
  MobileApi mobile_;
  AdminApi admin_;
  ConsoleHandler console_;
  OpsEndpoints ops_;
};

}  // namespace paynext::core::http
