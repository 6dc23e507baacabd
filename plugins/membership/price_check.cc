#include "price_check.h"

#include "paynext/sdk/errors.h"

namespace paynext::plugins::membership {

PriceItem payablePrice(CatalogStore& catalog, std::int64_t priceId, bool autoRenew) {
  const auto item = catalog.findPrice(priceId);
  if (!item) {
    // The seed warns clients mix the two up: say so when the id is a level's.
    if (catalog.findLevel(priceId)) {
      throw sdk::ParamError("userLevelPriceId", "userLevelPriceId 应为会员等级的价格项编号,不是等级编号");
    }
    throw sdk::Error(sdk::codes::kNoData, "会员价格项 " + std::to_string(priceId) + " 不存在");
  }
  if (!item->enabled) throw sdk::ParamError("userLevelPriceId", "会员价格项 " + std::to_string(priceId) + " 已停用");
  if (!catalog.findLevel(item->levelId)) {
    throw sdk::Error(sdk::codes::kNoData, "会员等级 " + std::to_string(item->levelId) + " 不存在");
  }
  if (autoRenew && !item->autoRenew) {
    throw sdk::ParamError("isAutoRenew", "会员价格项 " + std::to_string(priceId) + " 不支持自动续费");
  }
  return *item;
}

}  // namespace paynext::plugins::membership
