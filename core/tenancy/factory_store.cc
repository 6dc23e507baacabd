#include "core/tenancy/factory_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/RegularExpression.h>

#include "core/common/clock.h"
#include "paynext/sdk/errors.h"

namespace paynext::core::tenancy {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

namespace {
const char* const kReservedNames[] = {"admin", "notify", "healthz", "readyz", "metrics", "static"};
}

FactoryStore::FactoryStore(storage::Database& db, crypto::SecretBox secrets, std::chrono::milliseconds cacheTtl)
    : db_(db), secrets_(std::move(secrets)), factories_(cacheTtl), modules_(cacheTtl), config_(cacheTtl),
      channels_(cacheTtl) {}

bool FactoryStore::validName(const std::string& name) {
  static const Poco::RegularExpression pattern("^[a-z0-9][a-z0-9_-]{0,31}$");
  if (!pattern.match(name)) return false;
  for (const char* reserved : kReservedNames) {
    if (name == reserved) return false;
  }
  return true;
}

std::optional<Factory> FactoryStore::findByName(const std::string& name) {
  // Only found ones are kept: made-up names would fill the cache.
  return factories_.get(
      name, [&] { return loadByName(name); }, [](const std::optional<Factory>& f) { return f.has_value(); });
}

std::optional<Factory> FactoryStore::loadByName(const std::string& name) {
  Session s = db_.session();
  Factory f;
  int enabled = 0;
  std::string n = name;
  s << "SELECT id, name, title, enabled FROM factories WHERE name = $1", use(n), into(f.id), into(f.name),
      into(f.title), into(enabled), now;
  if (f.id == 0) return std::nullopt;
  f.enabled = enabled != 0;
  return f;
}

Factory FactoryStore::create(const std::string& name, const std::string& title) {
  if (!validName(name)) {
    throw sdk::Error(sdk::codes::kBadRequest, "工厂名称只能包含小写字母、数字、- 和 _,最长 32 个字符,且不能是保留名称");
  }
  if (title.empty() || title.size() > 200) throw sdk::Error(sdk::codes::kBadRequest, "工厂标题不能为空且不超过 200 字节");
  const Factory created = db_.transaction([&](Session& s) {
    std::int64_t existing = 0;
    std::string n = name, t = title;
    s << "SELECT COUNT(*) FROM factories WHERE name = $1", use(n), into(existing), now;
    if (existing) throw sdk::Error(409, "工厂 " + name + " 已存在");
    std::int64_t at = nowMs();
    Factory f{0, name, title, true};
    s << "INSERT INTO factories (name, title, enabled, created_at) VALUES ($1, $2, 1, $3) RETURNING id", use(n),
        use(t), use(at), into(f.id), now;
    return f;
  });
  factories_.clear();
  return created;
}

std::vector<Factory> FactoryStore::list() {
  Session s = db_.session();
  std::vector<std::int64_t> ids;
  std::vector<std::string> names, titles;
  std::vector<int> enabled;
  s << "SELECT id, name, title, enabled FROM factories ORDER BY id", into(ids), into(names), into(titles),
      into(enabled), now;
  std::vector<Factory> out;
  for (std::size_t i = 0; i < ids.size(); ++i) out.push_back({ids[i], names[i], titles[i], enabled[i] != 0});
  return out;
}

void FactoryStore::setEnabled(std::int64_t factoryId, bool enabled) {
  db_.transaction([&](Session& s) {
    int e = enabled ? 1 : 0;
    s << "UPDATE factories SET enabled = $1 WHERE id = $2", use(e), use(factoryId), now;
  });
  factories_.clear();
}

bool FactoryStore::moduleEnabled(std::int64_t factoryId, const std::string& module) {
  return modules_.get({factoryId, module}, [&] { return loadModuleEnabled(factoryId, module); });
}

bool FactoryStore::loadModuleEnabled(std::int64_t factoryId, const std::string& module) {
  Session s = db_.session();
  int enabled = 0;
  std::string m = module;
  s << "SELECT enabled FROM factory_modules WHERE factory_id = $1 AND module = $2", use(factoryId), use(m),
      into(enabled), now;
  return enabled != 0;
}

void FactoryStore::setModuleEnabled(std::int64_t factoryId, const std::string& module, bool enabled) {
  db_.transaction([&](Session& s) {
    std::string m = module;
    int e = enabled ? 1 : 0;
    std::int64_t at = nowMs();
    s << "INSERT INTO factory_modules (factory_id, module, enabled, updated_at) VALUES ($1, $2, $3, $4) "
         "ON CONFLICT (factory_id, module) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at",
        use(factoryId), use(m), use(e), use(at), now;
  });
  modules_.clear();
}

std::optional<std::string> FactoryStore::config(std::int64_t factoryId, const std::string& key) {
  return config_.get({factoryId, key}, [&] {
    Session s = db_.session();
    return SessionSystemParams(s, factoryId).get(key);
  });
}

std::optional<std::string> FactoryStore::publicConfig(std::int64_t factoryId, const std::string& key) {
  Session s = db_.session();
  std::vector<std::string> values;
  std::string k = key;
  s << "SELECT value FROM factory_config WHERE factory_id = $1 AND key = $2 AND private = 0", use(factoryId), use(k),
      into(values), now;
  if (values.empty()) return std::nullopt;
  return values.front();
}

std::map<std::string, ConfigEntry> FactoryStore::configEntries(std::int64_t factoryId) {
  Session s = db_.session();
  std::vector<std::string> keys, values;
  std::vector<int> marks;
  s << "SELECT key, value, private FROM factory_config WHERE factory_id = $1 ORDER BY key", use(factoryId),
      into(keys), into(values), into(marks), now;
  std::map<std::string, ConfigEntry> out;
  for (std::size_t i = 0; i < keys.size(); ++i) out[keys[i]] = ConfigEntry{values[i], marks[i] != 0};
  return out;
}

void FactoryStore::setConfig(std::int64_t factoryId, const std::string& key, const std::string& value,
                             std::optional<bool> isPrivate) {
  if (key.empty() || key.size() > 64) throw sdk::Error(sdk::codes::kBadRequest, "参数名不能为空且不超过 64 个字符");
  if (value.size() > 4096) throw sdk::Error(sdk::codes::kBadRequest, "参数值不能超过 4096 字节");
  db_.transaction([&](Session& s) {
    std::string k = key, v = value;
    std::int64_t at = nowMs();
    int mark = isPrivate.value_or(false) ? 1 : 0;
    if (isPrivate) {
      s << "INSERT INTO factory_config (factory_id, key, value, updated_at, private) VALUES ($1, $2, $3, $4, $5) "
           "ON CONFLICT (factory_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, "
           "private = excluded.private",
          use(factoryId), use(k), use(v), use(at), use(mark), now;
    } else {
      s << "INSERT INTO factory_config (factory_id, key, value, updated_at, private) VALUES ($1, $2, $3, $4, 0) "
           "ON CONFLICT (factory_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
          use(factoryId), use(k), use(v), use(at), now;
    }
  });
  config_.clear();
}

bool FactoryStore::deleteConfig(std::int64_t factoryId, const std::string& key) {
  const bool deleted = db_.transaction([&](Session& s) {
    Poco::Data::Statement del(s);
    std::string k = key;
    del << "DELETE FROM factory_config WHERE factory_id = $1 AND key = $2", use(factoryId), use(k);
    return del.execute() == 1;
  });
  config_.clear();
  return deleted;
}

std::optional<std::string> FactoryStore::channelConfig(std::int64_t factoryId, const std::string& channel) {
  return channels_.get({factoryId, channel}, [&] { return loadChannelConfig(factoryId, channel); });
}

std::optional<std::string> FactoryStore::loadChannelConfig(std::int64_t factoryId, const std::string& channel) {
  Session s = db_.session();
  std::vector<std::string> config;
  std::string c = channel;
  s << "SELECT config FROM factory_channels WHERE factory_id = $1 AND channel = $2", use(factoryId), use(c),
      into(config), now;
  if (config.empty()) return std::nullopt;
  return secrets_.open(config.front());
}

void FactoryStore::setChannelConfig(std::int64_t factoryId, const std::string& channel, const std::string& json) {
  db_.transaction([&](Session& s) {
    std::string c = channel, j = secrets_.seal(json);
    std::int64_t at = nowMs();
    s << "INSERT INTO factory_channels (factory_id, channel, config, updated_at) VALUES ($1, $2, $3, $4) "
         "ON CONFLICT (factory_id, channel) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at",
        use(factoryId), use(c), use(j), use(at), now;
  });
  channels_.clear();
}

std::size_t FactoryStore::resealChannelConfigs() {
  // The settings read are the same; only what is stored changes.
  return db_.transaction([&](Session& s) {
    std::vector<std::int64_t> factories;
    std::vector<std::string> channels, configs;
    s << "SELECT factory_id, channel, config FROM factory_channels", into(factories), into(channels), into(configs),
        now;
    std::size_t resealed = 0;
    for (std::size_t i = 0; i < configs.size(); ++i) {
      if (secrets_.current(configs[i])) continue;
      std::string sealed = secrets_.seal(secrets_.open(configs[i]));
      s << "UPDATE factory_channels SET config = $1 WHERE factory_id = $2 AND channel = $3", use(sealed),
          use(factories[i]), use(channels[i]), now;
      ++resealed;
    }
    return resealed;
  });
}

std::optional<std::string> SessionSystemParams::get(const std::string& key) const {
  std::vector<std::string> values;
  std::string k = key;
  std::int64_t f = factoryId_;
  session_ << "SELECT value FROM factory_config WHERE factory_id = $1 AND key = $2", use(f), use(k), into(values),
      now;
  if (values.empty()) return std::nullopt;
  return values.front();
}

}  // namespace paynext::core::tenancy
