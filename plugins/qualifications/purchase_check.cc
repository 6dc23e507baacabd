#include "purchase_check.h"

#include "paynext/sdk/errors.h"

namespace paynext::plugins::qualifications {

std::string alreadyPermanent(const Kind& kind) { return "您已永久拥有「" + kind.name + "」资格,无需重复购买"; }

Offer payableOffer(OfferStore& offers, HolderStore& holders, const Kind& kind, std::int64_t userId) {
  const auto offer = offers.find(kind.type);
  if (!offer) throw sdk::Error(sdk::codes::kBadRequest, "「" + kind.name + "」资格尚未定价,暂不能购买");
  if (!offer->onSale) throw sdk::Error(sdk::codes::kBadRequest, "「" + kind.name + "」资格已停售,暂不能购买");
  const auto holding = holders.find(userId, kind.type);
  if (holding && holding->permanent) throw sdk::Error(sdk::codes::kBadRequest, alreadyPermanent(kind));
  return *offer;
}

}  // namespace paynext::plugins::qualifications
