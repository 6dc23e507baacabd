#include "rule_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::coupons {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxNameBytes = 100;
constexpr std::size_t kMaxPwdBytes = 32;
constexpr std::int64_t kMaxDays = 3650;

sdk::Fen fen(const Poco::JSON::Object& params, const std::string& name, bool required, sdk::Fen min) {
  const auto v = required ? p::requireInt(params, name) : p::optionalInt(params, name).value_or(0);
  if (v < min || v > sdk::kMaxFen) throw p::invalid(name, min > 0 ? "以分为单位的正整数" : "以分为单位的非负整数");
  return v;
}

}  // namespace

CouponRule parseRule(const Poco::JSON::Object& params) {
  CouponRule r;
  r.terms.name = p::requireText(params, "name", kMaxNameBytes);
  r.terms.kind = p::requireString(params, "kind");
  if (r.terms.kind == kReduce) {
    r.terms.money = fen(params, "money", true, 1);
  } else if (r.terms.kind == kDiscount) {
    const auto rate = p::requireInt(params, "rate");
    if (rate < 1 || rate > 99) throw p::invalid("rate", "1 到 99 之间的整数(支付的百分比,85 为八五折)");
    r.terms.rate = static_cast<int>(rate);
  } else {
    throw p::invalid("kind", "reduce(满减)或 discount(折扣)");
  }
  r.terms.minAmount = fen(params, "minAmount", false, 0);

  const auto days = p::optionalInt(params, "validDays").value_or(0);
  if (days < 0 || days > kMaxDays) throw p::invalid("validDays", "0 到 3650 之间的整数");
  r.validDays = static_cast<int>(days);
  r.dateStart = p::optionalChinaTime(params, "dateStart").value_or(0);
  r.dateEnd = p::optionalChinaTime(params, "dateEnd", true).value_or(0);
  // One way of saying how long a coupon lasts, never both.
  if (r.validDays > 0 && (r.dateStart != 0 || r.dateEnd != 0)) {
    throw sdk::ParamError("validDays", "参数 validDays 与 dateStart/dateEnd 只能设置一种");
  }
  if (r.validDays == 0 && r.dateEnd == 0) throw sdk::ParamError("dateEnd", "缺少参数 dateEnd(或 validDays)");
  if (r.dateEnd != 0 && r.dateStart >= r.dateEnd) throw p::invalid("dateEnd", "晚于 dateStart 的时间");

  r.stock = p::requireInt(params, "stock");
  if (r.stock < 0 || r.stock > 100000000) throw p::invalid("stock", "0 到 100000000 之间的整数");
  r.perUser = p::optionalInt(params, "perUser").value_or(1);
  if (r.perUser < 0 || r.perUser > 10000) throw p::invalid("perUser", "0 到 10000 之间的整数(0 为不限)");
  r.pwd = p::optionalText(params, "pwd", kMaxPwdBytes);
  r.price = fen(params, "price", false, 0);
  r.enabled = p::optionalBool(params, "enabled").value_or(true);
  return r;
}

}  // namespace paynext::plugins::coupons
