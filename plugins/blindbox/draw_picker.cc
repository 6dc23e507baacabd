#include "draw_picker.h"

#include <random>

#include "paynext/sdk/errors.h"

#include "box_store.h"
#include "draw_store.h"
#include "pull_store.h"

namespace paynext::plugins::blindbox {

namespace {

std::int64_t randomBelow(std::int64_t n) {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::uniform_int_distribution<std::int64_t>(0, n - 1)(engine);
}

}  // namespace

Box drawOne(sdk::Scope& scope) {
  PullStore pulls(scope.session, scope.factoryId, scope.clock);
  BoxStore boxes(scope.session, scope.factoryId, scope.clock);
  if (pulls.left(scope.userId) <= 0) {
    throw sdk::Error(sdk::codes::kBadRequest, "没有剩余的盲盒抽取次数,请先购买");
  }
  const std::int64_t count = boxes.countDrawable(scope.userId);
  if (count == 0) throw sdk::Error(sdk::codes::kNoData, "暂时没有可以抽取的盲盒");
  // The transaction runs as if serial, so the counted rows are all still there.
  const auto box = boxes.drawableAt(scope.userId, randomBelow(count));
  if (!box) throw sdk::Error(sdk::codes::kNoData, "暂时没有可以抽取的盲盒");
  if (!pulls.spendOne(scope.userId)) {
    throw sdk::Error(sdk::codes::kBadRequest, "没有剩余的盲盒抽取次数,请先购买");
  }
  DrawStore(scope.session, scope.factoryId, scope.clock).add(scope.userId, box->id);
  return *box;
}

}  // namespace paynext::plugins::blindbox
