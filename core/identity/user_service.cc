#include "core/identity/user_service.h"

#include <Poco/RegularExpression.h>

#include "core/common/clock.h"
#include "core/crypto/digest.h"
#include "core/identity/password_hasher.h"
#include "paynext/sdk/errors.h"

namespace paynext::core::identity {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

namespace {

constexpr int kWrongPassword = 10001;

void checkMobile(const std::string& mobile) {
  static const Poco::RegularExpression pattern("^1[0-9]{10}$");
  if (!pattern.match(mobile)) throw sdk::Error(sdk::codes::kBadRequest, "手机号码格式错误");
}

}  // namespace

UserService::UserService(storage::Database& db, UserServiceOptions options, AttemptLimiter* limiter,
                         HashingPool* hashing)
    : db_(db), options_(options), limiter_(limiter), hashing_(hashing), tokens_(options.tokenCacheTtl) {}

void UserService::hash(const std::function<void()>& fn) {
  if (hashing_) {
    hashing_->run(fn);
  } else {
    fn();
  }
}

User UserService::registerByMobile(std::int64_t factoryId, const std::string& mobile, const std::string& password,
                                   const std::string& nick, const std::string& clientAddress) {
  checkMobile(mobile);
  if (password.size() < 6 || password.size() > 64) {
    throw sdk::Error(sdk::codes::kBadRequest, "密码长度应为 6 到 64 个字符");
  }
  if (nick.size() > 64) throw sdk::Error(sdk::codes::kBadRequest, "昵称不能超过 64 字节");
  if (limiter_) limiter_->checkRegistration(clientAddress);
  PasswordHasher::Hashed hashed;
  hash([&] { hashed = PasswordHasher(options_.passwordIterations).hash(password); });
  return db_.transaction([&](Session& s) {
    std::int64_t existing = 0;
    std::string m = mobile, n = nick, h = hashed.hash, sa = hashed.salt;
    s << "SELECT COUNT(*) FROM users WHERE factory_id = $1 AND mobile = $2", use(factoryId), use(m), into(existing),
        now;
    if (existing) throw sdk::Error(sdk::codes::kBadRequest, "该手机号码已注册");
    std::int64_t at = nowMs();
    User u{0, factoryId, mobile, nick};
    s << "INSERT INTO users (factory_id, mobile, password_hash, password_salt, nick, created_at) "
         "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        use(factoryId), use(m), use(h), use(sa), use(n), use(at), into(u.id), now;
    s << "INSERT INTO wallets (user_id, factory_id) VALUES ($1, $2)", use(u.id), use(factoryId), now;
    if (limiter_) limiter_->countRegistration(s, clientAddress);
    return u;
  });
}

LoginToken UserService::login(std::int64_t factoryId, const std::string& mobile, const std::string& password,
                              const std::string& clientAddress) {
  checkMobile(mobile);
  const LimitKey account = userLimitKey(factoryId, mobile);
  if (limiter_) limiter_->checkLogin(account, clientAddress);
  std::vector<std::int64_t> ids;
  std::vector<std::string> hashes, salts;
  {
    Session s = db_.session();
    std::string m = mobile;
    s << "SELECT id, password_hash, password_salt FROM users WHERE factory_id = $1 AND mobile = $2", use(factoryId),
        use(m), into(ids), into(hashes), into(salts), now;
  }
  if (ids.empty()) {
    // Guessing which mobiles are registered counts against the address too.
    if (limiter_) limiter_->loginFailed(account, clientAddress);
    throw sdk::Error(sdk::codes::kNotRegistered, "该手机号码未注册");
  }
  bool ok = false;
  hash([&] { ok = PasswordHasher(options_.passwordIterations).verify(password, hashes[0], salts[0]); });
  if (!ok) {
    if (limiter_) limiter_->loginFailed(account, clientAddress);
    throw sdk::Error(kWrongPassword, "密码错误");
  }
  if (limiter_) limiter_->loginSucceeded(account);
  LoginToken t{crypto::randomHex(32), ids[0], nowMs() + options_.tokenTtlMs};
  db_.transaction([&](Session& s) {
    std::string tokenHash = crypto::sha256Hex(t.token);
    std::int64_t at = nowMs();
    s << "INSERT INTO user_tokens (token_hash, factory_id, user_id, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)",
        use(tokenHash), use(factoryId), use(t.userId), use(t.expiresAt), use(at), now;
  });
  return t;
}

std::optional<User> UserService::authenticate(std::int64_t factoryId, const std::string& token) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  const std::string tokenHash = crypto::sha256Hex(token);
  // Only valid tokens are kept: made-up ones would fill the cache.
  const auto known = tokens_.get(
      {factoryId, tokenHash}, [&] { return lookUp(factoryId, tokenHash); },
      [](const std::optional<KnownToken>& found) { return found.has_value(); });
  if (!known || known->expiresAt <= nowMs()) return std::nullopt;
  return known->user;
}

std::optional<UserService::KnownToken> UserService::lookUp(std::int64_t factoryId, const std::string& tokenHash) {
  Session s = db_.session();
  std::string hash = tokenHash;
  std::int64_t at = nowMs();
  std::vector<std::int64_t> ids, expiries;
  std::vector<std::string> mobiles, nicks;
  s << "SELECT u.id, u.mobile, u.nick, t.expires_at FROM user_tokens t JOIN users u ON u.id = t.user_id "
       "WHERE t.token_hash = $1 AND t.factory_id = $2 AND u.factory_id = $2 AND t.expires_at > $3",
      use(hash), use(factoryId), use(at), into(ids), into(mobiles), into(nicks), into(expiries), now;
  if (ids.empty()) return std::nullopt;
  return KnownToken{User{ids[0], factoryId, mobiles[0], nicks[0]}, expiries[0]};
}

}  // namespace paynext::core::identity
