#pragma once
#include <optional>
#include <string>
#include <vector>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "core/http/services.h"

namespace paynext::core::http {

// The admin API under /admin/api/ (JSON, bearer token). Errors answer
// {"error":{"status":..,"message":..}} with the HTTP status.
class AdminApi {
 public:
  explicit AdminApi(Services& services);

  void handle(const std::vector<std::string>& segments, Poco::Net::HTTPServerRequest& request,
              Poco::Net::HTTPServerResponse& response);

 private:
  struct Call;
  std::optional<identity::AdminPrincipal> authenticate(const Poco::Net::HTTPServerRequest& request);
  static void requirePlatform(const Call& call);
  tenancy::Factory authorizedFactory(const Call& call, const std::string& name);
  void dispatch(Call& call);
  void factoryScoped(Call& call, const tenancy::Factory& factory);
  void modules(Call& call, const tenancy::Factory& factory);
  void config(Call& call, const tenancy::Factory& factory);
  void channels(Call& call, const tenancy::Factory& factory);
  void putChannel(Call& call, const tenancy::Factory& factory, const payments::PaymentChannel& channel);
  void payments(Call& call, const tenancy::Factory& factory);
  void refunds(Call& call, const tenancy::Factory& factory, const std::string& outTradeId);
  void users(Call& call, const tenancy::Factory& factory);
  void moduleRoute(Call& call, const tenancy::Factory& factory, const plugin_host::LoadedModule& module,
                   const std::string& path);

  Services& services_;
};

}  // namespace paynext::core::http
