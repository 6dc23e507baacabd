#include "tools/gatewaysim/wechat_ids.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Random.h>
#include <Poco/Timespan.h>

#include "core/crypto/digest.h"

namespace paynext::tools::gatewaysim {

namespace {
Poco::DateTime beijingNow() { return Poco::DateTime() + Poco::Timespan(8 * Poco::Timespan::HOURS); }
}  // namespace

std::string newPrepayId() {
  return "wx" + Poco::DateTimeFormatter::format(beijingNow(), "%Y%m%d%H%M%S") + core::crypto::randomHex(10);
}

std::string newTransactionId() {
  Poco::Random random;
  random.seed();
  std::string id = "4200" + Poco::DateTimeFormatter::format(beijingNow(), "%Y%m%d");
  while (id.size() < 28) id += static_cast<char>('0' + random.next(10));
  return id;
}

std::string newRefundId() {
  Poco::Random random;
  random.seed();
  std::string id = "50";
  while (id.size() < 29) id += static_cast<char>('0' + random.next(10));
  return id;
}

std::string beijingTimeNow() { return Poco::DateTimeFormatter::format(beijingNow(), "%Y%m%d%H%M%S"); }

}  // namespace paynext::tools::gatewaysim
