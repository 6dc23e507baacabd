#pragma once
#include <cstdint>

#include <Poco/Data/Session.h>

#include "settings.h"

namespace paynext::plugins::blindbox {

// blindbox_settings of one factory (one row at most).
class SettingsStore {
 public:
  SettingsStore(Poco::Data::Session& session, std::int64_t factoryId) : session_(session), factoryId_(factoryId) {}

  // The saved settings, or the defaults before an admin saves any.
  Settings findOrDefault();
  void save(const Settings& settings);  // inside the caller's transaction

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
};

}  // namespace paynext::plugins::blindbox
