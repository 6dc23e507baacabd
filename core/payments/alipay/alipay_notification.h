#pragma once
// Alipay's asynchronous notification (异步通知): the form Alipay POSTs to
// notify_url when a trade changes state, and its RSA2 signature check.
#include <string>

#include <Poco/Crypto/RSAKey.h>

#include "core/payments/alipay/alipay_sign.h"
#include "paynext/sdk/money.h"

namespace paynext::core::payments::alipay {

struct AlipayNotification {
  Params params;            // every field as Alipay sent it, URL-decoded
  std::string appId;        // check it is ours: the signature only proves Alipay sent it
  std::string tradeStatus;  // WAIT_BUYER_PAY, TRADE_SUCCESS, TRADE_FINISHED, TRADE_CLOSED
  std::string outTradeNo;
  std::string tradeNo;    // Alipay's trade number
  sdk::Fen totalFen = 0;  // total_amount, exactly
};

enum class NotificationError {
  None,
  BadForm,       // not application/x-www-form-urlencoded, or a field given twice
  MissingSign,   // no sign field (or an empty one)
  BadSignature,  // not signed by the Alipay public key we hold
  MissingField,  // signed, but without app_id, out_trade_no or trade_status
  BadAmount,     // total_amount missing or not a yuan amount with at most two decimals
};

struct NotificationResult {
  NotificationError error = NotificationError::None;
  std::string message;              // why the notification was refused; empty when ok()
  AlipayNotification notification;  // meaningful only when ok()
  bool ok() const { return error == NotificationError::None; }
};

// Parses and verifies a notify body: the signature is checked over the
// decoded fields sorted by key, without sign, sign_type and empty values
// (Purpose::Notify). Nothing but the form is trusted before the signature is
// checked. The caller answers Alipay "success" only after it has acted on
// an ok() result.
NotificationResult parseNotification(const std::string& body, const Poco::Crypto::RSAKey& alipayPublicKey);

}  // namespace paynext::core::payments::alipay
