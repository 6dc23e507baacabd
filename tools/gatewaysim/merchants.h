#pragma once
#include <map>
#include <optional>
#include <string>

namespace paynext::tools::gatewaysim {

// A merchant the simulator accepts, from --merchant=MCHID:APPID:APIKEY.
struct Merchant {
  std::string mchId;
  std::string appId;
  std::string apiKey;
};

// By mch_id. Filled at start-up, read-only afterwards.
using Merchants = std::map<std::string, Merchant>;

// nullopt unless the spec has three non-empty parts (the key may hold ':').
std::optional<Merchant> parseMerchant(const std::string& spec);

}  // namespace paynext::tools::gatewaysim
