#include "shop_request.h"

#include <algorithm>
#include <string>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "paynext/sdk/params.h"

namespace paynext::plugins::shopbill {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxNameBytes = 100;
constexpr std::size_t kMaxTiers = 10;

// tiers as a JSON array, or a string holding one (a form field).
Poco::JSON::Array::Ptr tierArray(const Poco::JSON::Object& params) {
  if (!p::has(params, "tiers")) return new Poco::JSON::Array;
  const Poco::Dynamic::Var v = params.get("tiers");
  try {
    if (v.type() == typeid(Poco::JSON::Array::Ptr)) return v.extract<Poco::JSON::Array::Ptr>();
    if (v.isString()) return Poco::JSON::Parser().parse(v.extract<std::string>()).extract<Poco::JSON::Array::Ptr>();
  } catch (const Poco::Exception&) {
  }
  throw p::invalid("tiers", "满减档位数组,如 [{\"threshold\":\"100\",\"off\":\"10\"}]");
}

std::vector<Tier> tiersFrom(const Poco::JSON::Object& params) {
  const auto array = tierArray(params);
  if (array->size() > kMaxTiers) {
    throw sdk::ParamError("tiers", "参数 tiers 最多 " + std::to_string(kMaxTiers) + " 档");
  }
  std::vector<Tier> tiers;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto item = array->getObject(static_cast<unsigned>(i));
    const std::string name = "tiers[" + std::to_string(i) + "]";
    if (!item) throw p::invalid(name, "含 threshold 与 off 的对象");
    Tier t{p::requireMoney(*item, "threshold"), p::requireMoney(*item, "off")};
    if (t.off <= 0 || t.off > t.threshold) {
      throw sdk::ParamError(name, "参数 " + name + " 的 off 应大于 0 且不超过 threshold");
    }
    if (std::any_of(tiers.begin(), tiers.end(), [&](const Tier& o) { return o.threshold == t.threshold; })) {
      throw sdk::ParamError(name, "参数 " + name + " 的 threshold 与其他档位重复");
    }
    tiers.push_back(t);
  }
  std::sort(tiers.begin(), tiers.end(), [](const Tier& a, const Tier& b) { return a.threshold < b.threshold; });
  return tiers;
}

}  // namespace

Shop shopFromParams(const Poco::JSON::Object& params, bool withId) {
  Shop shop;
  if (withId) shop.id = p::requirePositiveInt(params, "id");
  shop.name = p::requireText(params, "name", kMaxNameBytes);
  shop.enabled = p::optionalBool(params, "enabled").value_or(true);
  const auto percent = p::optionalInt(params, "percentOff").value_or(0);
  if (percent < 0 || percent > 100) throw p::invalid("percentOff", "0 到 100 之间的整数(减免的百分比,12 为八八折)");
  shop.rule.percentOff = static_cast<int>(percent);
  shop.rule.tiers = tiersFrom(params);
  shop.rule.dateStart = p::optionalChinaTime(params, "dateStart").value_or(0);
  shop.rule.dateEnd = p::optionalChinaTime(params, "dateEnd", true).value_or(0);
  if (shop.rule.dateEnd != 0 && shop.rule.dateStart > shop.rule.dateEnd) {
    throw p::invalid("dateEnd", "不早于 dateStart 的时间");
  }
  return shop;
}

}  // namespace paynext::plugins::shopbill
