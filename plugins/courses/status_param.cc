#include "status_param.h"

#include "paynext/sdk/params.h"

#include "purchase.h"

namespace paynext::plugins::courses {

std::string statusParam(const Poco::JSON::Object& params) {
  std::string status = sdk::params::optionalString(params, "status").value_or("");
  if (!status.empty() && status != kUnpaid && status != kPaid && status != kCancelled) {
    throw sdk::params::invalid("status", "UNPAID、PAID 或 CANCELLED");
  }
  return status;
}

}  // namespace paynext::plugins::courses
