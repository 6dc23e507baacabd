#include "package.h"

#include <Poco/JSON/Array.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

#include "fields.h"

namespace paynext::plugins::campus {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxNameBytes = 100;
constexpr std::size_t kMaxPriceTextBytes = 50;
constexpr std::size_t kMaxTextBytes = 1000;
constexpr std::size_t kMaxUrlBytes = 1000;
constexpr std::size_t kMaxDetails = 20;
constexpr std::int64_t kMaxDurationDays = 3660;

Poco::JSON::Array::Ptr arrayField(const Poco::JSON::Object& json, const std::string& name) {
  if (!p::has(json, name)) return nullptr;
  if (json.get(name).type() != typeid(Poco::JSON::Array::Ptr)) throw p::invalid(name, "数组");
  return json.getArray(name);
}

void readPayTypes(const Poco::JSON::Object& json, Package& out) {
  auto list = arrayField(json, "payTypes");
  if (!list) {
    out.forBuy = true;
    out.forUpgrade = false;
    return;
  }
  out.forBuy = out.forUpgrade = false;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto v = list->get(i);
    if (!v.isInteger() || v.isBoolean()) throw p::invalid("payTypes", "由 0(正常购买)和 1(升级)组成的数组");
    const auto t = v.convert<Poco::Int64>();
    if (t == static_cast<int>(PayType::Buy)) out.forBuy = true;
    else if (t == static_cast<int>(PayType::Upgrade)) out.forUpgrade = true;
    else throw p::invalid("payTypes", "由 0(正常购买)和 1(升级)组成的数组");
  }
  if (!out.forBuy && !out.forUpgrade) throw p::invalid("payTypes", "由 0(正常购买)和 1(升级)组成的数组");
}

void readDetails(const Poco::JSON::Object& json, Package& out) {
  auto list = arrayField(json, "details");
  if (!list) return;
  if (list->size() > kMaxDetails) {
    throw sdk::ParamError("details", "参数 details 最多包含 " + std::to_string(kMaxDetails) + " 项");
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string name = "details[" + std::to_string(i) + "]";
    auto item = list->getObject(static_cast<unsigned>(i));
    if (!item) throw p::invalid(name, "对象");
    try {
      out.details.push_back({p::optionalText(*item, "icon", kMaxUrlBytes),
                             p::requireText(*item, "title", kMaxNameBytes),
                             p::optionalText(*item, "content", kMaxTextBytes)});
    } catch (const sdk::ParamError& e) {
      // Name the detail: "参数 details[1].title ...".
      std::string msg = e.what();
      const auto at = msg.find(e.field());
      if (at != std::string::npos) msg.replace(at, e.field().size(), name + "." + e.field());
      throw sdk::ParamError(name + "." + e.field(), msg);
    }
  }
}

}  // namespace

bool Package::offeredFor(PayType payType) const {
  switch (payType) {
    case PayType::Buy:
      return forBuy;
    case PayType::Upgrade:
      return forUpgrade;
    case PayType::Renew:
      return true;
  }
  return false;
}

Poco::JSON::Object::Ptr toJson(const Package& pkg) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", pkg.id);
  json->set("type", pkg.type);
  json->set("itemName", pkg.itemName);
  json->set("itemPrice", pkg.itemPrice);
  json->set("price", pkg.price);
  json->set("durationDays", pkg.durationDays);
  json->set("description", pkg.description);
  Poco::JSON::Array::Ptr payTypes = new Poco::JSON::Array;
  if (pkg.forBuy) payTypes->add(static_cast<int>(PayType::Buy));
  if (pkg.forUpgrade) payTypes->add(static_cast<int>(PayType::Upgrade));
  json->set("payTypes", payTypes);
  json->set("enabled", pkg.enabled);
  json->set("details", detailsJson(pkg.details));
  return json;
}

Poco::JSON::Array::Ptr detailsJson(const std::vector<PackageDetail>& details) {
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& d : details) {
    Poco::JSON::Object::Ptr detail = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    detail->set("icon", d.icon);
    detail->set("title", d.title);
    detail->set("content", d.content);
    out->add(detail);
  }
  return out;
}

Package packageFromJson(const Poco::JSON::Object& json) {
  Package pkg;
  pkg.id = p::requireString(json, "id");
  if (!fields::isId(pkg.id, kMaxPackageIdBytes)) throw p::invalid("id", "不超过 32 个字母、数字、_ 或 - 的编号");
  pkg.type = fields::requireChoice(json, "type", {kCardPackage, kSmsPackage}, "0(一卡通付费套餐)或 1(短信套餐)");
  pkg.itemName = p::requireText(json, "itemName", kMaxNameBytes);
  pkg.itemPrice = p::requireText(json, "itemPrice", kMaxPriceTextBytes);
  pkg.price = fields::requireFen(json, "price");
  const auto days = p::optionalInt(json, "durationDays").value_or(365);
  if (days < 1 || days > kMaxDurationDays) throw p::invalid("durationDays", "1 到 3660 之间的天数");
  pkg.durationDays = static_cast<int>(days);
  pkg.description = p::optionalText(json, "description", kMaxTextBytes);
  readPayTypes(json, pkg);
  pkg.enabled = p::optionalBool(json, "enabled").value_or(true);
  readDetails(json, pkg);
  return pkg;
}

}  // namespace paynext::plugins::campus
