#pragma once
// A second service between modules, declared the way the SDK declares
// coupons (sdk/include/paynext/sdk/services/coupons.h), for the tests:
// svc_provider provides it, svc_consumer uses it.
#include <string>

#include "paynext/sdk/action_context.h"
#include "paynext/sdk/service.h"

namespace paynext::testplugins {

class PAYNEXT_SDK_API EchoService : public sdk::Service {
 public:
  static constexpr const char* kName = "echo";
  static constexpr int kVersion = 1;
  static constexpr const char* kProvider = "回声";

  // Answers "echo:<text>" and records the call in the provider's own table,
  // in the caller's session (so it commits with the caller's step).
  virtual std::string echo(sdk::Scope& scope, const std::string& text) = 0;
};

}  // namespace paynext::testplugins
