#include "sms_request.h"

#include <sstream>

#include <Poco/JSON/Parser.h>
#include <Poco/RegularExpression.h>

#include "paynext/sdk/params.h"

namespace paynext::plugins::sms {

namespace p = sdk::params;

namespace {

const std::string kTemplateField = "postJsonString";

Poco::JSON::Object::Ptr templateObject(const Poco::JSON::Object& params) {
  if (!p::has(params, kTemplateField)) throw p::missing(kTemplateField);
  const Poco::Dynamic::Var v = params.get(kTemplateField);
  if (v.type() == typeid(Poco::JSON::Object::Ptr)) return v.extract<Poco::JSON::Object::Ptr>();
  if (v.isString()) {
    try {
      Poco::JSON::Parser parser;
      parser.setDepth(4);  // values must be flat anyway
      const Poco::Dynamic::Var parsed = parser.parse(v.extract<std::string>());
      if (parsed.type() == typeid(Poco::JSON::Object::Ptr)) return parsed.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
      // reported below with the field's name
    }
  }
  throw p::invalid(kTemplateField, "JSON 对象,如 {\"code\":\"1234\"}");
}

// Template engines substitute text: every value is sent as a string, and
// nested objects or lists (or an unresolved {from:"config"}) are refused.
Poco::JSON::Object::Ptr flatten(const Poco::JSON::Object& in) {
  Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
  for (const auto& [key, value] : in) {
    if (value.isString()) {
      out->set(key, value.extract<std::string>());
    } else if (value.isNumeric() || value.isBoolean()) {
      out->set(key, value.toString());
    } else {
      throw sdk::ParamError(kTemplateField, "参数 " + kTemplateField + " 中 " + key + " 的值应为字符串或数字");
    }
  }
  return out;
}

}  // namespace

SmsRequest SmsRequest::parse(const Poco::JSON::Object& params) {
  SmsRequest r;
  r.settingId = p::requirePositiveInt(params, "smsId");
  r.mobile = p::requireString(params, "mobile");
  static const Poco::RegularExpression kMobile("^1[0-9]{10}$");
  if (!kMobile.match(r.mobile)) throw p::invalid("mobile", "以 1 开头的 11 位手机号码");
  r.templateParams = flatten(*templateObject(params));
  return r;
}

std::string SmsRequest::templateParamsJson() const {
  std::ostringstream out;
  templateParams->stringify(out);
  return out.str();
}

}  // namespace paynext::plugins::sms
