#pragma once
#include <cstdint>
#include <string>

#include "core/metrics/metrics_registry.h"
#include "core/payments/payment_service.h"
#include "core/payments/wxpay_v3/v3_notification.h"
#include "core/payments/wxpay_v3/v3_response_verifier.h"
#include "core/tenancy/factory_store.h"

namespace paynext::core::payments {

// WeChat Pay API v3 pay-result notifications (/notify/wxpay-v3/{factory}):
// verify the Wechatpay-* signature against the configured platform key(s)
// within the replay window, decrypt the resource with the APIv3 key, match
// appid, mchid and amount, and settle through PaymentService::settle.
// Answers as v3 wants: 200 with no body stops WeChat's resends; a 4xx/5xx
// with {"code":"FAIL","message":...} asks for another. A resend of a settled
// payment answers 200 and changes nothing.
class WxpayV3Notify {
 public:
  WxpayV3Notify(PaymentService& payments, metrics::MetricsRegistry& metrics) : payments_(payments), metrics_(metrics) {}

  wxpay_v3::V3Reply handle(const tenancy::Factory& factory, const wxpay_v3::V3SignedMessage& message);
  // The same against the given clock (epoch seconds), for tests.
  wxpay_v3::V3Reply handle(const tenancy::Factory& factory, const wxpay_v3::V3SignedMessage& message,
                           std::int64_t nowEpochSeconds);

 private:
  // Counts the outcome (paynext_notifications_total) and answers.
  wxpay_v3::V3Reply answer(const std::string& outcome, int status, const std::string& message = {});

  PaymentService& payments_;
  metrics::MetricsRegistry& metrics_;
};

}  // namespace paynext::core::payments
