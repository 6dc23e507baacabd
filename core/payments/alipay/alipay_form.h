#pragma once
// application/x-www-form-urlencoded, the way Alipay's server SDKs write it
// (order strings, gateway URLs, request bodies) and Alipay posts it
// (async notifications).
#include <string>

#include "core/payments/alipay/alipay_error.h"
#include "core/payments/alipay/alipay_sign.h"

namespace paynext::core::payments::alipay {

// PHP's urlencode(), which the official PHP SDK applies to every value:
// ASCII letters, digits and "-_." stay, a space becomes '+', every other byte
// of the UTF-8 text becomes %XX (upper-case hex).
std::string urlEncode(const std::string& value);

// "k1=urlEncode(v1)&k2=..." in key order, without empty values.
std::string encodeForm(const Params& params);

// A form body as params ('+' is a space, %XX decoded). Throws AlipayError for
// bad percent-encoding, a field without a name, a name given twice (which
// value would be the signed one?) or more than 100 fields.
Params parseForm(const std::string& body);

}  // namespace paynext::core::payments::alipay
