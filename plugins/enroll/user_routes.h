#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::enroll {

// The mobile routes (API工厂 envelope, amounts in yuan, times in China time):
//   public     /enroll/projects     page?, pageSize? -> enabled projects, oldest first (700 when none)
//   public     /enroll/project      id -> that project with its form fields
//   user  POST /enroll/apply        projectId, answers (JSON object, or a string holding one) -> the UNPAID
//                                   application, whose id is the id of {type:3, id}; the user's unpaid one gets the
//                                   new answers; refused when the project is stopped, past its deadline or full,
//                                   when the user already paid one, or when the answers do not fit the form
//   user       /enroll/my           status?, projectId?, page?, pageSize? -> the user's applications, newest first
//   user  POST /enroll/cancel       id -> the user's unpaid application, CANCELLED
std::vector<sdk::Route> userRoutes();

}  // namespace paynext::plugins::enroll
