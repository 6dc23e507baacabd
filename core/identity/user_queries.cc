#include "core/identity/user_queries.h"

#include <Poco/Data/Statement.h>

#include "core/storage/json_rows.h"

namespace paynext::core::identity {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;
using storage::jsonRows;

Poco::JSON::Array::Ptr UserQueries::search(std::int64_t factoryId, const UserFilter& f) {
  Session s = db_.session();
  Poco::Data::Statement statement(s);
  std::string sql =
      "SELECT u.id, u.mobile, u.nick, u.created_at AS \"createdAt\", w.balance, w.frozen, w.points "
      "FROM users u JOIN wallets w ON w.user_id = u.id WHERE u.factory_id = $1 AND w.factory_id = $1";
  statement, use(factoryId);
  int n = 1;
  if (!f.mobile.empty()) {
    sql += " AND u.mobile = $" + std::to_string(++n);
    statement, bind(f.mobile);
  }
  sql += " ORDER BY u.id DESC LIMIT $" + std::to_string(n + 1) + " OFFSET $" + std::to_string(n + 2);
  statement, bind(f.limit), bind(f.offset);
  statement << sql;
  return jsonRows(statement);
}

Poco::JSON::Object::Ptr UserQueries::detail(std::int64_t factoryId, std::int64_t userId, int ledgerLimit,
                                            int ledgerOffset) {
  Session s = db_.session();
  Poco::Data::Statement user(s);
  user << "SELECT u.id, u.mobile, u.nick, u.created_at AS \"createdAt\" FROM users u "
          "WHERE u.factory_id = $1 AND u.id = $2",
      use(factoryId), use(userId);
  auto found = jsonRows(user);
  if (found->size() == 0) return nullptr;
  Poco::JSON::Object::Ptr out = found->getObject(0);

  Poco::Data::Statement wallet(s);
  wallet << "SELECT balance, frozen, points, total_consumed AS \"totalConsumed\" FROM wallets "
            "WHERE factory_id = $1 AND user_id = $2",
      use(factoryId), use(userId);
  auto wallets = jsonRows(wallet);
  out->set("wallet", wallets->size() ? Poco::Dynamic::Var(wallets->getObject(0)) : Poco::Dynamic::Var());

  Poco::Data::Statement ledger(s);
  ledger << "SELECT id, currency, amount, balance_after AS \"balanceAfter\", reason, reference, origin, "
            "created_at AS \"createdAt\" FROM ledger_entries WHERE factory_id = $1 AND user_id = $2 "
            "ORDER BY id DESC LIMIT $3 OFFSET $4",
      use(factoryId), use(userId), use(ledgerLimit), use(ledgerOffset);
  out->set("ledger", jsonRows(ledger));
  return out;
}

}  // namespace paynext::core::identity
