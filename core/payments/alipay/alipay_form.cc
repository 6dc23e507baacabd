#include "core/payments/alipay/alipay_form.h"

#include <sstream>

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/String.h>
#include <Poco/URI.h>

namespace paynext::core::payments::alipay {

std::string urlEncode(const std::string& value) {
  // Poco::URI::encode already escapes controls, space, non-ASCII and the
  // characters URIs forbid; listing the rest of ASCII punctuation as reserved
  // makes it escape all of it but "-_.~". PHP also escapes '~'.
  std::string encoded;
  Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]", encoded);
  Poco::replaceInPlace(encoded, "~", "%7E");
  // Only a space encodes to "%20" (a literal "%" becomes "%25").
  return Poco::replaceInPlace(encoded, "%20", "+");
}

std::string encodeForm(const Params& params) {
  std::string form;
  for (const auto& [key, value] : params) {
    if (value.empty()) continue;
    if (!form.empty()) form += '&';
    form += urlEncode(key);
    form += '=';
    form += urlEncode(value);
  }
  return form;
}

Params parseForm(const std::string& body) {
  Poco::Net::HTMLForm form;
  form.setFieldLimit(100);
  try {
    std::istringstream in(body);
    form.read(in);
  } catch (const Poco::Exception& e) {
    throw AlipayError("not a form: " + e.message());
  }
  Params params;
  for (const auto& [name, value] : form) {
    if (name.empty()) throw AlipayError("not a form: a field has no name");
    if (!params.emplace(name, value).second) throw AlipayError("not a form: field '" + name + "' is given twice");
  }
  return params;
}

}  // namespace paynext::core::payments::alipay
