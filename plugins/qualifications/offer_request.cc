#include "offer_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::qualifications {

namespace p = sdk::params;

namespace {
constexpr std::int64_t kMaxDays = 36600;
}

const Kind* optionalKind(const Poco::JSON::Object& params) {
  const auto type = p::optionalInt(params, "type");
  if (!type) return nullptr;
  const Kind* kind = kindOf(*type);
  if (!kind) throw p::invalid("type", "12、13 或 14");
  return kind;
}

const Kind& requireKind(const Poco::JSON::Object& params) {
  const Kind* kind = optionalKind(params);
  if (!kind) throw p::missing("type");
  return *kind;
}

Offer offerFromParams(const Poco::JSON::Object& params) {
  Offer offer;
  offer.type = requireKind(params).type;
  offer.price = p::requireMoney(params, "price");
  if (offer.price <= 0) throw p::invalid("price", "大于 0 的金额");
  offer.permanent = p::optionalBool(params, "permanent").value_or(false);
  if (offer.permanent) {
    // A permanent qualification has no duration: both at once is a mistake worth naming.
    if (p::has(params, "days")) throw sdk::ParamError("days", "参数 days 与 permanent 只能二选一");
  } else {
    offer.days = p::requirePositiveInt(params, "days");
    if (offer.days > kMaxDays) throw p::invalid("days", "1 到 36600 之间的整数");
  }
  offer.onSale = p::optionalBool(params, "onSale").value_or(true);
  return offer;
}

}  // namespace paynext::plugins::qualifications
