#pragma once
#include <cstddef>
#include <string>

namespace paynext::core {

// UTF-8 characters in text (bytes that do not continue a character): the
// unit channels count their field limits in.
inline std::size_t utf8Characters(const std::string& text) {
  std::size_t count = 0;
  for (const unsigned char c : text) count += (c & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

}  // namespace paynext::core
