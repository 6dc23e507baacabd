#pragma once
// Standard base64 (RFC 4648, padded, one line) as API v3 uses it for
// signatures and ciphertexts.
#include <optional>
#include <string>

namespace paynext::core::payments::wxpay_v3 {

std::string base64Encode(const std::string& data);

// nullopt unless `text` is canonical padded base64 without line breaks, so a
// value has exactly one accepted spelling.
std::optional<std::string> base64Decode(const std::string& text);

}  // namespace paynext::core::payments::wxpay_v3
