#pragma once
#include <string>

namespace paynext::core::actions {

// The nextAction types of the API工厂 document (0–23), so a refusal can name
// a known type whose plugin is not installed. Empty for other codes.
std::string documentedActionTitle(int type);

}  // namespace paynext::core::actions
