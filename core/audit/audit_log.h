#pragma once
#include <cstdint>
#include <string>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>

#include "core/storage/database.h"

namespace paynext::core::audit {

// Every admin change: who, what, when, before and after (secrets redacted by
// the caller). Written in the same transaction as the change where possible.
class AuditLog {
 public:
  explicit AuditLog(storage::Database& db) : db_(db) {}

  void record(Poco::Data::Session& s, std::int64_t factoryId, const std::string& actor, const std::string& action,
              const std::string& target, const std::string& before, const std::string& after);
  // Its own transaction, for changes made through services that own theirs.
  void record(std::int64_t factoryId, const std::string& actor, const std::string& action, const std::string& target,
              const std::string& before, const std::string& after);

  // Newest first; factoryId 0 lists every factory's entries.
  Poco::JSON::Array::Ptr list(std::int64_t factoryId, int limit);

 private:
  storage::Database& db_;
};

}  // namespace paynext::core::audit
