#pragma once
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include <Poco/Dynamic/Var.h>

namespace paynext::cli {

// Plain aligned columns under a header row, the one output shape of every
// command. Widths are terminal columns, not bytes: East Asian wide
// characters (汉字, full-width forms) take two, so Chinese titles line up.
class Table {
 public:
  explicit Table(std::vector<std::string> header);

  void addRow(std::vector<std::string> row);
  bool empty() const { return rows_.size() == 1; }
  void print(std::ostream& out) const;

 private:
  std::vector<std::vector<std::string>> rows_;  // the header first
};

// Terminal columns UTF-8 text takes; invalid bytes count one each.
std::size_t displayWidth(const std::string& utf8);

// A JSON value as a cell: "-" for null, yes/no for booleans, on one line.
std::string cellText(const Poco::Dynamic::Var& value);

}  // namespace paynext::cli
