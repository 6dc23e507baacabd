#pragma once
#include <cstddef>
#include <string>

namespace paynext::sdk {

// What of an outside service's answer may be shown to admins (a step's error,
// a module's error text): at most maxBytes of it, whole UTF-8 characters only,
// control characters and bytes that are not valid UTF-8 each replaced by '?'.
// The far side's words stay readable; it cannot inject markup-breaking control
// bytes or dump a page of internal data into an error.
inline std::string replyExcerpt(const std::string& text, std::size_t maxBytes = 200) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool valid = length != 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    }
    // Overlong forms and C1 controls (U+0080..U+009F) are not shown either.
    if (valid && length == 2 && (c < 0xC2 || (c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0))) {
      valid = false;
    }
    if (valid && length == 1 && (c < 0x20 || c == 0x7F)) valid = false;
    const std::size_t take = valid ? length : 1;
    if (out.size() + (valid ? length : 1) > maxBytes) break;
    if (valid) out.append(text, i, length);
    else out += '?';
    i += take;
  }
  return out;
}

}  // namespace paynext::sdk
