#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "jd_order.h"

namespace paynext::plugins::jdjingli {

// jdjingli_orders of one factory.
class JdOrderStore {
 public:
  JdOrderStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // A PENDING order under `token`, stamped with the clock's now, expiring ttlMs later.
  JdOrder create(const JdOrder& pushed, const std::string& token, std::int64_t ttlMs);
  // An expired order pushed again: pending again under a fresh token, with what JD pushed now.
  JdOrder rearm(const JdOrder& existing, const JdOrder& pushed, const std::string& token, std::int64_t ttlMs);
  std::optional<JdOrder> find(std::int64_t id);
  std::optional<JdOrder> findByToken(const std::string& token);
  std::optional<JdOrder> findByOrderNo(const std::string& orderNo);
  // Newest first; userId 0 for every user, status empty for every status.
  std::vector<JdOrder> list(std::int64_t userId, const std::string& status, int offset, int limit);
  // PENDING -> PAID with the payer and the amounts. False when it was not
  // pending any more, so two payments of one token cannot both succeed.
  bool markPaid(const JdOrder& paid);
  // PENDING orders whose expiry is at or before `cutoffMs` -> EXPIRED; how many.
  int expire(std::int64_t cutoffMs);

 private:
  // What JD pushed, PENDING under `token` from now for ttlMs.
  JdOrder pending(const JdOrder& pushed, const std::string& token, std::int64_t ttlMs) const;
  // `column` is one of this class's literals, never a caller's text.
  std::optional<JdOrder> findBy(const char* column, std::string value);

  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::jdjingli
