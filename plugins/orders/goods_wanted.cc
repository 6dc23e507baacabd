#include "goods_wanted.h"

#include <algorithm>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/params.h"

namespace paynext::plugins::orders {

namespace p = sdk::params;

namespace {

const std::string kField = "goodsJsonStr";
// A line's text is small; this bounds the parser's work before the line count is known.
constexpr std::size_t kMaxJsonBytes = 8192;

sdk::ParamError bad(const std::string& what) { return sdk::ParamError(kField, "参数 " + kField + " " + what); }

Poco::JSON::Array::Ptr linesOf(const Poco::JSON::Object& params) {
  if (!p::has(params, kField)) throw p::missing(kField);
  const Poco::Dynamic::Var v = params.get(kField);
  if (v.type() == typeid(Poco::JSON::Array::Ptr)) return v.extract<Poco::JSON::Array::Ptr>();
  if (!v.isString()) throw p::invalid(kField, "商品数组的 JSON 文本,如 [{\"goodsId\":1,\"number\":2}]");
  const std::string text = v.extract<std::string>();
  if (text.size() > kMaxJsonBytes) throw p::tooLong(kField, kMaxJsonBytes);
  Poco::Dynamic::Var parsed;
  try {
    Poco::JSON::Parser parser;
    parser.setDepth(4);
    parsed = parser.parse(text);
  } catch (const Poco::Exception&) {
    throw p::invalid(kField, "商品数组的 JSON 文本,如 [{\"goodsId\":1,\"number\":2}]");
  }
  if (parsed.type() != typeid(Poco::JSON::Array::Ptr)) {
    throw p::invalid(kField, "商品数组的 JSON 文本,如 [{\"goodsId\":1,\"number\":2}]");
  }
  return parsed.extract<Poco::JSON::Array::Ptr>();
}

}  // namespace

std::vector<GoodsWanted> parseGoodsWanted(const Poco::JSON::Object& params) {
  const Poco::JSON::Array::Ptr lines = linesOf(params);
  if (lines->size() == 0) throw bad("不能为空");
  if (lines->size() > kMaxGoodsLines) throw bad("最多 " + std::to_string(kMaxGoodsLines) + " 行");
  std::vector<GoodsWanted> out;
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const std::string where = "第 " + std::to_string(i + 1) + " 行";
    const Poco::JSON::Object::Ptr line = lines->getObject(static_cast<unsigned>(i));
    if (!line) throw bad(where + "应为 {\"goodsId\":..,\"number\":..}");
    GoodsWanted wanted;
    try {
      wanted.goodsId = p::requirePositiveInt(*line, "goodsId");
      wanted.number = p::requireInt(*line, "number");
    } catch (const sdk::ParamError& e) {
      throw bad(where + ":" + e.what());
    }
    if (wanted.number < 1 || wanted.number > kMaxGoodsNumber) {
      throw bad(where + ":number 应为 1 到 " + std::to_string(kMaxGoodsNumber) + " 之间的整数");
    }
    auto same = std::find_if(out.begin(), out.end(), [&](const GoodsWanted& w) { return w.goodsId == wanted.goodsId; });
    if (same == out.end()) {
      out.push_back(wanted);
      continue;
    }
    same->number += wanted.number;
    if (same->number > kMaxGoodsNumber) {
      throw bad("中商品 " + std::to_string(wanted.goodsId) + " 合计超过 " + std::to_string(kMaxGoodsNumber) + " 件");
    }
  }
  return out;
}

}  // namespace paynext::plugins::orders
