#include "tools/gatewaysim/wechat_ids.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Random.h>
#include <Poco/Timespan.h>

#include "core/crypto/digest.h"

namespace paynext::tools::gatewaysim {

namespace {
Poco::DateTime beijingNow() { return Poco::DateTime() + Poco::Timespan(8 * Poco::Timespan::HOURS); }

// prefix, today's date in Beijing, then random digits up to `length`.
std::string datedDigits(const std::string& prefix, std::size_t length) {
  Poco::Random random;
  random.seed();
  std::string id = prefix + Poco::DateTimeFormatter::format(beijingNow(), "%Y%m%d");
  while (id.size() < length) id += static_cast<char>('0' + random.next(10));
  return id;
}
}  // namespace

std::string newPrepayId() {
  return "wx" + Poco::DateTimeFormatter::format(beijingNow(), "%Y%m%d%H%M%S") + core::crypto::randomHex(10);
}

std::string newTransactionId() { return datedDigits("4200", 28); }

std::string newRefundId() { return datedDigits("5000", 29); }

std::string beijingRefundTimeNow() { return Poco::DateTimeFormatter::format(beijingNow(), "%Y-%m-%d %H:%M:%S"); }

std::string beijingTimeNow() { return Poco::DateTimeFormatter::format(beijingNow(), "%Y%m%d%H%M%S"); }

}  // namespace paynext::tools::gatewaysim
