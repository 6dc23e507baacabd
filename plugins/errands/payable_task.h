#pragma once
#include <cstdint>
#include <string>

#include "settings.h"
#include "task.h"
#include "task_store.h"

namespace paynext::plugins::errands {

// "跑腿任务 N 不存在": also for another user's or another factory's task.
std::string taskNotFound(std::int64_t taskId);

// The poster's task when it can be paid now: unpaid, not expired, its
// deadline ahead. Throws the refusal otherwise (validate refuses the payment
// with it, execute fails the step with it).
Task payableTask(TaskStore& tasks, const Settings& settings, std::int64_t posterId, std::int64_t taskId,
                 std::int64_t nowMs);

}  // namespace paynext::plugins::errands
