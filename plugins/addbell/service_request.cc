#include "service_request.h"

#include <string>

#include "paynext/sdk/params.h"

namespace paynext::plugins::addbell {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxNameBytes = 100;
constexpr std::int64_t kMaxMinutes = 1440;  // a day
constexpr std::int64_t kMaxUnits = 100;
constexpr std::int64_t kDefaultMaxUnits = 4;

std::int64_t between(const std::string& name, std::int64_t value, std::int64_t max) {
  if (value < 1 || value > max) throw p::invalid(name, "1 到 " + std::to_string(max) + " 之间的整数");
  return value;
}

}  // namespace

Service serviceFromParams(const Poco::JSON::Object& params, bool withId) {
  Service s;
  if (withId) s.id = p::requirePositiveInt(params, "id");
  s.name = p::requireText(params, "name", kMaxNameBytes);
  s.baseMinutes = between("baseMinutes", p::requireInt(params, "baseMinutes"), kMaxMinutes);
  s.basePrice = p::requireMoney(params, "basePrice");
  s.unitMinutes = between("unitMinutes", p::requireInt(params, "unitMinutes"), kMaxMinutes);
  s.unitPrice = p::requireMoney(params, "unitPrice");
  if (s.unitPrice <= 0) throw p::invalid("unitPrice", "大于 0 的金额");
  s.addEnabled = p::optionalBool(params, "addEnabled").value_or(true);
  s.maxUnits = between("maxUnits", p::optionalInt(params, "maxUnits").value_or(kDefaultMaxUnits), kMaxUnits);
  return s;
}

}  // namespace paynext::plugins::addbell
