#pragma once
#include <cstdint>

#include "course.h"
#include "course_store.h"
#include "purchase.h"
#include "purchase_store.h"

namespace paynext::plugins::courses {

// Who may buy a seat of which course, and when. The buy route, validate and
// execute all ask these, so each refuses the same things in the same words.

// The course of an id, or Error 700 "课程 N 不存在".
Course requireCourse(CourseStore& courses, std::int64_t id);

// On sale, not started at nowMs, a seat left; else Error 300 saying which.
void requireOpen(const Course& course, std::int64_t nowMs);

// The user holds no seat of the course yet; else Error 300.
void requireNotEnrolled(PurchaseStore& purchases, std::int64_t userId, const Course& course);

// An unpaid purchase; a paid or cancelled one is Error 300 saying so.
void requireUnpaid(const Purchase& purchase);

}  // namespace paynext::plugins::courses
