#include "package_order.h"

#include "paynext/sdk/errors.h"

#include "fields.h"

namespace paynext::plugins::campus {

std::vector<std::string> PackageOrder::parseItemIds(const Poco::JSON::Object& params, const std::string& field) {
  return fields::requireIdList(params, field, kMaxItems, kMaxPackageIdBytes);
}

PayType PackageOrder::parsePayType(const Poco::JSON::Object& params, const std::string& field) {
  return static_cast<PayType>(fields::requireChoice(params, field, {0, 1, 2}, "0(正常购买)、1(升级)或 2(续费)"));
}

PackageOrder::PackageOrder(PackageStore& store, const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    auto pkg = store.find(id);
    if (!pkg) throw sdk::Error(sdk::codes::kNoData, "套餐 " + id + " 不存在");
    if (!packages_.empty() && pkg->type != packages_.front().type) {
      throw sdk::Error(sdk::codes::kBadRequest, "套餐 " + id + " 与 " + packages_.front().id + " 不是同一类型");
    }
    total_ += pkg->price;
    packages_.push_back(std::move(*pkg));
  }
  if (packages_.empty()) throw sdk::Error(sdk::codes::kBadRequest, "未选择套餐");
}

void PackageOrder::checkPayable(RecordStore& records, std::int64_t userId, PayType payType, std::int64_t now) const {
  for (const auto& pkg : packages_) {
    if (!pkg.enabled) throw sdk::Error(sdk::codes::kBadRequest, "套餐 " + pkg.id + " 已停用");
    if (!pkg.offeredFor(payType)) {
      throw sdk::Error(sdk::codes::kBadRequest,
                       "套餐 " + pkg.id + (payType == PayType::Buy ? " 不提供正常购买" : " 不提供升级"));
    }
    if (payType == PayType::Renew && !records.latestEnd(userId, pkg.id)) {
      throw sdk::Error(sdk::codes::kBadRequest, "未开通过套餐 " + pkg.id + ",不能续费");
    }
  }
  if (payType == PayType::Upgrade && !records.hasActive(userId, packageType(), now)) {
    throw sdk::Error(sdk::codes::kBadRequest, "没有可升级的有效套餐");
  }
}

}  // namespace paynext::plugins::campus
