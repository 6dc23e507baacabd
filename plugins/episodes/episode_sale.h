#pragma once
#include <cstdint>

#include "paynext/sdk/action_context.h"
#include "paynext/sdk/money.h"

#include "goods.h"

namespace paynext::plugins::episodes {

// One episode the caller may unlock now, at the price its goods asks: validate
// and execute share it, so both refuse the same things with the same words.
struct EpisodeSale {
  Goods goods;
  std::int64_t number = 0;

  sdk::Fen price() const { return goods.price; }

  // Throws sdk::Error saying why not: the goods is missing here (another
  // factory's is missing too) or off sale, the episode is past the last one,
  // free, or already unlocked by the caller.
  static EpisodeSale check(sdk::Scope& scope, std::int64_t goodsId, std::int64_t number);
};

}  // namespace paynext::plugins::episodes
