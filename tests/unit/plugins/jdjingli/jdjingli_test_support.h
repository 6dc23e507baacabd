#pragma once
// Shared set-up for the jdjingli plugin tests: a harness over JdjingliModule
// with a secret set through the admin route, JD's pushes signed as JD signs
// them and sent through callRaw, a fake coupons service, and a snapshot of
// jdjingli_orders.
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Tuple.h>
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "paynext/sdk/testing/memory_coupons.h"
#include "plugins/jdjingli/hmac_signature.h"
#include "plugins/jdjingli/jdjingli_module.h"

namespace paynext::plugins::jdjingli::test {

using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;
using sdk::testing::MemoryCoupons;

inline constexpr const char* kSecret = "jd-demo-secret-0123456789";
inline constexpr const char* kUrl = "https://jd.example/payresult";

class JdjingliTest : public ::testing::Test {
 protected:
  JdjingliTest() {
    h.services().provide<sdk::services::CouponsService>(coupons, "优惠券");
    setSecret(kSecret);
  }

  sdk::testing::Harness h{std::make_shared<JdjingliModule>()};
  std::shared_ptr<MemoryCoupons> coupons = std::make_shared<MemoryCoupons>();

  static Poco::JSON::Object::Ptr object(const sdk::RouteResponse& r) {
    return r.data.extract<Poco::JSON::Object::Ptr>();
  }
  static Poco::JSON::Array::Ptr array(const sdk::RouteResponse& r) { return r.data.extract<Poco::JSON::Array::Ptr>(); }

  void setSecret(const std::string& secret) {
    const auto r = h.callAs(sdk::Audience::Admin, "PUT", "/settings", R"({"secret":")" + secret + R"("})");
    ASSERT_EQ(r.code, 0) << r.msg;
  }

  static std::string body(const std::string& orderNo, const std::string& amount = "12.50",
                          const std::string& url = kUrl) {
    return R"({"orderNo":")" + orderNo + R"(","amount":")" + amount +
           R"(","items":[{"name":"京东E卡","quantity":1,"price":")" + amount + R"("}],"payResultUrl":")" + url +
           R"("})";
  }

  std::string nowSeconds() { return std::to_string(h.clock().now / 1000); }

  // JD's push of `payload`, signed with `secret` at `timestamp` (now by default).
  sdk::RouteResponse push(const std::string& payload, const std::string& secret = kSecret,
                          std::string timestamp = "") {
    if (timestamp.empty()) timestamp = nowSeconds();
    return h.callRaw("POST", "/jdjingli/order/push", payload,
                     {{"x-jd-timestamp", timestamp}, {"x-jd-signature", signatureOf(secret, timestamp, payload)}});
  }

  // Pushes an order and answers its token.
  std::string pushOrder(const std::string& orderNo, const std::string& amount = "12.50") {
    const auto r = push(body(orderNo, amount));
    EXPECT_EQ(r.code, 0) << r.msg;
    return r.code == 0 ? object(r)->getValue<std::string>("token") : "";
  }

  static std::string pay(const std::string& token, const std::string& extra = "") {
    return R"({"token":")" + token + "\"" + extra + "}";
  }

  // JD accepts every pay result.
  void jdAnswers(int status) {
    h.http().answer = [status](const sdk::HttpRequest&) {
      sdk::HttpReply reply;
      reply.status = status;
      reply.reason = status == 200 ? "OK" : status == 503 ? "Service Unavailable" : "Bad Request";
      return reply;
    };
  }

  // Every order as "factory/orderNo/status/amount/user/coupon/discount/paid/paidReference".
  std::vector<std::string> rows() {
    return h.rows("SELECT factory_id, order_no, status, amount, user_id, coupon_id, discount, paid, paid_reference "
                  "FROM jdjingli_orders ORDER BY id");
  }
};

}  // namespace paynext::plugins::jdjingli::test
