#pragma once
#include <string>

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "core/http/services.h"

namespace paynext::core::http {

// The API工厂-style mobile API under /{factory}/...: core endpoints and the
// routes of the modules enabled for the factory. Answers in the envelope
// {"code":..,"data":..,"msg":..}.
class MobileApi {
 public:
  explicit MobileApi(Services& services);

  void handle(const tenancy::Factory& factory, const std::string& path, Poco::Net::HTTPServerRequest& request,
              Poco::Net::HTTPServerResponse& response);

 private:
  struct Call;
  bool handleCore(Call& call);
  bool handleModuleRoute(Call& call);
  identity::User requireUser(Call& call);

  Services& services_;
};

}  // namespace paynext::core::http
