#pragma once

#include <string>

#include <Poco/Any.h>
#include <Poco/Data/AbstractExtractor.h>
#include <Poco/Data/Date.h>
#include <Poco/Data/LOB.h>
#include <Poco/Data/PostgreSQL/PostgreSQLTypes.h>
#include <Poco/Data/Time.h>
#include <Poco/DateTime.h>
#include <Poco/Dynamic/Var.h>
#include <Poco/UUID.h>

#include "core/storage/postgresql/statement_executor.h"

namespace paynext::core::storage::postgresql {

// Reads the current row's values (PostgreSQL's text format) into what
// Poco::Data's into() and RecordSet ask for, converting as Poco's own
// connector does. Null yields false and leaves the value as it was.
class ResultExtractor : public Poco::Data::AbstractExtractor {
 public:
  explicit ResultExtractor(StatementExecutor& executor) : executor_(executor) {}

  bool extract(std::size_t pos, Poco::Int8& val) override;
  bool extract(std::size_t pos, Poco::UInt8& val) override;
  bool extract(std::size_t pos, Poco::Int16& val) override;
  bool extract(std::size_t pos, Poco::UInt16& val) override;
  bool extract(std::size_t pos, Poco::Int32& val) override;
  bool extract(std::size_t pos, Poco::UInt32& val) override;
  bool extract(std::size_t pos, Poco::Int64& val) override;
  bool extract(std::size_t pos, Poco::UInt64& val) override;
#ifndef POCO_INT64_IS_LONG
  bool extract(std::size_t pos, long& val) override;
  bool extract(std::size_t pos, unsigned long& val) override;
#endif
  bool extract(std::size_t pos, bool& val) override;
  bool extract(std::size_t pos, float& val) override;
  bool extract(std::size_t pos, double& val) override;
  bool extract(std::size_t pos, char& val) override;
  bool extract(std::size_t pos, std::string& val) override;
  bool extract(std::size_t pos, Poco::Data::BLOB& val) override;
  bool extract(std::size_t pos, Poco::Data::CLOB& val) override;
  bool extract(std::size_t pos, Poco::DateTime& val) override;
  bool extract(std::size_t pos, Poco::Data::Date& val) override;
  bool extract(std::size_t pos, Poco::Data::Time& val) override;
  bool extract(std::size_t pos, Poco::UUID& val) override;
  bool extract(std::size_t pos, Poco::Any& val) override;
  bool extract(std::size_t pos, Poco::Dynamic::Var& val) override;
  bool isNull(std::size_t col, std::size_t row) override;

 private:
  // The value at pos, or nullptr when it is NULL.
  const char* text(std::size_t pos) const;
  template <typename Wide, typename T, typename Parse>
  bool number(std::size_t pos, T& val, Parse parse);

  StatementExecutor& executor_;
};

}  // namespace paynext::core::storage::postgresql
