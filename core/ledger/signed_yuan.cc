#include "core/ledger/signed_yuan.h"

namespace paynext::core::ledger {

std::optional<sdk::Fen> parseSignedYuan(std::string_view text) {
  if (text.size() < 2 || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  // parseYuan refuses a second sign, so "+-1" and "--1" fail here too.
  const auto fen = sdk::parseYuan(text.substr(1));
  if (!fen) return std::nullopt;
  return text[0] == '-' ? -*fen : *fen;
}

}  // namespace paynext::core::ledger
