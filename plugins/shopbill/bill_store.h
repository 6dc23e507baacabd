#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "bill.h"

namespace paynext::plugins::shopbill {

// shopbill_bills of one factory.
class BillStore {
 public:
  BillStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // Stamps the bill with the clock's now and its China date; answers it with its id.
  Bill record(Bill bill);
  // The bill a step wrote, so a repeated step records nothing more.
  std::optional<Bill> findByStep(const std::string& stepKey);
  std::optional<Bill> find(std::int64_t id);
  // Newest first; 0 for every shop / every user.
  std::vector<Bill> list(std::int64_t shopId, std::int64_t userId, int offset, int limit);
  // Sums per shop and China day (perDay) or per shop, over the days from..to
  // ("yyyy-MM-dd", inclusive; empty for no bound); shopId 0 for every shop.
  std::vector<Totals> totals(std::int64_t shopId, const std::string& from, const std::string& to, bool perDay,
                             int offset, int limit);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::shopbill
