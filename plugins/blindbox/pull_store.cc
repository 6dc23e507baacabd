#include "pull_store.h"

#include <vector>

#include <Poco/Data/Statement.h>

namespace paynext::plugins::blindbox {

using namespace Poco::Data::Keywords;

std::int64_t PullStore::left(std::int64_t userId) {
  std::vector<Poco::Int64> rows;
  session_ << "SELECT pulls FROM blindbox_pulls_left WHERE factory_id = $1 AND user_id = $2", use(factoryId_),
      use(userId), into(rows), now;
  return rows.empty() ? 0 : rows.front();
}

bool PullStore::bought(const std::string& reference) {
  Poco::Int64 n = 0;
  std::string ref = reference;
  session_ << "SELECT COUNT(*) FROM blindbox_pull_purchases WHERE factory_id = $1 AND reference = $2",
      use(factoryId_), use(ref), into(n), now;
  return n > 0;
}

void PullStore::buy(std::int64_t userId, std::int64_t pullTimes, sdk::Fen amount, const std::string& reference) {
  Poco::Int64 times = pullTimes, fen = amount, at = clock_.nowMs();
  std::string ref = reference;
  session_ << "INSERT INTO blindbox_pull_purchases (factory_id, user_id, pull_times, amount, reference, created_at) "
              "VALUES ($1, $2, $3, $4, $5, $6)",
      use(factoryId_), use(userId), use(times), use(fen), use(ref), use(at), now;
  Poco::Data::Statement update(session_);
  update << "UPDATE blindbox_pulls_left SET pulls = pulls + $1 WHERE factory_id = $2 AND user_id = $3", use(times),
      use(factoryId_), use(userId);
  if (update.execute() == 0) {
    session_ << "INSERT INTO blindbox_pulls_left (factory_id, user_id, pulls) VALUES ($1, $2, $3)", use(factoryId_),
        use(userId), use(times), now;
  }
}

bool PullStore::spendOne(std::int64_t userId) {
  Poco::Data::Statement update(session_);
  update << "UPDATE blindbox_pulls_left SET pulls = pulls - 1 WHERE factory_id = $1 AND user_id = $2 AND pulls > 0",
      use(factoryId_), use(userId);
  return update.execute() == 1;
}

}  // namespace paynext::plugins::blindbox
