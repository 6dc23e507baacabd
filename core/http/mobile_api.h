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

  // The route template a path counts under in metrics: the path itself when
  // it is a core or module route, "other" otherwise (bounded cardinality).
  std::string routeLabel(const std::string& path) const;

  void handle(const tenancy::Factory& factory, const std::string& path, Poco::Net::HTTPServerRequest& request,
              Poco::Net::HTTPServerResponse& response);

 private:
  struct Call;
  bool handleCore(Call& call);
  bool handleModuleRoute(Call& call);
  // The module route serving path and method, with its module; null when none.
  const sdk::Route* findModuleRoute(const std::string& path, const std::string& method,
                                    const plugin_host::LoadedModule** owner = nullptr) const;
  void runModuleRoute(Call& call, const plugin_host::LoadedModule& module, const sdk::Route& route);
  identity::User requireUser(Call& call);
  payments::PayRequest payRequest(Call& call);

  Services& services_;
};

}  // namespace paynext::core::http
