#include "push_request.h"

#include <sstream>

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

namespace paynext::plugins::jdjingli {

namespace p = sdk::params;

namespace {

Poco::JSON::Object::Ptr bodyObject(const std::string& body) {
  try {
    const Poco::Dynamic::Var v = Poco::JSON::Parser().parse(body);
    if (v.type() == typeid(Poco::JSON::Object::Ptr)) return v.extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception&) {
    // answered below
  }
  throw sdk::ParamError("body", "请求体应为 JSON 对象");
}

bool orderNoChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
}

std::string orderNoOf(const Poco::JSON::Object& body) {
  std::string no = p::requireText(body, "orderNo", PushRequest::kMaxOrderNoBytes);
  for (char c : no) {
    if (!orderNoChar(c)) throw p::invalid("orderNo", "字母、数字、- 或 _");
  }
  return no;
}

// Each item {name, quantity, price}: checked, then kept with those fields only.
std::string itemsOf(const Poco::JSON::Object& body) {
  if (!p::has(body, "items")) throw p::missing("items");
  const Poco::JSON::Array::Ptr items = body.getArray("items");
  if (!items || items->size() == 0) throw p::invalid("items", "非空数组");
  if (items->size() > PushRequest::kMaxItems) {
    throw sdk::ParamError("items", "参数 items 最多包含 " + std::to_string(PushRequest::kMaxItems) + " 件商品");
  }
  Poco::JSON::Array out;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
    const std::string field = "items[" + std::to_string(i) + "]";
    if (!item) throw p::invalid(field, "对象");
    Poco::JSON::Object::Ptr kept = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    try {
      kept->set("name", p::requireText(*item, "name", PushRequest::kMaxNameBytes));
      kept->set("quantity", p::requirePositiveInt(*item, "quantity"));
      kept->set("price", sdk::formatYuan(p::requireMoney(*item, "price")));
    } catch (const sdk::ParamError& e) {
      throw sdk::ParamError(field + "." + e.field(), field + ":" + e.what());
    }
    out.add(kept);
  }
  std::ostringstream text;
  out.stringify(text);
  return text.str();
}

}  // namespace

PushRequest PushRequest::parse(const std::string& body, sdk::HttpClient& http) {
  const Poco::JSON::Object::Ptr json = bodyObject(body);
  PushRequest r;
  r.orderNo = orderNoOf(*json);
  r.amount = p::requireMoney(*json, "amount");
  if (r.amount <= 0) throw p::invalid("amount", "大于 0 的金额");
  r.items = itemsOf(*json);
  r.payResultUrl = p::requireOutboundUrl(*json, "payResultUrl", kMaxUrlBytes, http);
  return r;
}

}  // namespace paynext::plugins::jdjingli
