#pragma once
// The promise of requestParams and parseJsonObject, checked independently of
// their own check: every name and text in the result is UTF-8. glibc's
// C.UTF-8 decoder (mbrtowc) is the judge.
#include <clocale>
#include <cstdlib>
#include <cwchar>
#include <string>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

namespace paynext::fuzz {

inline bool decodesAsUtf8(const std::string& text) {
  static const locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", nullptr);
  if (utf8 == nullptr) std::abort();  // no judge: fail loudly rather than pass
  const locale_t previous = uselocale(utf8);
  std::mbstate_t state{};
  bool ok = true;
  for (std::size_t i = 0; ok && i < text.size();) {
    wchar_t c;
    const std::size_t n = std::mbrtowc(&c, text.data() + i, text.size() - i, &state);
    ok = n != static_cast<std::size_t>(-1) && n != static_cast<std::size_t>(-2);
    i += n == 0 ? 1 : n;  // 0: a NUL, one byte
  }
  uselocale(previous);
  return ok;
}

// Aborts (the fuzzer's crash) on a name or text that is not UTF-8.
inline void requireUtf8(const Poco::Dynamic::Var& value) {
  if (value.type() == typeid(std::string)) {
    if (!decodesAsUtf8(value.extract<std::string>())) std::abort();
  } else if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
    for (const auto& [name, inner] : *value.extract<Poco::JSON::Object::Ptr>()) {
      if (!decodesAsUtf8(name)) std::abort();
      requireUtf8(inner);
    }
  } else if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
    for (const auto& inner : *value.extract<Poco::JSON::Array::Ptr>()) requireUtf8(inner);
  }
}

}  // namespace paynext::fuzz
