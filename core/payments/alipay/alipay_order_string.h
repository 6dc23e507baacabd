#pragma once
// What the merchant server hands out to start an Alipay payment: the APP
// order string (alipay.trade.app.pay) the Alipay client SDK's payV2 takes,
// and the H5 page URL (alipay.trade.wap.pay) a mobile browser opens.
#include <string>

#include "core/payments/alipay/alipay_error.h"
#include "paynext/sdk/money.h"

namespace paynext::core::payments::alipay {

struct AlipayOrder {
  std::string appId;
  std::string privateKey;  // application private key, PEM or bare base64; secret
  std::string gatewayUrl = "https://openapi.alipay.com/gateway.do";  // WAP only
  std::string notifyUrl;                                             // empty = not sent
  std::string returnUrl;                                             // WAP only; empty = not sent
  std::string quitUrl;                                               // WAP only; empty = not sent
  std::string outTradeNo;
  sdk::Fen totalFen = 0;
  std::string subject;
  std::string body;                    // empty = not sent
  std::string timeoutExpress = "30m";  // empty = not sent (Alipay's default applies)
  std::string timestamp;               // "yyyy-MM-dd HH:mm:ss" Beijing time; empty = now
};

// "app_id=...&biz_content=...&...&version=1.0&sign=..." as the official PHP
// SDK's sdkExecute() returns it: the signed params in key order, each value
// urlEncode()d, then `sign` (also encoded) last. biz_content is
// {out_trade_no, total_amount (yuan, two decimals), subject, product_code
// QUICK_MSECURITY_PAY, timeout_express, body}. Throws AlipayError.
std::string appPayOrderString(const AlipayOrder& order);

// "<gatewayUrl>?<params>" for alipay.trade.wap.pay (product_code
// QUICK_WAP_WAY, plus return_url and quit_url), every signed param including
// `sign` in key order and urlEncode()d, as the PHP SDK's pageExecute(GET)
// builds it. Throws AlipayError.
std::string wapPayUrl(const AlipayOrder& order);

}  // namespace paynext::core::payments::alipay
