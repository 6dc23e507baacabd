#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "task.h"

namespace paynext::plugins::errands {

// errands_tasks of one factory. Every change of status is conditional on the
// status it leaves, so a change that lost a race reports false.
class TaskStore {
 public:
  TaskStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // An UNPAID task stamped with the clock's now.
  Task create(Task task);
  std::optional<Task> find(std::int64_t id);
  std::optional<Task> findPaidBy(const std::string& reference);
  // Newest first; 0 and "" match every poster, runner and status.
  std::vector<Task> list(std::int64_t posterId, std::int64_t runnerId, const std::string& status, int offset,
                         int limit);
  // Published tasks others can still take, soonest deadline first.
  std::vector<Task> open(std::int64_t exceptPosterId, int offset, int limit);
  // Tasks in a status whose time column is at or before a cutoff, for the jobs.
  std::vector<Task> unpaidCreatedBy(std::int64_t cutoff);
  std::vector<Task> publishedDeadlineBy(std::int64_t cutoff);
  std::vector<Task> deliveredBy(std::int64_t cutoff);

  bool markPaid(std::int64_t id, const std::string& reference);
  bool take(std::int64_t id, std::int64_t runnerId);
  bool deliver(std::int64_t id, std::int64_t runnerId);
  bool complete(std::int64_t id, sdk::Fen commission, sdk::Fen payout);
  // UNPAID -> EXPIRED or PUBLISHED -> CANCELLED.
  bool close(std::int64_t id, const std::string& from, const std::string& to);

 private:
  std::vector<Task> inStatusBy(const std::string& status, const char* timeColumn, std::int64_t cutoff);

  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::errands
