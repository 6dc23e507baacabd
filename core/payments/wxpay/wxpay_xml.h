#pragma once
// The flat <xml> documents of WeChat Pay API v2.
#include <string>

#include "core/payments/wxpay/wxpay_error.h"
#include "core/payments/wxpay/wxpay_sign.h"

namespace paynext::core::payments::wxpay {

// Input that is not a flat WeChat <xml> document.
class WxpayXmlError : public WxpayError {
 public:
  explicit WxpayXmlError(const std::string& message) : WxpayError(message) {}
};

// <xml><k><![CDATA[v]]></k>...</xml>, keys in field order. Throws
// WxpayXmlError for a key that is not a plain name or a value with characters
// XML cannot carry. `root` names the root element: <root> for the decrypted
// req_info of refund notifications.
std::string toXml(const Fields& fields, const std::string& root = "xml");

// The children of the <xml> root as fields. Refuses any DTD (so no entity,
// internal or external, is ever expanded), nested elements, duplicate keys,
// text directly under the root and a root other than <xml> (or `root`).
// Limiting the input size is the caller's job.
Fields parseXml(const std::string& xml, const std::string& root = "xml");

}  // namespace paynext::core::payments::wxpay
