#pragma once
#include <cstdint>
#include <optional>

#include <Poco/Data/Session.h>

#include "card_holder.h"

namespace paynext::plugins::campus {

// campus_card_holders of one factory, keyed by the paynext user id.
class CardHolderStore {
 public:
  CardHolderStore(Poco::Data::Session& session, std::int64_t factoryId) : session_(session), factoryId_(factoryId) {}

  std::optional<CardHolder> find(std::int64_t userId);
  void save(const CardHolder& holder);  // creates or replaces, inside the caller's transaction

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
};

}  // namespace paynext::plugins::campus
