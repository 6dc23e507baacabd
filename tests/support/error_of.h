#pragma once
#include <functional>
#include <string>

namespace paynext::testing {

// What `call` throws as an E, or "no error": one line to assert a refusal's words.
template <typename E>
std::string errorOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const E& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace paynext::testing
