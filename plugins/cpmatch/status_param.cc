#include "status_param.h"

#include "paynext/sdk/params.h"

#include "signup.h"

namespace paynext::plugins::cpmatch {

std::string statusParam(const Poco::JSON::Object& params) {
  std::string status = sdk::params::optionalString(params, "status").value_or("");
  if (!status.empty() && status != kPending && status != kAdmitted) {
    throw sdk::params::invalid("status", "PENDING 或 ADMITTED");
  }
  return status;
}

}  // namespace paynext::plugins::cpmatch
