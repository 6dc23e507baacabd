#pragma once
#include "paynext/sdk/visibility.h"
#include <string>
#include <vector>

#include "paynext/sdk/action_handler.h"
#include "paynext/sdk/job.h"
#include "paynext/sdk/migration.h"
#include "paynext/sdk/route.h"
#include "paynext/sdk/service.h"

namespace paynext::sdk {

// A plugin: one module with its action types, tables, routes, jobs and the
// services it offers other modules. The host reads each list once, at start-up.
class PAYNEXT_SDK_API Module {
 public:
  virtual ~Module() = default;

  virtual std::string name() const = 0;   // machine name, e.g. "sms"
  virtual std::string title() const = 0;  // shown to admins, e.g. "短信验证码"
  virtual std::string version() const = 0;

  virtual std::vector<ActionType> actionTypes() { return {}; }
  virtual std::vector<Migration> migrations() const { return {}; }
  virtual std::vector<Route> routes() { return {}; }
  virtual std::vector<Job> jobs() { return {}; }
  virtual std::vector<ProvidedService> services() { return {}; }
};

}  // namespace paynext::sdk
