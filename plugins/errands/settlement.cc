#include "settlement.h"

#include "paynext/sdk/errors.h"

namespace paynext::plugins::errands {

Task payRunner(sdk::Scope& scope, TaskStore& tasks, const Settings& settings, const Task& task) {
  // The wallet first: a runner who is gone throws before anything changes.
  sdk::Ledger& wallet = scope.wallets.of(task.runnerId);
  const sdk::Fen commission = settings.commissionOn(task.fee);
  const sdk::Fen payout = task.fee - commission;
  if (!tasks.complete(task.id, commission, payout)) {
    throw sdk::Error(sdk::codes::kBadRequest, "跑腿任务 " + std::to_string(task.id) + " 已不是已送达状态");
  }
  if (payout > 0) wallet.credit(payout, "跑腿任务收入", "errands:payout:" + std::to_string(task.id));
  return *tasks.find(task.id);
}

void refundPoster(sdk::Scope& scope, TaskStore& tasks, const Task& task) {
  sdk::Ledger& wallet = scope.wallets.of(task.posterId);
  if (!tasks.close(task.id, kPublished, kCancelled)) return;
  wallet.credit(task.fee, "跑腿任务无人接单退款", "errands:refund:" + std::to_string(task.id));
}

}  // namespace paynext::plugins::errands
