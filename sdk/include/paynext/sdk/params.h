#pragma once
// Reading nextAction and route parameters with errors that name the field.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>

#include "paynext/sdk/china_time.h"
#include "paynext/sdk/errors.h"
#include "paynext/sdk/http_client.h"
#include "paynext/sdk/messages.h"
#include "paynext/sdk/money.h"
#include "paynext/sdk/users.h"

namespace paynext::sdk::params {

inline ParamError missing(const std::string& name) { return ParamError(name, "缺少参数 " + name); }
inline ParamError invalid(const std::string& name, const std::string& expected) {
  return ParamError(name, "参数 " + name + " 格式错误,应为" + expected);
}

inline bool has(const Poco::JSON::Object& p, const std::string& name) {
  return p.has(name) && !p.isNull(name);
}

// An integer given as a JSON number or a string of digits ("1234").
inline std::optional<std::int64_t> optionalInt(const Poco::JSON::Object& p, const std::string& name) {
  if (!has(p, name)) return std::nullopt;
  const Poco::Dynamic::Var v = p.get(name);
  if (v.isBoolean()) throw invalid(name, "整数");
  Poco::Int64 out = 0;
  if (v.isString()) {
    if (!Poco::NumberParser::tryParse64(v.extract<std::string>(), out)) throw invalid(name, "整数");
    return out;
  }
  if (v.isInteger()) return v.convert<Poco::Int64>();
  if (v.isNumeric()) {
    const double d = v.convert<double>();
    if (d == static_cast<double>(static_cast<std::int64_t>(d))) return static_cast<std::int64_t>(d);
  }
  throw invalid(name, "整数");
}

inline std::int64_t requireInt(const Poco::JSON::Object& p, const std::string& name) {
  auto v = optionalInt(p, name);
  if (!v) throw missing(name);
  return *v;
}

inline std::int64_t requirePositiveInt(const Poco::JSON::Object& p, const std::string& name) {
  const auto v = requireInt(p, name);
  if (v <= 0) throw invalid(name, "正整数");
  return v;
}

inline std::optional<std::string> optionalString(const Poco::JSON::Object& p, const std::string& name) {
  if (!has(p, name)) return std::nullopt;
  const Poco::Dynamic::Var v = p.get(name);
  if (v.isString()) return v.extract<std::string>();
  if (v.isInteger() && !v.isBoolean()) return v.convert<std::string>();
  throw invalid(name, "字符串");
}

inline std::string requireString(const Poco::JSON::Object& p, const std::string& name) {
  auto v = optionalString(p, name);
  if (!v || v->empty()) throw missing(name);
  return *v;
}

// Text bounded in bytes (UTF-8), as columns and answers are.
inline ParamError tooLong(const std::string& name, std::size_t maxBytes) {
  return ParamError(name, "参数 " + name + " 不能超过 " + std::to_string(maxBytes) + " 字节");
}
inline std::string requireText(const Poco::JSON::Object& p, const std::string& name, std::size_t maxBytes) {
  std::string v = requireString(p, name);
  if (v.size() > maxBytes) throw tooLong(name, maxBytes);
  return v;
}
// Absent gives "".
inline std::string optionalText(const Poco::JSON::Object& p, const std::string& name, std::size_t maxBytes) {
  std::string v = optionalString(p, name).value_or("");
  if (v.size() > maxBytes) throw tooLong(name, maxBytes);
  return v;
}

// A China time (china_time.h): "yyyy-MM-dd" or "yyyy-MM-dd HH:mm:ss" to
// epoch ms. endOfDay makes a bare date its last millisecond, for an "until"
// value. `expected` words the refusal, for a module whose callers already
// read another wording.
inline constexpr const char* kChinaTimeExpected = "yyyy-MM-dd 或 yyyy-MM-dd HH:mm:ss 格式的时间";
// Absent or "" (an empty form field) gives nullopt.
inline std::optional<std::int64_t> optionalChinaTime(const Poco::JSON::Object& p, const std::string& name,
                                                     bool endOfDay = false,
                                                     const std::string& expected = kChinaTimeExpected) {
  const std::string text = optionalString(p, name).value_or("");
  if (text.empty()) return std::nullopt;
  const auto ms = parseChinaTime(text, endOfDay);
  if (!ms) throw invalid(name, expected);
  return ms;
}
inline std::int64_t requireChinaTime(const Poco::JSON::Object& p, const std::string& name, bool endOfDay = false,
                                     const std::string& expected = kChinaTimeExpected) {
  const auto ms = optionalChinaTime(p, name, endOfDay, expected);
  if (!ms) throw missing(name);
  return *ms;
}

// An http:// or https:// URL with a host (isHttpUrl), bounded in bytes.
inline std::string requireHttpUrl(const Poco::JSON::Object& p, const std::string& name, std::size_t maxBytes) {
  std::string url = requireText(p, name, maxBytes);
  if (!isHttpUrl(url)) throw invalid(name, "http:// 或 https:// 开头的地址");
  return url;
}

// requireHttpUrl, and an address the host's outbound policy lets calls reach
// (HttpClient::refusal): for a URL an admin or a partner saves for later calls.
inline std::string requireOutboundUrl(const Poco::JSON::Object& p, const std::string& name, std::size_t maxBytes,
                                      HttpClient& http) {
  std::string url = requireHttpUrl(p, name, maxBytes);
  if (auto why = http.refusal(url)) throw ParamError(name, "参数 " + name + " 不可用:" + *why);
  return url;
}

// A user an admin list is filtered by: 0 when `name` is absent, else a
// positive integer naming a user of the caller's factory (700 用户 N 不存在).
inline std::int64_t optionalUser(const Poco::JSON::Object& p, const std::string& name, Users& users) {
  if (!has(p, name)) return 0;
  const std::int64_t userId = requirePositiveInt(p, name);
  if (!users.find(userId)) throw Error(codes::kNoData, messages::userNotFound(userId));
  return userId;
}

inline std::optional<bool> optionalBool(const Poco::JSON::Object& p, const std::string& name) {
  if (!has(p, name)) return std::nullopt;
  const Poco::Dynamic::Var v = p.get(name);
  if (v.isBoolean()) return v.extract<bool>();
  if (v.isString()) {
    const auto s = v.extract<std::string>();
    if (s == "true") return true;
    if (s == "false") return false;
  }
  throw invalid(name, "true 或 false");
}

// A yuan amount as a JSON number (12.5) or a decimal string ("12.50"),
// converted exactly to fen; negative or over-precise amounts are refused.
inline std::optional<Fen> optionalMoney(const Poco::JSON::Object& p, const std::string& name) {
  if (!has(p, name)) return std::nullopt;
  const Poco::Dynamic::Var v = p.get(name);
  std::optional<Fen> fen;
  if (v.isBoolean()) fen = std::nullopt;
  else if (v.isString()) fen = parseYuan(v.extract<std::string>());
  else if (v.isInteger()) {
    const auto n = v.convert<Poco::Int64>();
    if (n >= 0 && n <= 1000000000000LL) fen = n * 100;
  } else if (v.isNumeric()) fen = parseYuan(v.convert<double>());
  if (!fen) throw invalid(name, "不超过两位小数的非负金额");
  return fen;
}

inline Fen requireMoney(const Poco::JSON::Object& p, const std::string& name) {
  auto v = optionalMoney(p, name);
  if (!v) throw missing(name);
  return *v;
}

// One id or several as "77,88,99".
inline std::vector<std::int64_t> requireIdList(const Poco::JSON::Object& p, const std::string& name) {
  if (!has(p, name)) throw missing(name);
  const Poco::Dynamic::Var v = p.get(name);
  std::vector<std::int64_t> ids;
  if (v.isString()) {
    Poco::StringTokenizer parts(v.extract<std::string>(), ",",
                                Poco::StringTokenizer::TOK_TRIM);
    for (const auto& part : parts) {
      Poco::Int64 id = 0;
      if (!Poco::NumberParser::tryParse64(part, id) || id <= 0) throw invalid(name, "以英文逗号分隔的编号");
      ids.push_back(id);
    }
  } else {
    ids.push_back(requirePositiveInt(p, name));
  }
  if (ids.empty()) throw missing(name);
  return ids;
}

// Which slice of a list to answer.
struct Window {
  int offset = 0;
  int limit = 0;
};

// A page of a mobile list as the API工厂 clients ask for it: page (from 1)
// and pageSize (1 to 100, default 20).
inline Window pageWindow(const Poco::JSON::Object& p) {
  const std::int64_t page = optionalInt(p, "page").value_or(1);
  if (page < 1 || page > 100000) throw invalid("page", "正整数");
  const std::int64_t pageSize = optionalInt(p, "pageSize").value_or(20);
  if (pageSize < 1 || pageSize > 100) throw invalid("pageSize", "1 到 100 之间的整数");
  return {static_cast<int>((page - 1) * pageSize), static_cast<int>(pageSize)};
}

// A slice of an admin list: offset (from 0) and limit (1 to 500, default 50).
inline Window offsetWindow(const Poco::JSON::Object& p) {
  const std::int64_t limit = optionalInt(p, "limit").value_or(50);
  if (limit < 1 || limit > 500) throw invalid("limit", "1 到 500 之间的整数");
  const std::int64_t offset = optionalInt(p, "offset").value_or(0);
  if (offset < 0 || offset > 1000000) throw invalid("offset", "非负整数");
  return {static_cast<int>(offset), static_cast<int>(limit)};
}

}  // namespace paynext::sdk::params
