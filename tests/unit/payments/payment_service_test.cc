// PaymentService::create's own refusals, before any channel is asked.
#include "core/payments/payment_service.h"

#include <gtest/gtest.h>
#include <Poco/Data/Session.h>

#include "paynext/sdk/errors.h"
#include "tests/unit/payments/payment_services.h"

namespace paynext::core::payments {
namespace {

using namespace Poco::Data::Keywords;

class PaymentServiceTest : public ::testing::Test {
 protected:
  PaymentServiceTest() { factory_ = parts_.factories.create("f1", "工厂"); }

  // The ParamError's field and message, or "accepted".
  std::string refused(const PayRequest& request) {
    try {
      parts_.payments.create(factory_, identity::User{1, factory_.id, "13800000000", ""}, request, "alipay", "wap");
    } catch (const sdk::ParamError& e) {
      return e.field() + ": " + e.what();
    }
    return "accepted";
  }
  std::int64_t payments() {
    Poco::Data::Session s = parts_.cdb.db().session();
    std::int64_t n = 0;
    s << "SELECT COUNT(*) FROM payments", into(n), now;
    return n;
  }

  testing::PaymentServices parts_;
  tenancy::Factory factory_;
};

// Alipay WAP's return and quit pages are where the browser is sent: http(s) only.
TEST_F(PaymentServiceTest, ReturnAndQuitPagesMustBeHttpAddresses) {
  PayRequest request;
  request.money = 100;
  request.returnUrl = "javascript:alert(document.cookie)";
  EXPECT_EQ("returnUrl: 参数 returnUrl 应为 http 或 https 地址(至多 512 字节)", refused(request));
  request.returnUrl = "https://pay.example/" + std::string(500, 'a');
  EXPECT_EQ("returnUrl: 参数 returnUrl 应为 http 或 https 地址(至多 512 字节)", refused(request));
  request.returnUrl = "https://pay.example/done";
  request.quitUrl = "ftp://pay.example/quit";
  EXPECT_EQ("quitUrl: 参数 quitUrl 应为 http 或 https 地址(至多 512 字节)", refused(request));
  EXPECT_EQ(0, payments());
}

}  // namespace
}  // namespace paynext::core::payments
