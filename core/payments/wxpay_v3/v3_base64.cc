#include "core/payments/wxpay_v3/v3_base64.h"

#include <sstream>

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>
#include <Poco/StreamCopier.h>

namespace paynext::core::payments::wxpay_v3 {

std::string base64Encode(const std::string& data) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);  // Poco wraps at 72 columns by default
  encoder << data;
  encoder.close();
  return out.str();
}

std::optional<std::string> base64Decode(const std::string& text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string data;
  try {
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    Poco::StreamCopier::copyToString(decoder, data);
  } catch (const Poco::Exception&) {
    return std::nullopt;
  }
  // Poco skips whitespace and tolerates stray padding; the round trip refuses both.
  if (base64Encode(data) != text) return std::nullopt;
  return data;
}

}  // namespace paynext::core::payments::wxpay_v3
