#pragma once
#include <stdexcept>
#include <string>
#include <utility>

namespace paynext::core::actions {

// A nextAction that cannot be used. The message is for the app user: Chinese,
// naming what is wrong. field() names the offending field when there is one
// ("type", "nextAction", or a params path such as "postJsonString.product").
class NextActionError : public std::runtime_error {
 public:
  explicit NextActionError(const std::string& message, std::string field = {})
      : std::runtime_error(message), field_(std::move(field)) {}

  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

}  // namespace paynext::core::actions
