#pragma once
#include <cstdint>
#include <string>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"
#include "paynext/sdk/money.h"

namespace paynext::plugins::blindbox {

// The draws users bought (blindbox_pull_purchases) and have left (blindbox_pulls_left), of one factory.
class PullStore {
 public:
  PullStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
      : session_(session), factoryId_(factoryId), clock_(clock) {}

  std::int64_t left(std::int64_t userId);
  // Whether a step with this reference already bought its draws.
  bool bought(const std::string& reference);
  // Records the purchase and adds its draws to the user's.
  void buy(std::int64_t userId, std::int64_t pullTimes, sdk::Fen amount, const std::string& reference);
  // Spends one draw; false when none is left.
  bool spendOne(std::int64_t userId);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::blindbox
