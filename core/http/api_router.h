#pragma once
#include <memory>

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "core/http/admin_api.h"
#include "core/http/mobile_api.h"
#include "core/http/services.h"

namespace paynext::core::http {

// Routes by the first path segment: /healthz, /admin/api/..., /notify/...,
// and otherwise /{factory}/... for the mobile API. Every exception stops at
// this boundary and is answered in the caller's dialect.
class ApiRouter : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit ApiRouter(Services& services);
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

  void route(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

 private:
  void notify(const std::vector<std::string>& segments, Poco::Net::HTTPServerRequest& request,
              Poco::Net::HTTPServerResponse& response);

  Services& services_;
  MobileApi mobile_;
  AdminApi admin_;
};

}  // namespace paynext::core::http
