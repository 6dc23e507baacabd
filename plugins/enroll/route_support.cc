#include "route_support.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::enroll {

std::string statusFilter(const Poco::JSON::Object& params) {
  const std::string status = sdk::params::optionalString(params, "status").value_or("");
  if (!status.empty() && status != kUnpaid && status != kPaid && status != kCancelled) {
    throw sdk::params::invalid("status", "UNPAID、PAID 或 CANCELLED");
  }
  return status;
}

const std::optional<Project>& ProjectLookup::find(std::int64_t id) {
  auto it = seen_.find(id);
  if (it == seen_.end()) it = seen_.emplace(id, store_.find(id)).first;
  return it->second;
}

}  // namespace paynext::plugins::enroll
