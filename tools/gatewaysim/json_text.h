#pragma once
// A flat JSON object of string members written in the order they are added,
// with UTF-8 left as is. Alipay signs the exact text of its response nodes,
// so the simulator writes them itself rather than through Poco::JSON (which
// sorts keys and escapes '/').
#include <string>

#include <Poco/JSON/Object.h>

namespace paynext::tools::gatewaysim {

// json's text as Poco writes it (the control APIs' and WeChat's JSON).
std::string stringify(const Poco::JSON::Object& json);

// value as a JSON string literal, quotes included.
std::string jsonQuote(const std::string& value);

class JsonText {
 public:
  JsonText& add(const std::string& key, const std::string& value);
  // Adds raw JSON text (an object written elsewhere) as the member's value.
  JsonText& addRaw(const std::string& key, const std::string& json);
  std::string text() const { return "{" + members_ + "}"; }

 private:
  std::string members_;
};

}  // namespace paynext::tools::gatewaysim
