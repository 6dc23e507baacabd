#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/action_context.h"
#include "paynext/sdk/clock.h"

#include "course.h"

namespace paynext::plugins::courses {

// courses_courses of one factory.
class CourseStore {
 public:
  CourseStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
      : session_(session), factoryId_(factoryId), clock_(clock) {}
  // In the scope's session, factory and clock.
  explicit CourseStore(const sdk::Scope& scope) : CourseStore(scope.session, scope.factoryId, scope.clock) {}

  Course create(Course course);  // no seat taken, stamped with the clock's now
  // Replaces what admins set (not seatsTaken); false when the course is missing
  // or holds more paid seats than course.seats. Fills in the stored rest.
  bool update(Course& course);
  std::optional<Course> find(std::int64_t id);
  // By id; on sale only for the mobile list.
  std::vector<Course> list(bool onSaleOnly, int offset, int limit);
  // One more seat taken, only while the course is on sale, has a seat left and
  // has not started by the clock's now: of two steps racing for the last seat only one
  // changes the row (which it then holds locked until its transaction ends).
  bool takeSeat(std::int64_t id);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::courses
