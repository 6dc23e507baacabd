#include "box_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::blindbox {

namespace p = sdk::params;

Box boxFromParams(const Poco::JSON::Object& params, std::int64_t userId) {
  Box box;
  box.userId = userId;
  const std::int64_t gender = p::requireInt(params, "gender");
  if (gender != 1 && gender != 2) throw p::invalid("gender", "1(男)或 2(女)");
  box.gender = static_cast<int>(gender);
  box.intro = p::requireText(params, "intro", kMaxIntroBytes);
  box.contact = p::requireText(params, "contact", kMaxContactBytes);
  return box;
}

std::string statusFilter(const Poco::JSON::Object& params) {
  const std::string status = p::optionalString(params, "status").value_or("");
  if (!status.empty() && status != kPending && status != kPublished && status != kExpired) {
    throw p::invalid("status", "PENDING、PUBLISHED 或 EXPIRED");
  }
  return status;
}

std::int64_t publishBoxId(const Poco::JSON::Object& params) { return p::requirePositiveInt(params, "boxId"); }

}  // namespace paynext::plugins::blindbox
