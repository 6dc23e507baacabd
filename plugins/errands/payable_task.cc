#include "payable_task.h"

#include "paynext/sdk/errors.h"

namespace paynext::plugins::errands {

std::string taskNotFound(std::int64_t taskId) { return "跑腿任务 " + std::to_string(taskId) + " 不存在"; }

Task payableTask(TaskStore& tasks, const Settings& settings, std::int64_t posterId, std::int64_t taskId,
                 std::int64_t nowMs) {
  const auto task = tasks.find(taskId);
  if (!task || task->posterId != posterId) throw sdk::Error(sdk::codes::kNoData, taskNotFound(taskId));
  const std::string name = "跑腿任务 " + std::to_string(taskId);
  // An unpaid task past its expiry is expired even before the job has marked it.
  const bool expired = task->status == kExpired || (task->status == kUnpaid && task->createdAt +
                                                                                   settings.unpaidExpiryMs() <= nowMs);
  if (expired) throw sdk::Error(sdk::codes::kBadRequest, name + " 已过期,不能支付");
  if (task->status == kCancelled) throw sdk::Error(sdk::codes::kBadRequest, name + " 已取消,不能支付");
  if (task->status != kUnpaid) throw sdk::Error(sdk::codes::kBadRequest, name + " 已支付,不能重复支付");
  if (task->deadlineAt <= nowMs) throw sdk::Error(sdk::codes::kBadRequest, name + " 已过接单截止时间,不能支付");
  return *task;
}

}  // namespace paynext::plugins::errands
