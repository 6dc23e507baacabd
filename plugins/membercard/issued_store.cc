#include "issued_store.h"

#include <Poco/Tuple.h>

#include "paynext/sdk/errors.h"

#include "card_number.h"

namespace paynext::plugins::membercard {

using namespace Poco::Data::Keywords;

namespace {

using IssuedRow = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, std::string, Poco::Int64, Poco::Int64, Poco::Int64,
                              std::string, std::string>;
using PurchaseRow = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64,
                                Poco::Int64, std::string, Poco::Int64>;

// The card kind's name and benefits come with every issued card; both tables are this module's.
const std::string kIssuedColumns =
    "SELECT i.id, i.user_id, i.card_id, i.number, i.issued_at, i.valid_until, i.updated_at, c.name, c.benefits "
    "FROM membercard_issued i JOIN membercard_cards c ON c.id = i.card_id AND c.factory_id = i.factory_id ";

// Twelve digits give 9 * 10^11 numbers: a clash is rare, ten in a row means something is wrong.
constexpr int kNumberAttempts = 10;

std::vector<IssuedCard> issuedOf(const std::vector<IssuedRow>& rows) {
  std::vector<IssuedCard> out;
  for (const auto& r : rows) {
    out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(),
                   r.get<8>()});
  }
  return out;
}

}  // namespace

IssuedStore::IssuedStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

std::optional<IssuedCard> IssuedStore::find(std::int64_t id) {
  std::vector<IssuedRow> rows;
  session_ << kIssuedColumns + "WHERE i.factory_id = $1 AND i.id = $2", use(factoryId_), use(id), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return issuedOf(rows).front();
}

std::optional<IssuedCard> IssuedStore::findForUser(std::int64_t userId, std::int64_t cardId) {
  std::vector<IssuedRow> rows;
  session_ << kIssuedColumns + "WHERE i.factory_id = $1 AND i.user_id = $2 AND i.card_id = $3", use(factoryId_),
      use(userId), use(cardId), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return issuedOf(rows).front();
}

std::vector<IssuedCard> IssuedStore::list(std::int64_t userId, std::int64_t cardId, int offset, int limit) {
  std::vector<IssuedRow> rows;
  // A filter of 0 matches every row; each value is bound twice so no placeholder repeats.
  session_ << kIssuedColumns +
                  "WHERE i.factory_id = $1 AND ($2 = 0 OR i.user_id = $3) AND ($4 = 0 OR i.card_id = $5) "
                  "ORDER BY i.id DESC LIMIT $6 OFFSET $7",
      use(factoryId_), use(userId), use(userId), use(cardId), use(cardId), use(limit), use(offset), into(rows), now;
  return issuedOf(rows);
}

bool IssuedStore::numberTaken(const std::string& number) {
  int n = 0;
  std::string value = number;
  session_ << "SELECT COUNT(*) FROM membercard_issued WHERE factory_id = $1 AND number = $2", use(factoryId_),
      use(value), into(n), now;
  return n > 0;
}

IssuedCard IssuedStore::issue(std::int64_t userId, std::int64_t cardId, std::int64_t validUntil) {
  IssuedCard card;
  card.userId = userId;
  card.cardId = cardId;
  card.validUntil = validUntil;
  card.issuedAt = card.updatedAt = clock_.nowMs();
  for (int i = 0; i < kNumberAttempts && card.number.empty(); ++i) {
    std::string number = randomCardNumber();
    if (!numberTaken(number)) card.number = number;
  }
  if (card.number.empty()) throw sdk::Error(500, "会员卡号分配失败,请稍后重试");
  session_ << "INSERT INTO membercard_issued (factory_id, user_id, card_id, number, issued_at, valid_until, "
              "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      use(factoryId_), use(card.userId), use(card.cardId), use(card.number), use(card.issuedAt), use(card.validUntil),
      use(card.updatedAt), into(card.id), now;
  return card;
}

void IssuedStore::extend(std::int64_t id, std::int64_t validUntil) {
  std::int64_t updatedAt = clock_.nowMs();
  session_ << "UPDATE membercard_issued SET valid_until = $1, updated_at = $2 WHERE id = $3 AND factory_id = $4",
      use(validUntil), use(updatedAt), use(id), use(factoryId_), now;
}

Purchase IssuedStore::addPurchase(Purchase p) {
  p.createdAt = clock_.nowMs();
  session_ << "INSERT INTO membercard_purchases (factory_id, user_id, card_id, issued_id, amount, days, valid_until, "
              "reference, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      use(factoryId_), use(p.userId), use(p.cardId), use(p.issuedId), use(p.amount), use(p.days), use(p.validUntil),
      use(p.reference), use(p.createdAt), into(p.id), now;
  return p;
}

std::optional<Purchase> IssuedStore::findPurchase(const std::string& reference) {
  std::vector<PurchaseRow> rows;
  std::string ref = reference;
  session_ << "SELECT id, user_id, card_id, issued_id, amount, days, valid_until, reference, created_at "
              "FROM membercard_purchases WHERE factory_id = $1 AND reference = $2",
      use(factoryId_), use(ref), into(rows), now;
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
  return Purchase{r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>(), r.get<7>(),
                  r.get<8>()};
}

}  // namespace paynext::plugins::membercard
