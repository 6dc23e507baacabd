#pragma once
#include <cstdint>
#include <optional>

#include <Poco/Data/Session.h>

#include "settings.h"

namespace paynext::plugins::campus {

// campus_settings of one factory.
class SettingsStore {
 public:
  SettingsStore(Poco::Data::Session& session, std::int64_t factoryId) : session_(session), factoryId_(factoryId) {}

  std::optional<Settings> find();
  // The factory's settings, or empty ones when the admin has set none yet.
  Settings findOrDefault() { return find().value_or(Settings{}); }
  void save(const Settings& settings);  // inside the caller's transaction

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
};

}  // namespace paynext::plugins::campus
