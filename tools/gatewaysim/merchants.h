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
  // SHA-256 fingerprint of its API certificate (--merchant-cert): the client
  // certificate /secapi/ calls must present; empty: none configured.
  std::string apiCertFingerprint;
  std::string refundNotifyUrl;  // --merchant-refund-notify: when a refund request has no notify_url
};

// By mch_id. Filled at start-up, read-only afterwards.
using Merchants = std::map<std::string, Merchant>;

// nullopt unless the spec has three non-empty parts (the key may hold ':').
std::optional<Merchant> parseMerchant(const std::string& spec);

}  // namespace paynext::tools::gatewaysim
