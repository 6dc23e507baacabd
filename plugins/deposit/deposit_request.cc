#include "deposit_request.h"

#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include "paynext/sdk/params.h"

namespace paynext::plugins::deposit {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxRefCodeBytes = 64;
constexpr std::size_t kMaxRemarkBytes = 255;
constexpr std::size_t kMaxExtJsonBytes = 4096;
constexpr int kMaxExtJsonDepth = 8;
const std::string kExtField = "extJsonStr";

std::string stringify(const Poco::Dynamic::Var& json) {
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(json, out);
  return out.str();
}

// An object is kept as it is; a string must hold JSON. Stored as compact text.
std::string extJsonText(const Poco::JSON::Object& params) {
  if (!p::has(params, kExtField)) return {};
  const Poco::Dynamic::Var v = params.get(kExtField);
  std::string text;
  if (v.type() == typeid(Poco::JSON::Object::Ptr) || v.type() == typeid(Poco::JSON::Array::Ptr)) {
    text = stringify(v);
  } else if (v.isString()) {
    const std::string raw = v.extract<std::string>();
    if (raw.empty()) return {};
    try {
      Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));  // keep the client's key order
      parser.setDepth(kMaxExtJsonDepth);
      text = stringify(parser.parse(raw));
    } catch (const Poco::Exception&) {
      throw p::invalid(kExtField, "JSON 格式的数据");
    }
  } else {
    throw p::invalid(kExtField, "JSON 格式的数据");
  }
  if (text.size() > kMaxExtJsonBytes) {
    throw p::tooLong(kExtField, kMaxExtJsonBytes);
  }
  return text;
}

}  // namespace

DepositRequest DepositRequest::parse(const Poco::JSON::Object& params) {
  DepositRequest r;
  r.amount = p::requireMoney(params, "amount");
  if (r.amount <= 0) throw p::invalid("amount", "大于 0 的金额");
  r.refCode = p::optionalText(params, "refCode", kMaxRefCodeBytes);
  r.remark = p::optionalText(params, "remark", kMaxRemarkBytes);
  r.extJson = extJsonText(params);
  return r;
}

}  // namespace paynext::plugins::deposit
