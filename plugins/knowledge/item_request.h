#pragma once
#include <optional>

#include <Poco/JSON/Object.h>

#include "item.h"

namespace paynext::plugins::knowledge {

// An item as an admin sends it (POST creates, PUT replaces id):
//   title, summary?, price (yuan, > 0), content, onSale? (true)
// Throws sdk::ParamError naming the field.
Item itemFromParams(const Poco::JSON::Object& params, bool withId);

}  // namespace paynext::plugins::knowledge
