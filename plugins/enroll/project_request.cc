#include "project_request.h"

#include <string>

#include "paynext/sdk/params.h"

namespace paynext::plugins::enroll {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxTitleBytes = 200;
constexpr std::size_t kMaxDescriptionBytes = 5000;
constexpr std::int64_t kMaxCapacity = 1000000;

}  // namespace

Project projectFromParams(const Poco::JSON::Object& params, bool withId) {
  Project project;
  if (withId) project.id = p::requirePositiveInt(params, "id");
  project.title = p::requireText(params, "title", kMaxTitleBytes);
  project.description = p::optionalText(params, "description", kMaxDescriptionBytes);
  project.fee = p::requireMoney(params, "fee");
  if (project.fee <= 0) throw p::invalid("fee", "大于 0 的金额");
  project.capacity = p::requirePositiveInt(params, "capacity");
  if (project.capacity > kMaxCapacity) throw p::invalid("capacity", "不超过 1000000 的正整数");
  if (const auto deadline = p::optionalChinaTime(params, "deadline", true)) project.deadline = *deadline;
  if (p::has(params, "fields")) project.fields = fieldsFromParam(params, "fields");
  project.enabled = p::optionalBool(params, "enabled").value_or(true);
  return project;
}

}  // namespace paynext::plugins::enroll
