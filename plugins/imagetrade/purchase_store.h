#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "image.h"
#include "purchase.h"

namespace paynext::plugins::imagetrade {

// imagetrade_purchases of one factory; a buyer's reads are bound to the buyer.
class PurchaseStore {
 public:
  PurchaseStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
      : session_(session), factoryId_(factoryId), clock_(clock) {}

  // An unpaid record at the image's price, stamped with the clock's now.
  Purchase create(std::int64_t buyerId, const Image& image);
  std::optional<Purchase> find(std::int64_t id);  // any buyer's (admins)
  std::optional<Purchase> findForBuyer(std::int64_t buyerId, std::int64_t id);
  std::optional<Purchase> findUnpaid(std::int64_t buyerId, std::int64_t imageId);
  bool hasPaid(std::int64_t buyerId, std::int64_t imageId);
  // Newest first; a buyer or image of 0 means any.
  std::vector<Purchase> list(std::int64_t buyerId, std::int64_t imageId, int offset, int limit);
  // UNPAID -> PAID under the step's reference; false when it was no longer unpaid.
  bool markPaid(std::int64_t id, std::int64_t buyerId, const std::string& reference, sdk::Fen commission);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::imagetrade
