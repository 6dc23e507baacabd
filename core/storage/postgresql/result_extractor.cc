#include "core/storage/postgresql/result_extractor.h"

#include <Poco/DateTimeParser.h>
#include <Poco/Exception.h>
#include <Poco/NumberParser.h>

namespace paynext::core::storage::postgresql {

namespace pg = Poco::Data::PostgreSQL;
using Poco::NumberParser;

const char* ResultExtractor::text(std::size_t pos) const {
  const pg::OutputParameter& value = executor_.value(pos);
  return value.isNull() ? nullptr : value.pData();
}

// Parses into Wide (what NumberParser offers) and narrows to T.
template <typename Wide, typename T, typename Parse>
bool ResultExtractor::number(std::size_t pos, T& val, Parse parse) {
  const char* value = text(pos);
  Wide wide{};
  if (!value || !parse(value, wide)) return false;
  val = static_cast<T>(wide);
  return true;
}

namespace {

bool parseInt(const char* s, int& v) { return NumberParser::tryParse(s, v); }
bool parseUnsigned(const char* s, unsigned& v) { return NumberParser::tryParseUnsigned(s, v); }
bool parseInt64(const char* s, Poco::Int64& v) { return NumberParser::tryParse64(s, v); }
bool parseUnsigned64(const char* s, Poco::UInt64& v) { return NumberParser::tryParseUnsigned64(s, v); }
bool parseDouble(const char* s, double& v) { return NumberParser::tryParseFloat(s, v); }

// A timestamp or date in the server's ISO output, made UTC.
bool parseDateTime(const char* s, Poco::DateTime& out) {
  int tzd = 0;
  if (!Poco::DateTimeParser::tryParse(s, out, tzd)) return false;
  out.makeUTC(tzd);
  return true;
}

}  // namespace

bool ResultExtractor::extract(std::size_t pos, Poco::Int8& val) { return number<int>(pos, val, parseInt); }
bool ResultExtractor::extract(std::size_t pos, Poco::UInt8& val) { return number<unsigned>(pos, val, parseUnsigned); }
bool ResultExtractor::extract(std::size_t pos, Poco::Int16& val) { return number<int>(pos, val, parseInt); }
bool ResultExtractor::extract(std::size_t pos, Poco::UInt16& val) { return number<unsigned>(pos, val, parseUnsigned); }
bool ResultExtractor::extract(std::size_t pos, Poco::Int32& val) { return number<int>(pos, val, parseInt); }
bool ResultExtractor::extract(std::size_t pos, Poco::UInt32& val) { return number<unsigned>(pos, val, parseUnsigned); }
bool ResultExtractor::extract(std::size_t pos, Poco::Int64& val) { return number<Poco::Int64>(pos, val, parseInt64); }
bool ResultExtractor::extract(std::size_t pos, Poco::UInt64& val) {
  return number<Poco::UInt64>(pos, val, parseUnsigned64);
}
#ifndef POCO_INT64_IS_LONG
bool ResultExtractor::extract(std::size_t pos, long& val) { return number<Poco::Int64>(pos, val, parseInt64); }
bool ResultExtractor::extract(std::size_t pos, unsigned long& val) {
  return number<Poco::UInt64>(pos, val, parseUnsigned64);
}
#endif
bool ResultExtractor::extract(std::size_t pos, float& val) { return number<double>(pos, val, parseDouble); }
bool ResultExtractor::extract(std::size_t pos, double& val) { return number<double>(pos, val, parseDouble); }

bool ResultExtractor::extract(std::size_t pos, bool& val) {
  const char* value = text(pos);
  if (!value) return false;
  val = *value == 't';
  return true;
}

bool ResultExtractor::extract(std::size_t pos, char& val) {
  const char* value = text(pos);
  if (!value) return false;
  val = *value;
  return true;
}

bool ResultExtractor::extract(std::size_t pos, std::string& val) {
  const char* value = text(pos);
  if (!value) return false;
  val.assign(value, executor_.value(pos).size());
  return true;
}

bool ResultExtractor::extract(std::size_t pos, Poco::Data::CLOB& val) {
  const char* value = text(pos);
  if (!value) return false;
  val.assignRaw(value, executor_.value(pos).size());
  return true;
}

bool ResultExtractor::extract(std::size_t pos, Poco::Data::BLOB& val) {
  const char* value = text(pos);
  if (!value) return false;
  // bytea's text form: "\x" and two hex digits a byte.
  std::size_t size = 0;
  unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(value), &size);
  if (!bytes) throw Poco::DataFormatException("bytea value not understood");
  val = Poco::Data::BLOB(bytes, size);
  PQfreemem(bytes);
  return true;
}

bool ResultExtractor::extract(std::size_t pos, Poco::DateTime& val) {
  const char* value = text(pos);
  return value && parseDateTime(value, val);
}

bool ResultExtractor::extract(std::size_t pos, Poco::Data::Date& val) {
  const char* value = text(pos);
  Poco::DateTime at;
  if (!value || !parseDateTime(value, at)) return false;
  val.assign(at.year(), at.month(), at.day());
  return true;
}

bool ResultExtractor::extract(std::size_t pos, Poco::Data::Time& val) {
  const char* value = text(pos);
  Poco::DateTime at;
  int tzd = 0;
  if (!value || !Poco::DateTimeParser::tryParse("%H:%M:%s%z", value, at, tzd)) return false;
  val.assign(at.hour(), at.minute(), at.second());
  return true;
}

bool ResultExtractor::extract(std::size_t pos, Poco::UUID& val) {
  const char* value = text(pos);
  return value && val.tryParse(value);
}

bool ResultExtractor::extract(std::size_t, Poco::Any&) {
  throw Poco::NotImplementedException("PostgreSQL values are not extracted into Poco::Any");
}

// What RecordSet reads: the column's own type (an integer column gives an
// Int64, text a CLOB as Poco's connector does), so JSON keeps the types.
bool ResultExtractor::extract(std::size_t pos, Poco::Dynamic::Var& val) {
  const char* value = text(pos);
  if (!value) return false;
  switch (executor_.value(pos).internalFieldType()) {
    case pg::BOOLOID:
      val = *value == 't';
      return true;
    case pg::INT2OID:
    case pg::INT4OID:
    case pg::INT8OID: {
      Poco::Int64 n = 0;
      if (!parseInt64(value, n)) return false;
      val = n;
      return true;
    }
    case pg::FLOAT4OID:
    case pg::FLOAT8OID:
    case pg::NUMERICOID: {
      double d = 0;
      if (!parseDouble(value, d)) return false;
      val = d;
      return true;
    }
    case pg::TEXTOID: {
      Poco::Data::CLOB clob;
      extract(pos, clob);
      val = clob;
      return true;
    }
    case pg::BYTEAOID: {
      Poco::Data::BLOB blob;
      extract(pos, blob);
      val = blob;
      return true;
    }
    case pg::TIMESTAMPOID:
    case pg::TIMESTAMPZOID: {
      Poco::DateTime at;
      if (!parseDateTime(value, at)) return false;
      val = at;
      return true;
    }
    default:
      val = std::string(value, executor_.value(pos).size());
      return true;
  }
}

bool ResultExtractor::isNull(std::size_t col, std::size_t) { return executor_.value(col).isNull(); }

}  // namespace paynext::core::storage::postgresql
