#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::deposit {

// A deposit's state: HELD while frozen in the wallet; RELEASED when an admin
// gave it all back to the balance; FORFEITED when an admin kept part or all
// of it (forfeitedAmount, forfeitReason) and gave the rest back.
inline const std::string kHeld = "HELD";
inline const std::string kReleased = "RELEASED";
inline const std::string kForfeited = "FORFEITED";

// A deposit (押金): money moved from the user's balance to frozen.
struct Deposit {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  sdk::Fen amount = 0;
  std::string refCode;  // 业务编号, may be empty
  std::string remark;
  std::string extJson;  // 扩展属性 as JSON text, may be empty
  std::string status;   // kHeld, kReleased or kForfeited
  std::string reference;  // the ledger reference of the freeze, and of the release or forfeit
  std::int64_t createdAt = 0;  // epoch ms
  sdk::Fen forfeitedAmount = 0;  // kForfeited only
  std::string forfeitReason;     // kForfeited only
  std::int64_t settledAt = 0;    // epoch ms of the release or forfeit, 0 while held
};

// The deposit as the mobile API answers it: amounts in yuan, extJsonStr as text.
Poco::JSON::Object::Ptr toJson(const Deposit& deposit);
// The same with whose deposit it is and its ledger reference, for admins.
Poco::JSON::Object::Ptr toAdminJson(const Deposit& deposit);

}  // namespace paynext::plugins::deposit
