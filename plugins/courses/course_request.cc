#include "course_request.h"

#include <string>

#include "paynext/sdk/params.h"

namespace paynext::plugins::courses {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxTitleBytes = 200;
constexpr std::size_t kMaxSummaryBytes = 2000;
constexpr std::int64_t kMaxSeats = 100000;

}  // namespace

Course courseFromParams(const Poco::JSON::Object& params, bool withId) {
  Course c;
  if (withId) c.id = p::requirePositiveInt(params, "id");
  c.title = p::requireText(params, "title", kMaxTitleBytes);
  c.summary = p::optionalText(params, "summary", kMaxSummaryBytes);
  c.price = p::requireMoney(params, "price");
  if (c.price <= 0) throw p::invalid("price", "大于 0 的金额");
  c.seats = p::requirePositiveInt(params, "seats");
  if (c.seats > kMaxSeats) throw p::invalid("seats", "1 到 " + std::to_string(kMaxSeats) + " 之间的整数");
  c.dateStart = p::requireChinaTime(params, "dateStart");
  c.dateEnd = p::requireChinaTime(params, "dateEnd", true);
  if (c.dateEnd <= c.dateStart) throw p::invalid("dateEnd", "晚于 dateStart 的时间");
  c.onSale = p::optionalBool(params, "onSale").value_or(true);
  return c;
}

}  // namespace paynext::plugins::courses
