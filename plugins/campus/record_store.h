#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "activation_record.h"

namespace paynext::plugins::campus {

// campus_records of one factory.
class RecordStore {
 public:
  RecordStore(Poco::Data::Session& session, std::int64_t factoryId) : session_(session), factoryId_(factoryId) {}

  void insert(const ActivationRecord& record);
  // The records a chain step created (a retry of a done step finds them).
  std::vector<ActivationRecord> byIdempotencyKey(const std::string& key);

  std::optional<ActivationRecord> findForUser(std::int64_t userId, const std::string& id);
  std::vector<ActivationRecord> byOutTradeId(std::int64_t userId, const std::string& outTradeId);
  // Every record of the factory (or of one user), newest first.
  std::vector<ActivationRecord> list(std::optional<std::int64_t> userId, int offset, int limit);

  // When the user's latest period of the package ends; nullopt when never bought.
  std::optional<std::int64_t> latestEnd(std::int64_t userId, const std::string& packageId);
  // Whether the user has a package of the type running at `at` or starting later.
  bool hasActive(std::int64_t userId, int packageType, std::int64_t at);
  // Ends every period of the type still running at `at`, and cancels later ones.
  void endActive(std::int64_t userId, int packageType, std::int64_t at);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
};

}  // namespace paynext::plugins::campus
