#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

#include "package.h"
#include "package_store.h"
#include "record_store.h"

namespace paynext::plugins::campus {

// The packages one payment is for. PayMoney and the type 2001 step share it,
// so both refuse the same things with the same words.
class PackageOrder {
 public:
  static constexpr std::size_t kMaxItems = 10;

  // `field` holds "10000001,10000002": at most kMaxItems, no duplicates.
  static std::vector<std::string> parseItemIds(const Poco::JSON::Object& params, const std::string& field);
  // 0 正常购买, 1 升级, 2 续费.
  static PayType parsePayType(const Poco::JSON::Object& params, const std::string& field);

  // Loads the packages; throws sdk::Error naming the first that does not
  // exist, and when they are not all of one type.
  PackageOrder(PackageStore& store, const std::vector<std::string>& ids);

  // Checks the user may pay them this way now: each enabled and offered for
  // payType; renew needs an earlier record of each package, upgrade a package
  // of the same type still running. Throws sdk::Error.
  void checkPayable(RecordStore& records, std::int64_t userId, PayType payType, std::int64_t now) const;

  const std::vector<Package>& packages() const { return packages_; }
  int packageType() const { return packages_.front().type; }
  sdk::Fen total() const { return total_; }

 private:
  std::vector<Package> packages_;
  sdk::Fen total_ = 0;
};

}  // namespace paynext::plugins::campus
