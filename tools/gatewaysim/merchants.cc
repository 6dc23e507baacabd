#include "tools/gatewaysim/merchants.h"

namespace paynext::tools::gatewaysim {

std::optional<Merchant> parseMerchant(const std::string& spec) {
  const auto first = spec.find(':');
  if (first == std::string::npos) return std::nullopt;
  const auto second = spec.find(':', first + 1);
  if (second == std::string::npos) return std::nullopt;
  Merchant m;
  m.mchId = spec.substr(0, first);
  m.appId = spec.substr(first + 1, second - first - 1);
  m.apiKey = spec.substr(second + 1);
  if (m.mchId.empty() || m.appId.empty() || m.apiKey.empty()) return std::nullopt;
  return m;
}

}  // namespace paynext::tools::gatewaysim
