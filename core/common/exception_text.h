#pragma once
#include <exception>
#include <string>

#include <Poco/Exception.h>

namespace paynext::core {

// What to log for an exception: a Poco exception's what() is only its class
// name ("PostgreSQL"); its displayText() says what failed.
inline std::string exceptionText(const std::exception& e) {
  const auto* poco = dynamic_cast<const Poco::Exception*>(&e);
  return poco ? poco->displayText() : std::string(e.what());
}

}  // namespace paynext::core
