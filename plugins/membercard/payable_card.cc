#include "payable_card.h"

#include "paynext/sdk/errors.h"

namespace paynext::plugins::membercard {

Card payableCard(CardStore& cards, std::int64_t cardId) {
  // Another factory's card is not found: the store filters on the caller's factory.
  const auto card = cards.find(cardId);
  if (!card) throw sdk::Error(sdk::codes::kNoData, "会员卡 " + std::to_string(cardId) + " 不存在");
  if (!card->onSale) throw sdk::Error(sdk::codes::kBadRequest, "会员卡「" + card->name + "」已停售");
  return *card;
}

}  // namespace paynext::plugins::membercard
