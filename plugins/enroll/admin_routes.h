#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::enroll {

// Admin routes, mounted under /admin/api/factories/{factory}/modules/enroll (JSON, amounts in yuan):
//   GET  /projects?limit=&offset=        -> every project, oldest first, with seats taken and left
//   GET  /projects?id=                   -> that project; 404 when unknown
//   POST /projects   title, description?, fee, capacity, deadline?, fields?, enabled? (true) -> the project (201)
//   PUT  /projects   id and the same fields -> the project replaced (seats taken stay); 404 when unknown
//   GET  /applications?projectId=&userId=&status=&limit=&offset= -> applicants with their answers, newest first
//   GET  /applications?id=               -> that application; 404 when unknown
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::enroll
