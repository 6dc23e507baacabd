#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::episodes {

// The mobile routes, all for logged-in users (amounts in yuan):
//   /episodes/goods     page?, pageSize? -> goods on sale, oldest first, each with `episodes`:
//                       [{number, free, unlocked, locked}] for the caller (700 暂无数据 when none)
//   /episodes/detail    id -> one goods the same way (an off-sale one only for a user who unlocked some of it)
//   /episodes/play      goodsId, number -> {goodsId, name, number, url} when the episode is free or
//                       unlocked by the caller; else refused naming the price
//   /episodes/unlocked  goodsId?, page?, pageSize? -> the caller's unlocked episodes, newest first
std::vector<sdk::Route> userRoutes();

}  // namespace paynext::plugins::episodes
