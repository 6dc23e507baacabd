#pragma once
#include <cstddef>
#include <string>

#include <Poco/Util/AbstractConfiguration.h>

namespace paynext::core::app {

// A setting that must be a positive whole number, `fallback` when absent;
// throws Poco::InvalidArgumentException naming the key otherwise.
std::size_t positiveSetting(const Poco::Util::AbstractConfiguration& c, const std::string& key, std::size_t fallback);

}  // namespace paynext::core::app
