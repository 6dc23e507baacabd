#pragma once
// What the merchant sends and learns with alipay.trade.refund and
// alipay.trade.fastpay.refund.query (统一收单交易退款 / 退款查询).
#include <string>

#include "paynext/sdk/money.h"

namespace paynext::core::payments::alipay {

struct RefundRequest {
  std::string outTradeNo;
  // out_request_no: one refund of the trade. Sending it again answers the
  // same refund (no second one), so a retry after a lost answer is safe.
  std::string outRequestNo;
  sdk::Fen refundFen = 0;
  std::string reason;  // refund_reason; empty = not sent
};

// alipay.trade.refund's answer. Alipay refunds synchronously: code 10000 with
// fund_change Y is a refund done now; N is one done before (the same
// out_request_no again) and is confirmed by refundQuery.
struct RefundResult {
  bool fundChange = false;
  sdk::Fen refundFeeFen = 0;  // refund_fee: all refunded on the trade so far, this refund included
  std::string tradeNo;
  std::string outTradeNo;
  std::string gmtRefundPay;  // "yyyy-MM-dd HH:mm:ss" Beijing time; may be empty
};

// alipay.trade.fastpay.refund.query's answer. Code 10000 only says the query
// worked: refund_status REFUND_SUCCESS is a refund done; no status is a
// refund Alipay does not have (never received, or failed: retry with the
// same out_request_no).
struct RefundQueryResult {
  std::string refundStatus;  // "REFUND_SUCCESS" or empty
  sdk::Fen refundFen = 0;    // refund_amount of this refund; 0 when not refunded
  sdk::Fen totalFen = 0;     // total_amount of the trade; 0 when Alipay leaves it out
  std::string tradeNo;
  std::string outTradeNo;
  std::string outRequestNo;

  bool refunded() const { return refundStatus == "REFUND_SUCCESS"; }
};

}  // namespace paynext::core::payments::alipay
