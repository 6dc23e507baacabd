#include "enroll_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::enroll {

EnrollRequest EnrollRequest::parse(const Poco::JSON::Object& params) {
  return EnrollRequest{sdk::params::requirePositiveInt(params, "id")};
}

}  // namespace paynext::plugins::enroll
