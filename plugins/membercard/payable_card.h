#pragma once
#include <cstdint>

#include "card_store.h"

namespace paynext::plugins::membercard {

// The card {type:10, id} names, if it is this factory's and on sale; validate
// and execute share it so both refuse with the same words.
// Throws sdk::Error (700 unknown, 300 off sale).
Card payableCard(CardStore& cards, std::int64_t cardId);

}  // namespace paynext::plugins::membercard
