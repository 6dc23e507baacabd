#include "tools/gatewaysim/json_text.h"

#include <cstdio>
#include <sstream>

namespace paynext::tools::gatewaysim {

std::string jsonQuote(const std::string& value) {
  std::string out = "\"";
  for (const char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string stringify(const Poco::JSON::Object& json) {
  std::ostringstream out;
  json.stringify(out);
  return out.str();
}

JsonText& JsonText::add(const std::string& key, const std::string& value) { return addRaw(key, jsonQuote(value)); }

JsonText& JsonText::addRaw(const std::string& key, const std::string& json) {
  if (!members_.empty()) members_ += ',';
  members_ += jsonQuote(key) + ":" + json;
  return *this;
}

}  // namespace paynext::tools::gatewaysim
