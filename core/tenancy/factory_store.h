#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/expiring_cache.h"
#include "core/crypto/secret_box.h"
#include "core/storage/database.h"
#include "paynext/sdk/system_params.h"

namespace paynext::core::tenancy {

struct Factory {
  std::int64_t id = 0;
  std::string name;
  std::string title;
  bool enabled = true;
};

// A system parameter (系统参数) as admins see it.
struct ConfigEntry {
  std::string value;
  bool isPrivate = false;
};

// Factories (tenants) and what belongs to them: enabled modules, system
// parameters and channel configuration. Throws sdk::Error for bad input.
//
// What every request reads (a factory by name, a module switch, a system
// parameter, a channel's settings) is kept for `cacheTtl` at most: another
// instance's change is in effect here within it, and this instance's own
// changes at once (each setter drops what it may have changed).
class FactoryStore {
 public:
  // Channel settings are sealed with secrets (none: kept as they are).
  explicit FactoryStore(storage::Database& db, crypto::SecretBox secrets = crypto::SecretBox(),
                        std::chrono::milliseconds cacheTtl = std::chrono::milliseconds(0));

  std::optional<Factory> findByName(const std::string& name);
  Factory create(const std::string& name, const std::string& title);
  std::vector<Factory> list();
  void setEnabled(std::int64_t factoryId, bool enabled);

  bool moduleEnabled(std::int64_t factoryId, const std::string& module);
  void setModuleEnabled(std::int64_t factoryId, const std::string& module, bool enabled);

  // Every parameter, private ones included: for admins and {from:"config"}.
  std::optional<std::string> config(std::int64_t factoryId, const std::string& key);
  // What /config/value(s) may answer: none for a private parameter.
  std::optional<std::string> publicConfig(std::int64_t factoryId, const std::string& key);
  std::map<std::string, ConfigEntry> configEntries(std::int64_t factoryId);
  // A new parameter is public unless isPrivate says otherwise; an existing
  // one keeps its mark unless isPrivate is given.
  void setConfig(std::int64_t factoryId, const std::string& key, const std::string& value,
                 std::optional<bool> isPrivate = std::nullopt);
  // False when the key was not set.
  bool deleteConfig(std::int64_t factoryId, const std::string& key);

  // Channel settings are a JSON document per channel, secrets included,
  // sealed at rest when a secrets key is configured.
  std::optional<std::string> channelConfig(std::int64_t factoryId, const std::string& channel);
  void setChannelConfig(std::int64_t factoryId, const std::string& channel, const std::string& json);
  // Seals every channel setting not sealed with the current key (plain text
  // from before a key was set, or an older key's); returns how many.
  std::size_t resealChannelConfigs();

  static bool validName(const std::string& name);

 private:
  using FactoryKey = std::pair<std::int64_t, std::string>;  // a factory's id and a name within it

  std::optional<Factory> loadByName(const std::string& name);
  bool loadModuleEnabled(std::int64_t factoryId, const std::string& module);
  std::optional<std::string> loadChannelConfig(std::int64_t factoryId, const std::string& channel);

  storage::Database& db_;
  crypto::SecretBox secrets_;
  ExpiringCache<std::string, std::optional<Factory>> factories_;
  ExpiringCache<FactoryKey, bool> modules_;
  ExpiringCache<FactoryKey, std::optional<std::string>> config_;
  ExpiringCache<FactoryKey, std::optional<std::string>> channels_;
};

// The factory's system parameters read through a given session, so the
// values a step sees are those of its own transaction.
class SessionSystemParams : public sdk::SystemParams {
 public:
  SessionSystemParams(Poco::Data::Session& session, std::int64_t factoryId)
      : session_(session), factoryId_(factoryId) {}
  std::optional<std::string> get(const std::string& key) const override;

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
};

}  // namespace paynext::core::tenancy
