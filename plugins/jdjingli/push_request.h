#pragma once
#include <string>

#include "paynext/sdk/http_client.h"
#include "paynext/sdk/money.h"

namespace paynext::plugins::jdjingli {

// The body of JD's push, checked:
// {"orderNo":"JD...","amount":"12.50","items":[{"name":..,"quantity":..,"price":..}],"payResultUrl":"https://..."}
struct PushRequest {
  static constexpr std::size_t kMaxOrderNoBytes = 64;
  static constexpr std::size_t kMaxUrlBytes = 1000;
  static constexpr std::size_t kMaxItems = 100;
  static constexpr std::size_t kMaxNameBytes = 200;

  std::string orderNo;
  sdk::Fen amount = 0;
  std::string items;  // the items, re-serialised
  std::string payResultUrl;

  // Parses the exact body JD signed (not the merged params: a query string is
  // not signed). Throws sdk::ParamError naming the field, also for a
  // payResultUrl the host's outbound policy refuses (`http`).
  static PushRequest parse(const std::string& body, sdk::HttpClient& http);
};

}  // namespace paynext::plugins::jdjingli
