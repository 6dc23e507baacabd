#include "core/actions/next_action_parser.h"

#include <algorithm>
#include <set>

#include <Poco/Exception.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberFormatter.h>
#include <Poco/NumberParser.h>
#include <Poco/UTF8Encoding.h>

#include "core/actions/next_action_error.h"

namespace paynext::core::actions {

namespace {

const std::string kInvalid = "nextAction 不是有效的 JSON: ";

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isHex(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
// Unquoted keys are JavaScript-like identifiers, ASCII only.
bool isWordChar(char c) {
  return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}

// Length of the well-formed UTF-8 sequence at text[pos], 0 when it is not one.
std::size_t utf8Length(const std::string& text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (pos + n > text.size()) return 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data() + pos);
  return Poco::UTF8Encoding::isLegal(bytes, static_cast<int>(n)) ? n : 0;
}

void appendUtf8(std::string& out, int codePoint) {
  unsigned char bytes[4];
  const int n = Poco::UTF8Encoding().convert(codePoint, bytes, sizeof bytes);
  out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(n));
}

// Writes value as a strict JSON string: only quote, backslash and control
// characters are escaped, UTF-8 passes through as is.
void appendJsonString(std::string& out, const std::string& value) {
  out += '"';
  for (const char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\\u00";
          out += Poco::NumberFormatter::formatHex(static_cast<unsigned>(c), 2);
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

std::string tooDeep(const NextActionLimits& limits) {
  return "nextAction 嵌套过深(最多 " + std::to_string(limits.maxDepth) + " 层)";
}

std::string tooManySteps(const NextActionLimits& limits) {
  return "nextAction 步骤过多(最多 " + std::to_string(limits.maxSteps) + " 步)";
}

std::string notObject() { return "nextAction 必须是 JSON 对象"; }

// One top-level value read by RelaxedReader.
struct TopValue {
  bool isObject = false;
  bool isString = false;
  std::string json;     // the value as strict JSON (not kept for a string)
  std::string content;  // the decoded text of a string
};

// Reads one value in the documents' relaxed form (a superset of JSON) and
// writes it out as strict JSON for Poco's parser. It checks everything itself
// so that every refusal carries a precise Chinese message and a position.
class RelaxedReader {
 public:
  RelaxedReader(const std::string& text, const NextActionLimits& limits) : in_(text), limits_(limits) {}

  TopValue read() {
    TopValue top;
    skipSpace();
    if (atEnd()) fail("内容为空");
    const char first = in_[pos_];
    if (first == '"' || first == '\'') {
      top.isString = true;
      top.content = readString();
    } else {
      top.isObject = first == '{';
      value(1, 1, true, "值");
    }
    skipSpace();
    if (!atEnd()) fail(at(pos_) + "有多余的内容 " + describe(pos_));
    top.json = std::move(out_);
    return top;
  }

 private:
  bool atEnd() const { return pos_ >= in_.size(); }
  char peek() const { return in_[pos_]; }

  void skipSpace() {
    while (!atEnd() && isSpace(peek())) ++pos_;
  }

  [[noreturn]] void fail(const std::string& detail) const { throw NextActionError(kInvalid + detail); }

  // "第 N 个字符处", N counting UTF-8 characters from 1.
  std::string at(std::size_t pos) const {
    const std::size_t chars = static_cast<std::size_t>(std::count_if(
        in_.begin(), in_.begin() + static_cast<std::ptrdiff_t>(pos),
        [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    return "第 " + std::to_string(chars + 1) + " 个字符处";
  }

  // What stands at pos, for a message: a whole word (so a placeholder such as
  // 消费金额 shows in full, up to 16 characters), or one character.
  std::string describe(std::size_t pos) const {
    const auto c = static_cast<unsigned char>(in_[pos]);
    const std::string hex = Poco::NumberFormatter::formatHex(static_cast<unsigned>(c), 2);
    if (c < 0x20 || c == 0x7F) return "控制字符 U+00" + hex;
    if (utf8Length(in_, pos) == 0) return "无效的 UTF-8 字节 0x" + hex;
    const bool ascii = isWordChar(in_[pos]);
    std::size_t end = pos + utf8Length(in_, pos);
    if (ascii || isLetter(pos)) {
      for (int chars = 1; end < in_.size() && chars < 16; ++chars) {
        if (ascii ? !isWordChar(in_[end]) : !isLetter(end)) break;
        end += utf8Length(in_, end);
      }
    }
    const bool cut = end < in_.size() && (ascii ? isWordChar(in_[end]) : isLetter(end));
    return "'" + in_.substr(pos, end - pos) + (cut ? "…'" : "'");
  }

  // A non-ASCII character that is not CJK punctuation or a full-width form
  // (those, such as a full-width '，' typed for ',', show alone).
  bool isLetter(std::size_t pos) const {
    const std::size_t n = utf8Length(in_, pos);
    if (n < 2) return false;
    const auto b0 = static_cast<unsigned char>(in_[pos]);
    const auto b1 = static_cast<unsigned char>(in_[pos + 1]);
    return !(n == 3 && ((b0 == 0xE3 && b1 == 0x80) || (b0 == 0xEF && b1 >= 0xBC)));
  }

  // A space between Chinese and ASCII text, as in "应为 ':'" but "应为值".
  static std::string spaced(const std::string& text) {
    return static_cast<unsigned char>(text[0]) < 0x80 ? " " + text : text;
  }

  [[noreturn]] void failExpected(const std::string& expected) const {
    if (atEnd()) fail("内容意外结束,应为" + spaced(expected));
    fail(at(pos_) + "应为" + spaced(expected) + ",实际是 " + describe(pos_));
  }

  // A container at depth > maxDepth is refused before it is read.
  void enter(int depth) const {
    if (depth > limits_.maxDepth) throw NextActionError(tooDeep(limits_));
  }

  // isStep: the value is a chain step (the top level, or a step's nextAction).
  void value(int depth, int step, bool isStep, const std::string& expected) {
    skipSpace();
    if (atEnd()) failExpected(expected);
    const char c = peek();
    if (c == '{') {
      object(depth, step, isStep);
    } else if (c == '[') {
      array(depth, step);
    } else if (c == '"' || c == '\'') {
      appendJsonString(out_, readString());
    } else if (c == '-' || isDigit(c)) {
      number();
    } else if (isWordChar(c)) {
      const std::size_t start = pos_;
      while (!atEnd() && isWordChar(peek())) ++pos_;
      const std::string word = in_.substr(start, pos_ - start);
      if (word != "true" && word != "false" && word != "null") {
        pos_ = start;
        failExpected(expected);
      }
      out_ += word;
    } else {
      failExpected(expected);
    }
  }

  void object(int depth, int step, bool isStep) {
    enter(depth);
    ++pos_;
    out_ += '{';
    std::set<std::string> keys;
    bool first = true;
    skipSpace();
    for (;;) {
      if (atEnd()) failExpected("键名或 '}'");
      if (peek() == '}') break;
      const std::size_t keyAt = pos_;
      const std::string key = readKey();
      if (!keys.insert(key).second) fail(at(keyAt) + "的键 \"" + key + "\" 重复");
      if (!first) out_ += ',';
      first = false;
      appendJsonString(out_, key);
      skipSpace();
      if (atEnd() || peek() != ':') failExpected("':'");
      ++pos_;
      out_ += ':';
      skipSpace();
      if (isStep && key == "nextAction" && !atEnd() && peek() == '{') {
        // The next step of the chain: its own depth count starts again.
        if (step >= limits_.maxSteps) throw NextActionError(tooManySteps(limits_));
        value(1, step + 1, true, "值");
      } else {
        value(depth + 1, step, false, "值");
      }
      skipSpace();
      if (!atEnd() && peek() == ',') {
        ++pos_;
        skipSpace();
        continue;  // a trailing comma is allowed, as in the documents
      }
      if (atEnd() || peek() != '}') failExpected("',' 或 '}'");
    }
    ++pos_;
    out_ += '}';
  }

  void array(int depth, int step) {
    enter(depth);
    ++pos_;
    out_ += '[';
    bool first = true;
    skipSpace();
    for (;;) {
      if (atEnd()) failExpected("值或 ']'");
      if (peek() == ']') break;
      if (!first) out_ += ',';
      first = false;
      value(depth + 1, step, false, "值或 ']'");
      skipSpace();
      if (!atEnd() && peek() == ',') {
        ++pos_;
        skipSpace();
        continue;
      }
      if (atEnd() || peek() != ']') failExpected("',' 或 ']'");
    }
    ++pos_;
    out_ += ']';
  }

  std::string readKey() {
    if (peek() == '"' || peek() == '\'') return readString();
    if (!isWordChar(peek())) failExpected("键名或 '}'");
    const std::size_t start = pos_;
    while (!atEnd() && isWordChar(peek())) ++pos_;
    return in_.substr(start, pos_ - start);
  }

  // Reads a double- or single-quoted string at pos_, returns its decoded text.
  std::string readString() {
    const std::size_t start = pos_;
    const char quote = in_[pos_++];
    std::string text;
    for (;;) {
      if (atEnd()) fail(at(start) + "开始的字符串缺少结束引号");
      const auto c = static_cast<unsigned char>(peek());
      if (c == static_cast<unsigned char>(quote)) {
        ++pos_;
        return text;
      }
      if (c == '\\') {
        readEscape(start, text);
      } else if (c < 0x20) {
        fail(at(pos_) + "的字符串含有未转义的控制字符");
      } else {
        const std::size_t n = utf8Length(in_, pos_);
        if (n == 0) fail(at(pos_) + "含有无效的 UTF-8 编码");
        text.append(in_, pos_, n);
        pos_ += n;
      }
    }
  }

  void readEscape(std::size_t stringStart, std::string& text) {
    const std::size_t escapeAt = pos_++;
    if (atEnd()) fail(at(stringStart) + "开始的字符串缺少结束引号");
    const char c = in_[pos_++];
    switch (c) {
      case '"': case '\'': case '\\': case '/': text += c; return;
      case 'b': text += '\b'; return;
      case 'f': text += '\f'; return;
      case 'n': text += '\n'; return;
      case 'r': text += '\r'; return;
      case 't': text += '\t'; return;
      case 'u': break;
      default: fail(at(escapeAt) + "的转义序列无效");
    }
    int codePoint = readHex4(escapeAt);
    if (codePoint >= 0xDC00 && codePoint <= 0xDFFF) fail(at(escapeAt) + "的转义序列无效");
    if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
      // A character outside the BMP is written as a surrogate pair.
      if (in_.compare(pos_, 2, "\\u") != 0) fail(at(escapeAt) + "的转义序列无效");
      pos_ += 2;
      const int low = readHex4(escapeAt);
      if (low < 0xDC00 || low > 0xDFFF) fail(at(escapeAt) + "的转义序列无效");
      codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
    }
    // A NUL would be cut off or refused further on (C strings, PostgreSQL text).
    if (codePoint == 0) fail(at(escapeAt) + "的字符串含有空字符 \\u0000");
    appendUtf8(text, codePoint);
  }

  int readHex4(std::size_t escapeAt) {
    if (pos_ + 4 > in_.size() || !std::all_of(in_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                              in_.begin() + static_cast<std::ptrdiff_t>(pos_ + 4), isHex)) {
      fail(at(escapeAt) + "的转义序列无效");
    }
    const unsigned value = Poco::NumberParser::parseHex(in_.substr(pos_, 4));
    pos_ += 4;
    return static_cast<int>(value);
  }

  // Strict JSON numbers only; the range is what Poco's parser can hold.
  void number() {
    const std::size_t start = pos_;
    const auto digits = [this] {
      const std::size_t from = pos_;
      while (!atEnd() && isDigit(peek())) ++pos_;
      return pos_ > from;
    };
    bool ok = true;
    bool integer = true;
    if (peek() == '-') ++pos_;
    if (!atEnd() && peek() == '0') {
      ++pos_;
    } else {
      ok = digits();
    }
    if (ok && !atEnd() && peek() == '.') {
      ++pos_;
      integer = false;
      ok = digits();
    }
    if (ok && !atEnd() && (peek() == 'e' || peek() == 'E')) {
      ++pos_;
      integer = false;
      if (!atEnd() && (peek() == '+' || peek() == '-')) ++pos_;
      ok = digits();
    }
    if (!ok || (!atEnd() && (isWordChar(peek()) || peek() == '.'))) fail(at(start) + "的数字格式不正确");
    const std::string text = in_.substr(start, pos_ - start);
    Poco::Int64 i;
    Poco::UInt64 u;
    double d;
    using Poco::NumberParser;
    const bool inRange = integer ? NumberParser::tryParse64(text, i) || NumberParser::tryParseUnsigned64(text, u)
                                 : NumberParser::tryParseFloat(text, d);
    if (!inRange) fail(at(start) + "的数字超出范围");
    out_ += text;
  }

  const std::string& in_;
  const NextActionLimits& limits_;
  std::size_t pos_ = 0;
  std::string out_;
};

}  // namespace

Poco::JSON::Object::Ptr parseNextAction(const std::string& text, const NextActionLimits& limits) {
  if (text.size() > limits.maxBytes) {
    throw NextActionError("nextAction 过长(最多 " + std::to_string(limits.maxBytes) + " 字节)");
  }
  TopValue top = RelaxedReader(text, limits).read();
  if (top.isString) {
    // Mobile clients send the object as a string field: unwrap once.
    top = RelaxedReader(top.content, limits).read();
  }
  if (!top.isObject) throw NextActionError(notObject());

  // The reader has bounded the nesting already (per step); Poco's own limit
  // must only be high enough never to refuse what the reader accepted.
  const auto depthBound = static_cast<std::size_t>(std::max(limits.maxDepth, 1)) *
                              static_cast<std::size_t>(std::max(limits.maxSteps, 1)) + 1;
  Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
  parser.setDepth(depthBound);
  try {
    return parser.parse(top.json).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    throw NextActionError(kInvalid + e.displayText());
  }
}

}  // namespace paynext::core::actions
