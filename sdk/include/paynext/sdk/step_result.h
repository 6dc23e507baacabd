#pragma once
#include <string>
#include <utility>

#include <Poco/JSON/Object.h>

namespace paynext::sdk {

// What one execution of a chain step came to. Only Done commits the step's
// effects; Retry and Fail roll them back and record the reason.
struct StepResult {
  enum class Status { Done, Retry, Fail };

  Status status = Status::Done;
  std::string reason;
  Poco::JSON::Object::Ptr result;  // optional details shown to admins

  static StepResult done(Poco::JSON::Object::Ptr result = nullptr) {
    return {Status::Done, {}, std::move(result)};
  }
  static StepResult retry(std::string reason) { return {Status::Retry, std::move(reason), nullptr}; }
  static StepResult fail(std::string reason) { return {Status::Fail, std::move(reason), nullptr}; }
};

}  // namespace paynext::sdk
