#include "status_filter.h"

#include "paynext/sdk/params.h"

#include "task.h"

namespace paynext::plugins::errands {

std::string statusFilter(const Poco::JSON::Object& params) {
  const std::string status = sdk::params::optionalString(params, "status").value_or("");
  if (!status.empty() && !isStatus(status)) {
    throw sdk::params::invalid("status", "UNPAID、PUBLISHED、TAKEN、DELIVERED、COMPLETED、EXPIRED 或 CANCELLED");
  }
  return status;
}

}  // namespace paynext::plugins::errands
