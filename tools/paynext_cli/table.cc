#include "tools/paynext_cli/table.h"

#include <algorithm>
#include <sstream>

#include <Poco/JSON/Stringifier.h>
#include <Poco/TextIterator.h>
#include <Poco/UTF8Encoding.h>

namespace paynext::cli {

namespace {

// The wide ranges of Unicode's East Asian Width (W and F) that matter here:
// Hangul Jamo, CJK and Kana, Hangul syllables, compatibility ideographs,
// full-width forms and the supplementary ideograph planes.
bool isWide(int cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

}  // namespace

std::size_t displayWidth(const std::string& utf8) {
  Poco::UTF8Encoding encoding;
  std::size_t width = 0;
  for (Poco::TextIterator it(utf8, encoding), end(utf8); it != end; ++it) width += isWide(*it) ? 2 : 1;
  return width;
}

std::string cellText(const Poco::Dynamic::Var& value) {
  if (value.isEmpty()) return "-";
  if (value.type() == typeid(bool)) return value.extract<bool>() ? "yes" : "no";
  std::string text;
  if (value.isString() || value.isNumeric()) {
    text = value.toString();
  } else {  // objects and arrays as compact JSON
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(value, out);
    text = out.str();
  }
  // A line break or tab inside a cell would break the columns.
  std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return text;
}

Table::Table(std::vector<std::string> header) { rows_.push_back(std::move(header)); }

void Table::addRow(std::vector<std::string> row) {
  row.resize(rows_.front().size());
  rows_.push_back(std::move(row));
}

void Table::print(std::ostream& out) const {
  std::vector<std::size_t> widths(rows_.front().size(), 0);
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], displayWidth(row[c]));
  }
  for (const auto& row : rows_) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line.append(widths[c] - displayWidth(row[c]) + 2, ' ');
    }
    // The last cell is not padded; an empty one leaves separator spaces.
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
  }
}

}  // namespace paynext::cli
