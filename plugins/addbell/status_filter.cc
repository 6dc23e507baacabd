#include "status_filter.h"

#include "paynext/sdk/params.h"

#include "add_bell.h"

namespace paynext::plugins::addbell {

std::string recordStatusFilter(const Poco::JSON::Object& params) {
  const std::string status = sdk::params::optionalString(params, "status").value_or("");
  if (!status.empty() && status != kPending && status != kPaid && status != kExpired) {
    throw sdk::params::invalid("status", "PENDING、PAID 或 EXPIRED");
  }
  return status;
}

}  // namespace paynext::plugins::addbell
