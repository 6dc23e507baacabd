#include "pay_request.h"

#include <set>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

namespace paynext::plugins::catering {

namespace p = sdk::params;

namespace {

// Order ids start at 100000 and stay far below ten digits; the clients'
// long order numbers (e.g. 20240601120000123) are longer.
constexpr std::size_t kMaxOrderIdDigits = 10;

std::int64_t orderIdOf(const Poco::JSON::Object& params) {
  if (p::has(params, "orderId")) {
    const Poco::Dynamic::Var v = params.get("orderId");
    if (!v.isBoolean() && (v.isString() || v.isNumeric()) && v.convert<std::string>().size() > kMaxOrderIdDigits) {
      throw sdk::ParamError("orderId", "参数 orderId 应为扫码点餐的待支付订单 id(一般为 6 位数字),不是很长的订单号");
    }
  }
  return p::requirePositiveInt(params, "orderId");
}

bool blank(const Poco::JSON::Object& params, const std::string& name) {
  if (!p::has(params, name)) return true;
  const Poco::Dynamic::Var v = params.get(name);
  return v.isString() && v.extract<std::string>().find_first_not_of(' ') == std::string::npos;
}

}  // namespace

PayRequest PayRequest::parse(const Poco::JSON::Object& params) {
  PayRequest r;
  r.orderId = orderIdOf(params);
  // Mobile clients send couponId "" when the user picked none.
  if (blank(params, "couponId")) return r;
  r.couponIds = p::requireIdList(params, "couponId");
  if (r.couponIds.size() > kMaxCoupons) {
    throw sdk::ParamError("couponId", "参数 couponId 最多包含 " + std::to_string(kMaxCoupons) + " 张优惠券");
  }
  std::set<std::int64_t> seen;
  for (const auto id : r.couponIds) {
    if (!seen.insert(id).second) {
      throw sdk::ParamError("couponId", "参数 couponId 中优惠券 " + std::to_string(id) + " 重复");
    }
  }
  return r;
}

std::string PayRequest::couponText() const {
  std::string text;
  for (const auto id : couponIds) text += (text.empty() ? "" : ",") + std::to_string(id);
  return text;
}

}  // namespace paynext::plugins::catering
