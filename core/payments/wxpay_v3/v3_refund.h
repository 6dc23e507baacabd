#pragma once
// A refund as API v3 describes it: what 退款申请 (POST
// /v3/refund/domestic/refunds) sends, what it and 查询单笔退款 answer, and
// the decrypted resource of a REFUND.* notification (退款结果通知).
#include <cstdint>
#include <optional>
#include <string>

namespace paynext::core::payments::wxpay_v3 {

struct V3RefundRequest {
  std::string outTradeNo;
  // out_refund_no: one refund of the order. Resending it (same amount) never
  // refunds twice, so a retry after a lost answer is safe.
  std::string outRefundNo;
  std::string reason;     // empty = not sent; at most 80 characters
  std::string notifyUrl;  // empty = not sent (the merchant platform's setting applies)
  std::int64_t refundFen = 0;  // amount.refund
  std::int64_t totalFen = 0;   // amount.total: the order's total
};

struct V3Refund {
  std::string refundId;       // refund_id, WeChat's
  std::string outRefundNo;    // out_refund_no
  std::string outTradeNo;     // out_trade_no
  std::string transactionId;  // transaction_id
  // status (answers) or refund_status (notifications): SUCCESS, CLOSED,
  // PROCESSING, ABNORMAL. Only SUCCESS means the money went back.
  std::string status;
  std::int64_t refundFen = 0;                 // amount.refund
  std::int64_t totalFen = 0;                  // amount.total
  std::optional<std::int64_t> payerRefundFen;  // amount.payer_refund, when sent
  std::string successTime;                    // success_time, RFC 3339; set when SUCCESS
  std::string mchId;                          // mchid: notifications carry it, answers do not
};

// Reads the answer of 退款申请 or 查询单笔退款 ("status"). refund_id,
// out_refund_no, out_trade_no, status and amount.refund / amount.total are
// required; the status must be one of the four. Throws
// WxpayV3Error("refund ...").
V3Refund parseRefund(const std::string& json);

// Reads the decrypted resource of a REFUND.* notification ("refund_status",
// "mchid"), with the same checks. Throws WxpayV3Error("refund ...").
V3Refund parseRefundResource(const std::string& json);

}  // namespace paynext::core::payments::wxpay_v3
