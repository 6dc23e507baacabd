#include "core/payments/wxpay_v3/v3_json.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include "core/payments/wxpay_v3/v3_error.h"

namespace paynext::core::payments::wxpay_v3 {

Poco::JSON::Object::Ptr parseJsonObject(const std::string& text, const std::string& what) {
  Poco::JSON::Object::Ptr object;
  try {
    const Poco::Dynamic::Var value = Poco::JSON::Parser().parse(text);
    if (value.type() == typeid(Poco::JSON::Object::Ptr)) object = value.extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception&) {
  }
  if (!object) throw WxpayV3Error(what + " is not a JSON object");
  return object;
}

std::string requiredString(const Poco::JSON::Object& object, const std::string& name, const std::string& what) {
  const Poco::Dynamic::Var value = object.get(name);
  if (value.isEmpty() || !value.isString()) throw WxpayV3Error(what + " has no string '" + name + "'");
  return value.extract<std::string>();
}

std::string optionalString(const Poco::JSON::Object& object, const std::string& name, const std::string& what) {
  const Poco::Dynamic::Var value = object.get(name);
  if (value.isEmpty()) return {};
  if (!value.isString()) throw WxpayV3Error(what + " field '" + name + "' is not a string");
  return value.extract<std::string>();
}

Poco::JSON::Object::Ptr optionalObject(const Poco::JSON::Object& object, const std::string& name,
                                       const std::string& what) {
  const Poco::Dynamic::Var value = object.get(name);
  if (value.isEmpty()) return nullptr;
  if (value.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw WxpayV3Error(what + " field '" + name + "' is not an object");
  }
  return value.extract<Poco::JSON::Object::Ptr>();
}

std::optional<std::int64_t> optionalInteger(const Poco::JSON::Object& object, const std::string& name,
                                            const std::string& what) {
  const Poco::Dynamic::Var value = object.get(name);
  if (value.isEmpty()) return std::nullopt;
  if (!value.isInteger()) throw WxpayV3Error(what + " field '" + name + "' is not an integer");
  try {
    return value.convert<Poco::Int64>();
  } catch (const Poco::Exception&) {  // an unsigned beyond Int64
    throw WxpayV3Error(what + " field '" + name + "' is out of range");
  }
}

}  // namespace paynext::core::payments::wxpay_v3
