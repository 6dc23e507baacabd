#include "core/app/setting_values.h"

#include <Poco/Exception.h>

namespace paynext::core::app {

std::size_t positiveSetting(const Poco::Util::AbstractConfiguration& c, const std::string& key, std::size_t fallback) {
  const Poco::Int64 value = c.getInt64(key, static_cast<Poco::Int64>(fallback));
  if (value <= 0) throw Poco::InvalidArgumentException(key + " must be a positive number");
  return static_cast<std::size_t>(value);
}

}  // namespace paynext::core::app
