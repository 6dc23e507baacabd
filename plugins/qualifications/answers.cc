#include "answers.h"

#include "paynext/sdk/errors.h"

namespace paynext::plugins::qualifications {

sdk::RouteResponse ok(Poco::Dynamic::Var data) { return sdk::RouteResponse{sdk::codes::kOk, "success", data}; }

sdk::RouteResponse noData(const std::string& msg) { return sdk::RouteResponse{sdk::codes::kNoData, msg, {}}; }

}  // namespace paynext::plugins::qualifications
