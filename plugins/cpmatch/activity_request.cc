#include "activity_request.h"

#include <string>

#include "paynext/sdk/params.h"

namespace paynext::plugins::cpmatch {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxTitleBytes = 200;
constexpr std::int64_t kMaxCapacity = 100000;

}  // namespace

Activity activityFromParams(const Poco::JSON::Object& params, bool withId) {
  Activity a;
  if (withId) a.id = p::requirePositiveInt(params, "id");
  a.title = p::requireText(params, "title", kMaxTitleBytes);
  a.fee = p::requireMoney(params, "fee");
  if (a.fee <= 0) throw p::invalid("fee", "大于 0 的金额");
  a.capacity = p::requirePositiveInt(params, "capacity");
  if (a.capacity > kMaxCapacity) throw p::invalid("capacity", "1 到 " + std::to_string(kMaxCapacity) + " 之间的整数");
  a.perGender = p::optionalBool(params, "perGender").value_or(false);
  if (a.perGender && a.capacity % 2 != 0) throw p::invalid("capacity", "偶数(男女各占一半名额)");
  a.dateStart = p::requireChinaTime(params, "dateStart");
  a.dateEnd = p::requireChinaTime(params, "dateEnd", true);
  if (a.dateEnd <= a.dateStart) throw p::invalid("dateEnd", "晚于 dateStart 的时间");
  a.onSale = p::optionalBool(params, "onSale").value_or(true);
  return a;
}

}  // namespace paynext::plugins::cpmatch
