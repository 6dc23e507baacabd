#include "pay_result_client.h"

#include <sstream>

#include <Poco/JSON/Object.h>

#include "hmac_signature.h"

namespace paynext::plugins::jdjingli {

std::string PayResultClient::bodyOf(const JdOrder& order, const PayResult& result) {
  Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
  body.set("orderNo", order.orderNo);
  body.set("token", order.token);
  body.set("status", kPaid);
  // Yuan as text, as JD pushes amounts.
  body.set("amount", sdk::formatYuan(order.amount));
  body.set("discount", sdk::formatYuan(result.bill.discount));
  body.set("paid", sdk::formatYuan(result.bill.due));
  body.set("couponId", result.couponId);
  body.set("outTradeId", result.outTradeId);
  body.set("idempotencyKey", result.idempotencyKey);
  std::ostringstream out;
  body.stringify(out);
  return out.str();
}

sdk::HttpReply PayResultClient::send(const JdOrder& order, const PayResult& result, std::int64_t nowMs) {
  sdk::HttpRequest request;
  request.method = "POST";
  request.url = order.payResultUrl;
  request.contentType = "application/json; charset=utf-8";
  request.body = bodyOf(order, result);
  request.headers["Idempotency-Key"] = result.idempotencyKey;
  if (!secret_.empty()) {
    const std::string timestamp = std::to_string(nowMs / 1000);
    request.headers[kTimestampHeader] = timestamp;
    request.headers[kSignatureHeader] = signatureOf(secret_, timestamp, request.body);
  }
  return http_.send(request);
}

}  // namespace paynext::plugins::jdjingli
