#include "task_request.h"

#include "paynext/sdk/params.h"

namespace paynext::plugins::errands {

namespace p = sdk::params;

namespace {

constexpr std::size_t kMaxPlaceBytes = 255;
constexpr std::size_t kMaxWhatBytes = 1000;
constexpr sdk::Fen kMaxFee = 10000000;  // 100000 yuan
constexpr std::int64_t kMaxDeadlineMs = 30LL * 24 * 3600 * 1000;

}  // namespace

Task TaskRequest::parse(const Poco::JSON::Object& params, const Settings& settings, std::int64_t nowMs) {
  Task task;
  task.from = p::requireText(params, "from", kMaxPlaceBytes);
  task.to = p::requireText(params, "to", kMaxPlaceBytes);
  task.what = p::requireText(params, "what", kMaxWhatBytes);
  task.fee = p::requireMoney(params, "fee");
  if (task.fee < settings.minFee) {
    throw sdk::ParamError("fee", "参数 fee 不能低于最低跑腿费 " + sdk::formatYuan(settings.minFee) + " 元");
  }
  if (task.fee > kMaxFee) throw sdk::ParamError("fee", "参数 fee 不能超过 " + sdk::formatYuan(kMaxFee) + " 元");
  // Its callers have always been told the date-time form, though a bare date is taken too.
  const auto deadline = p::requireChinaTime(params, "deadline", false, "yyyy-MM-dd HH:mm:ss 格式的时间");
  if (deadline <= nowMs) throw sdk::ParamError("deadline", "参数 deadline 须晚于当前时间");
  if (deadline > nowMs + kMaxDeadlineMs) throw sdk::ParamError("deadline", "参数 deadline 不能晚于 30 天后");
  task.deadlineAt = deadline;
  return task;
}

}  // namespace paynext::plugins::errands
