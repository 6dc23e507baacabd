#pragma once
#include <cstdint>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "jd_settings.h"

namespace paynext::plugins::jdjingli {

// jdjingli_settings: one row per factory, the defaults until an admin saves one.
class SettingsStore {
 public:
  SettingsStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  JdSettings get();
  JdSettings save(const JdSettings& settings);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::jdjingli
