#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::deposit {

inline const std::string kFrozen = "FROZEN";

// A deposit (押金): money moved from the user's balance to frozen.
struct Deposit {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  sdk::Fen amount = 0;
  std::string refCode;  // 业务编号, may be empty
  std::string remark;
  std::string extJson;  // 扩展属性 as JSON text, may be empty
  std::string status;   // kFrozen
  std::string reference;  // the ledger reference of the freeze
  std::int64_t createdAt = 0;  // epoch ms
};

// The deposit as the mobile API answers it: amount in yuan, extJsonStr as text.
Poco::JSON::Object::Ptr toJson(const Deposit& deposit);

}  // namespace paynext::plugins::deposit
