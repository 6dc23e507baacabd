// A WeChat Pay v2 notification body through parseXml, then the v2 signature
// check on its fields. Only WxpayError may come out; fields that parse either
// refuse to be written back (WxpayXmlError) or come back the same from
// toXml.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/payments/wxpay/wxpay_sign.h"
#include "core/payments/wxpay/wxpay_xml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace wxpay = paynext::core::payments::wxpay;
  const std::string xml(reinterpret_cast<const char*>(data), size);
  wxpay::Fields fields;
  try {
    fields = wxpay::parseXml(xml);
  } catch (const wxpay::WxpayError&) {
    return 0;
  }
  if (const auto type = wxpay::notificationSignType(fields)) {
    wxpay::verify(fields, "192006250b4c09247ec02edce69f6a2d", *type);
  }
  std::string written;
  try {
    written = wxpay::toXml(fields);
  } catch (const wxpay::WxpayXmlError&) {
    return 0;
  }
  if (wxpay::parseXml(written) != fields) std::abort();
  return 0;
}
