#pragma once
#include <cstdint>
#include <map>
#include <string>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/route.h"

#include "application.h"
#include "project_store.h"

namespace paynext::plugins::enroll {

// The `status` filter of an application list: "" (all), UNPAID, PAID or CANCELLED.
std::string statusFilter(const Poco::JSON::Object& params);

// The projects of listed applications, each read once: their titles and
// current fees go with the applications.
class ProjectLookup {
 public:
  explicit ProjectLookup(sdk::Scope& scope) : store_(scope.session, scope.factoryId, scope.clock) {}
  std::string title(std::int64_t id) { return find(id) ? find(id)->title : ""; }
  sdk::Fen fee(std::int64_t id) { return find(id) ? find(id)->fee : 0; }

 private:
  const std::optional<Project>& find(std::int64_t id);
  ProjectStore store_;
  std::map<std::int64_t, std::optional<Project>> seen_;
};

}  // namespace paynext::plugins::enroll
