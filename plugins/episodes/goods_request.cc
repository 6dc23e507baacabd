#include "goods_request.h"

#include <string>

#include <Poco/JSON/Array.h>
#include <Poco/StringTokenizer.h>

#include "paynext/sdk/params.h"

namespace paynext::plugins::episodes {

namespace p = sdk::params;

namespace {

// Enough for any series; it also bounds the per-episode list users are sent.
constexpr std::size_t kMaxEpisodes = 1000;

std::vector<std::string> rawUrls(const Poco::JSON::Object& params) {
  if (!p::has(params, "urls")) throw p::missing("urls");
  const Poco::Dynamic::Var v = params.get("urls");
  std::vector<std::string> out;
  if (v.isString()) {
    // A console's text area: one address per line.
    Poco::StringTokenizer lines(v.extract<std::string>(), "\n",
                                Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    out.assign(lines.begin(), lines.end());
  } else if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
    for (const auto& item : *v.extract<Poco::JSON::Array::Ptr>()) {
      if (!item.isString()) throw p::invalid("urls", "播放地址的数组");
      out.push_back(item.extract<std::string>());
    }
  } else {
    throw p::invalid("urls", "播放地址的数组");
  }
  return out;
}

// The players open these: only web addresses, never a script or a local file.
std::vector<std::string> playUrls(const Poco::JSON::Object& params) {
  auto urls = rawUrls(params);
  if (urls.empty()) throw p::missing("urls");
  if (urls.size() > kMaxEpisodes) {
    throw sdk::ParamError("urls", "参数 urls 最多包含 " + std::to_string(kMaxEpisodes) + " 集");
  }
  for (std::size_t i = 0; i < urls.size(); ++i) {
    if (urls[i].rfind("http://", 0) != 0 && urls[i].rfind("https://", 0) != 0) {
      throw sdk::ParamError("urls", "参数 urls 第 " + std::to_string(i + 1) + " 集的地址应以 http:// 或 https:// 开头");
    }
  }
  return urls;
}

}  // namespace

Goods goodsFromParams(const Poco::JSON::Object& params, bool withId) {
  Goods goods;
  if (withId) goods.id = p::requirePositiveInt(params, "id");
  goods.name = p::requireString(params, "name");
  goods.price = p::requireMoney(params, "price");
  if (goods.price <= 0) throw p::invalid("price", "大于 0 的金额");
  goods.urls = playUrls(params);
  const std::int64_t freeCount = p::optionalInt(params, "freeCount").value_or(0);
  if (freeCount < 0 || freeCount > goods.count()) {
    throw p::invalid("freeCount", "0 到 " + std::to_string(goods.count()) + " 之间的整数");
  }
  goods.freeCount = static_cast<int>(freeCount);
  goods.onSale = p::optionalBool(params, "onSale").value_or(true);
  return goods;
}

}  // namespace paynext::plugins::episodes
