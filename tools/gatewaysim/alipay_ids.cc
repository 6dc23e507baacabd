#include "tools/gatewaysim/alipay_ids.h"

#include <Poco/Random.h>
#include <Poco/Timestamp.h>

#include "core/crypto/digest.h"
#include "core/payments/alipay/alipay_request.h"

namespace paynext::tools::gatewaysim {

namespace {

std::string randomDigits(std::size_t count) {
  Poco::Random random;
  random.seed();
  std::string digits;
  while (digits.size() < count) digits += static_cast<char>('0' + random.next(10));
  return digits;
}

}  // namespace

std::string newAlipayTradeNo() {
  // beijingTime gives "yyyy-MM-dd HH:mm:ss"; keep the date's digits.
  const std::string now = core::payments::alipay::beijingTime(Poco::Timestamp());
  return now.substr(0, 4) + now.substr(5, 2) + now.substr(8, 2) + "22001" + randomDigits(15);
}

std::string newAlipayBuyerId() { return "2088" + randomDigits(12); }

std::string newAlipayNotifyId() { return core::crypto::randomHex(17); }

}  // namespace paynext::tools::gatewaysim
