#include "goods.h"

#include <Poco/JSON/Array.h>

namespace paynext::plugins::episodes {

namespace {

Poco::JSON::Object::Ptr common(const Goods& goods) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", goods.id);
  json->set("name", goods.name);
  json->set("price", sdk::yuanNumber(goods.price));
  json->set("count", goods.count());
  json->set("freeCount", goods.freeCount);
  json->set("onSale", goods.onSale);
  return json;
}

}  // namespace

std::string Goods::episodeName(std::int64_t number) const {
  return "「" + name + "」第 " + std::to_string(number) + " 集";
}

std::string Goods::offSaleMessage() const { return "视频剧集商品「" + name + "」已下架"; }

std::string Goods::noEpisodeMessage(std::int64_t number) const {
  return "视频剧集商品「" + name + "」共 " + std::to_string(count()) + " 集,没有第 " + std::to_string(number) + " 集";
}

std::string goodsNotFound(std::int64_t goodsId) { return "视频剧集商品 " + std::to_string(goodsId) + " 不存在"; }

Poco::JSON::Object::Ptr toUserJson(const Goods& goods, const std::set<std::int64_t>& unlocked) {
  auto json = common(goods);
  Poco::JSON::Array::Ptr episodes = new Poco::JSON::Array;
  for (int number = 1; number <= goods.count(); ++number) {
    Poco::JSON::Object::Ptr episode = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    const bool free = goods.isFree(number), mine = unlocked.count(number) > 0;
    episode->set("number", number);
    episode->set("free", free);
    episode->set("unlocked", mine);
    episode->set("locked", !free && !mine);
    episodes->add(episode);
  }
  json->set("episodes", episodes);
  return json;
}

Poco::JSON::Object::Ptr toAdminJson(const Goods& goods) {
  auto json = common(goods);
  Poco::JSON::Array::Ptr urls = new Poco::JSON::Array;
  for (const auto& url : goods.urls) urls->add(url);
  json->set("urls", urls);
  json->set("createdAt", goods.createdAt);
  json->set("updatedAt", goods.updatedAt);
  return json;
}

}  // namespace paynext::plugins::episodes
