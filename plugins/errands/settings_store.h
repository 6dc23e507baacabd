#pragma once
#include <cstdint>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "settings.h"

namespace paynext::plugins::errands {

// errands_settings: one row per factory, absent until its admins save one.
class SettingsStore {
 public:
  SettingsStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  Settings get();  // the defaults when none are saved
  void save(const Settings& settings);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::errands
