#include "card_holder_store.h"

#include <vector>

#include <Poco/Tuple.h>

namespace paynext::plugins::campus {

using namespace Poco::Data::Keywords;

std::optional<CardHolder> CardHolderStore::find(std::int64_t userId) {
  std::vector<Poco::Tuple<std::string, std::string, std::string, std::string, std::string, std::string, std::string,
                          std::string>>
      rows;
  session_ << "SELECT emp_name, photo, card_no, imei, sim, grade_name, class_name, mobile FROM campus_card_holders "
              "WHERE factory_id = $1 AND user_id = $2",
      use(factoryId_), use(userId), into(rows), now;
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
  return CardHolder{userId,     r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(),
                    r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>()};
}

void CardHolderStore::save(const CardHolder& holder) {
  CardHolder h = holder;  // Poco's use() binds non-const lvalues
  session_ << "DELETE FROM campus_card_holders WHERE factory_id = $1 AND user_id = $2", use(factoryId_), use(h.userId),
      now;
  session_ << "INSERT INTO campus_card_holders (factory_id, user_id, emp_name, photo, card_no, imei, sim, grade_name, "
              "class_name, mobile) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      use(factoryId_), use(h.userId), use(h.empName), use(h.photo), use(h.cardNo), use(h.imei), use(h.sim),
      use(h.gradeName), use(h.className), use(h.mobile), now;
}

}  // namespace paynext::plugins::campus
