#pragma once
#include <Poco/JSON/Object.h>

#include "course.h"

namespace paynext::plugins::courses {

// A course as an admin sends it (POST creates, PUT replaces `id`):
//   title, summary? (""), price (yuan, > 0), seats (1..100000),
//   dateStart, dateEnd ("yyyy-MM-dd[ HH:mm:ss]" China time; a bare dateEnd is
//   the end of that day; after dateStart), onSale? (true)
// seatsTaken is not the admin's to set. Throws sdk::ParamError naming the field.
Course courseFromParams(const Poco::JSON::Object& params, bool withId);

}  // namespace paynext::plugins::courses
