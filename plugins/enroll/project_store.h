#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "project.h"

namespace paynext::plugins::enroll {

// enroll_projects of one factory.
class ProjectStore {
 public:
  ProjectStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  // Stamped with the clock's now; answers the project with its id.
  Project create(Project project);
  // Replaces the admin's fields of project.id (never the seats taken, which it
  // answers in project.paid); false when there is no such project here.
  bool update(Project& project);
  std::optional<Project> find(std::int64_t id);
  // Oldest first; enabledOnly for the users' list.
  std::vector<Project> list(bool enabledOnly, int offset, int limit);
  // Takes one seat if the project is still open now: a conditional update, so
  // of two payments racing for the last seat exactly one gets it.
  bool takeSeat(std::int64_t id);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::enroll
