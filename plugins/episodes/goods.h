#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::episodes {

// A video good (视频剧集商品) an admin keeps: its episodes are numbered from 1;
// the first `freeCount` are free, every other one costs `price` to unlock.
struct Goods {
  std::int64_t id = 0;
  std::string name;
  sdk::Fen price = 0;  // per episode
  int freeCount = 0;
  std::vector<std::string> urls;  // urls[n - 1] plays episode n; their count is the episode count
  bool onSale = true;
  std::int64_t createdAt = 0;  // epoch ms
  std::int64_t updatedAt = 0;

  int count() const { return static_cast<int>(urls.size()); }
  bool has(std::int64_t number) const { return number >= 1 && number <= count(); }
  bool isFree(std::int64_t number) const { return number >= 1 && number <= freeCount; }
  // 「name」第 N 集, as every message about one episode names it.
  std::string episodeName(std::int64_t number) const;
  // The refusals the step and the play route share.
  std::string offSaleMessage() const;
  std::string noEpisodeMessage(std::int64_t number) const;
};

// 700: the goods is not in this factory (another factory's is not either).
std::string goodsNotFound(std::int64_t goodsId);

// As a user sees it: no play addresses, and per episode whether it is free
// or unlocked for them (`unlocked`: the numbers they bought).
Poco::JSON::Object::Ptr toUserJson(const Goods& goods, const std::set<std::int64_t>& unlocked);
// As admins see it: everything, price in yuan.
Poco::JSON::Object::Ptr toAdminJson(const Goods& goods);

}  // namespace paynext::plugins::episodes
