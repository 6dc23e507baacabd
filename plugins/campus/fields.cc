#include "fields.h"

#include <algorithm>
#include <set>

#include <Poco/StringTokenizer.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

namespace paynext::plugins::campus::fields {

namespace p = sdk::params;

namespace {

bool allDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

int requireChoice(const Poco::JSON::Object& p, const std::string& name, std::initializer_list<int> allowed,
                  const std::string& expected) {
  std::int64_t value = 0;
  try {
    value = p::requireInt(p, name);
  } catch (const sdk::ParamError&) {
    if (!p::has(p, name)) throw;
    throw p::invalid(name, expected);
  }
  for (int a : allowed) {
    if (value == a) return a;
  }
  throw p::invalid(name, expected);
}

sdk::Fen requireFen(const Poco::JSON::Object& p, const std::string& name) {
  if (!p::has(p, name)) throw p::missing(name);
  const Poco::Dynamic::Var v = p.get(name);
  const auto invalid = p::invalid(name, "以分为单位的正整数(1 元填 100)");
  std::string text;
  if (v.isString()) text = v.extract<std::string>();
  else if (v.isInteger() && !v.isBoolean()) text = v.convert<std::string>();
  else throw invalid;
  // 15 digits of yuan and 2 of fen, as everywhere in paynext.
  if (!allDigits(text) || text.size() > 17) throw invalid;
  const sdk::Fen fen = std::stoll(text);
  if (fen <= 0 || fen > sdk::kMaxFen) throw invalid;
  return fen;
}

bool isId(const std::string& id, std::size_t maxBytes) {
  return !id.empty() && id.size() <= maxBytes && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
  });
}

std::vector<std::string> requireIdList(const Poco::JSON::Object& p, const std::string& name, std::size_t maxCount,
                                       std::size_t maxIdBytes) {
  const std::string text = p::requireString(p, name);
  Poco::StringTokenizer parts(text, ",", Poco::StringTokenizer::TOK_TRIM);
  std::vector<std::string> ids;
  std::set<std::string> seen;
  for (const auto& part : parts) {
    if (!isId(part, maxIdBytes)) throw p::invalid(name, "以英文逗号分隔的编号");
    if (!seen.insert(part).second) throw sdk::ParamError(name, "参数 " + name + " 中 " + part + " 重复");
    ids.push_back(part);
  }
  if (ids.empty()) throw p::missing(name);
  if (ids.size() > maxCount) {
    throw sdk::ParamError(name, "参数 " + name + " 最多包含 " + std::to_string(maxCount) + " 项");
  }
  return ids;
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

}  // namespace paynext::plugins::campus::fields
