#include "core/identity/admin_accounts.h"

#include <Poco/RegularExpression.h>

#include "core/common/clock.h"
#include "core/crypto/digest.h"
#include "core/identity/password_hasher.h"
#include "paynext/sdk/errors.h"

namespace paynext::core::identity {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

AdminAccounts::AdminAccounts(storage::Database& db, unsigned passwordIterations, std::int64_t tokenTtlMs,
                             AttemptLimiter* limiter, HashingPool* hashing)
    : db_(db), passwordIterations_(passwordIterations), tokenTtlMs_(tokenTtlMs), limiter_(limiter), hashing_(hashing) {}

void AdminAccounts::hash(const std::function<void()>& fn) {
  if (hashing_) {
    hashing_->run(fn);
  } else {
    fn();
  }
}

AdminPrincipal AdminAccounts::create(const std::string& username, const std::string& password, bool platform,
                                     std::int64_t factoryId) {
  static const Poco::RegularExpression pattern("^[A-Za-z0-9_.-]{3,64}$");
  if (!pattern.match(username)) {
    throw sdk::Error(sdk::codes::kBadRequest, "用户名应为 3 到 64 个字母、数字、_、. 或 -");
  }
  if (password.size() < 8 || password.size() > 128) {
    throw sdk::Error(sdk::codes::kBadRequest, "管理员密码长度应为 8 到 128 个字符");
  }
  PasswordHasher::Hashed hashed;
  hash([&] { hashed = PasswordHasher(passwordIterations_).hash(password); });
  return db_.transaction([&](Session& s) {
    std::int64_t existing = 0;
    std::string u = username, h = hashed.hash, salt = hashed.salt, role = platform ? "platform" : "factory";
    s << "SELECT COUNT(*) FROM admin_accounts WHERE username = $1", use(u), into(existing), now;
    if (existing) throw sdk::Error(409, "管理员 " + username + " 已存在");
    std::int64_t at = nowMs(), f = platform ? 0 : factoryId;
    AdminPrincipal p{0, username, platform, f};
    s << "INSERT INTO admin_accounts (username, password_hash, password_salt, role, factory_id, created_at) "
         "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        use(u), use(h), use(salt), use(role), use(f), use(at), into(p.id), now;
    return p;
  });
}

std::vector<AdminPrincipal> AdminAccounts::list(std::int64_t factoryId) {
  Session s = db_.session();
  std::vector<std::int64_t> ids, factories;
  std::vector<std::string> names, roles;
  // Bound either way: 0 selects every account.
  s << "SELECT id, username, role, factory_id FROM admin_accounts WHERE $1 = 0 OR factory_id = $1 ORDER BY id",
      use(factoryId), into(ids), into(names), into(roles), into(factories), now;
  std::vector<AdminPrincipal> out;
  for (std::size_t i = 0; i < ids.size(); ++i) out.push_back({ids[i], names[i], roles[i] == "platform", factories[i]});
  return out;
}

std::optional<AdminToken> AdminAccounts::login(const std::string& username, const std::string& password,
                                               const std::string& clientAddress) {
  // Unknown names are limited like known ones, so a lockout tells nothing.
  const LimitKey account = adminLimitKey(username);
  if (limiter_) limiter_->checkLogin(account, clientAddress);
  std::vector<std::int64_t> ids;
  std::vector<std::string> hashes, salts;
  {
    Session s = db_.session();
    std::string u = username;
    s << "SELECT id, password_hash, password_salt FROM admin_accounts WHERE username = $1", use(u), into(ids),
        into(hashes), into(salts), now;
  }
  const PasswordHasher hasher(passwordIterations_);
  // Hash even for an unknown user, so timing does not tell which it was.
  bool ok = false;
  hash([&] {
    ok = ids.empty() ? (hasher.verify(password, "", "unknown"), false) : hasher.verify(password, hashes[0], salts[0]);
  });
  if (!ok) {
    if (limiter_) limiter_->loginFailed(account, clientAddress);
    return std::nullopt;
  }
  if (limiter_) limiter_->loginSucceeded(account);
  AdminToken t{crypto::randomHex(32), nowMs() + tokenTtlMs_};
  db_.transaction([&](Session& s) {
    std::string tokenHash = crypto::sha256Hex(t.token);
    std::int64_t at = nowMs();
    s << "INSERT INTO admin_tokens (token_hash, admin_id, expires_at, created_at) VALUES ($1, $2, $3, $4)",
        use(tokenHash), use(ids[0]), use(t.expiresAt), use(at), now;
  });
  return t;
}

std::optional<AdminPrincipal> AdminAccounts::authenticate(const std::string& token) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  Session s = db_.session();
  std::string tokenHash = crypto::sha256Hex(token);
  std::int64_t at = nowMs();
  std::vector<std::int64_t> ids, factories;
  std::vector<std::string> names, roles;
  s << "SELECT a.id, a.username, a.role, a.factory_id FROM admin_tokens t JOIN admin_accounts a ON a.id = t.admin_id "
       "WHERE t.token_hash = $1 AND t.expires_at > $2",
      use(tokenHash), use(at), into(ids), into(names), into(roles), into(factories), now;
  if (ids.empty()) return std::nullopt;
  return AdminPrincipal{ids[0], names[0], roles[0] == "platform", factories[0]};
}

}  // namespace paynext::core::identity
