#include "payable.h"

#include <string>

#include "paynext/sdk/errors.h"

namespace paynext::plugins::organizations {

namespace {
std::string people(std::int64_t n) { return std::to_string(n) + " 人"; }
}  // namespace

PriceItem payableItem(PriceStore& prices, std::int64_t priceId) {
  const auto item = prices.find(priceId);
  if (!item) throw sdk::Error(sdk::codes::kNoData, "组织收费项 " + std::to_string(priceId) + " 不存在");
  if (!item->onSale) throw sdk::ParamError("priceId", "组织收费项 " + std::to_string(priceId) + " 已下架");
  return *item;
}

UpgradeTarget upgradeTarget(OrganizationStore& orgs, PriceStore& prices, std::int64_t userId,
                            std::int64_t organizeId, std::int64_t priceId) {
  const auto org = orgs.find(organizeId);
  const std::string which = "组织 " + std::to_string(organizeId);
  if (!org) throw sdk::Error(sdk::codes::kNoData, which + " 不存在");
  if (org->ownerId != userId) {
    throw sdk::ParamError("organizeId", which + " 不是您创建的组织,只有创建者可以升级");
  }
  const PriceItem item = payableItem(prices, priceId);
  if (item.memberCap == org->memberCap) {
    throw sdk::ParamError("priceId", which + " 已是 " + people(org->memberCap) + "规模,请选择更大的规模");
  }
  if (item.memberCap < org->memberCap) {
    throw sdk::ParamError("priceId", "组织收费项 " + std::to_string(priceId) + " 的规模(" + people(item.memberCap) +
                                         ")小于" + which + " 当前的 " + people(org->memberCap) + ",不能降级");
  }
  return {*org, item};
}

}  // namespace paynext::plugins::organizations
