#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "application.h"

namespace paynext::plugins::enroll {

// Filters of an application list; 0 and "" match everything.
struct ApplicationFilter {
  std::int64_t userId = 0;
  std::int64_t projectId = 0;
  std::string status;
};

// enroll_applications of one factory.
class ApplicationStore {
 public:
  ApplicationStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // A new UNPAID application, stamped with the clock's now.
  Application create(std::int64_t userId, std::int64_t projectId, const Answers& answers);
  // New answers for the user's UNPAID application; false when it is not unpaid any more.
  bool updateAnswers(std::int64_t userId, std::int64_t id, const Answers& answers);
  std::optional<Application> find(std::int64_t id);  // any user's: for admins
  std::optional<Application> findForUser(std::int64_t userId, std::int64_t id);
  // The user's unpaid or paid application to the project.
  std::optional<Application> findLive(std::int64_t userId, std::int64_t projectId);
  // Newest first.
  std::vector<Application> list(const ApplicationFilter& filter, int offset, int limit);
  // UNPAID -> PAID and UNPAID -> CANCELLED. False when it was not unpaid any
  // more, so a payment and a cancel (or two payments) cannot both win.
  bool markPaid(std::int64_t userId, std::int64_t id, sdk::Fen amount, const std::string& reference);
  bool cancel(std::int64_t userId, std::int64_t id);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::enroll
