#include "pull_request.h"

#include <string>

#include "paynext/sdk/params.h"

namespace paynext::plugins::blindbox {

std::int64_t pullTimesOf(const Poco::JSON::Object& params, const Settings& settings) {
  const std::int64_t times = sdk::params::requirePositiveInt(params, "pullTimes");
  if (times > settings.maxPullTimes) {
    throw sdk::ParamError("pullTimes", "参数 pullTimes 不能超过 " + std::to_string(settings.maxPullTimes));
  }
  return times;
}

}  // namespace paynext::plugins::blindbox
