#include "core/audit/audit_log.h"

#include <Poco/JSON/Object.h>

#include "core/common/clock.h"

namespace paynext::core::audit {

using namespace Poco::Data::Keywords;

void AuditLog::record(Poco::Data::Session& s, std::int64_t factoryId, const std::string& actor,
                      const std::string& action, const std::string& target, const std::string& before,
                      const std::string& after) {
  std::int64_t at = nowMs();
  s << "INSERT INTO admin_audit (factory_id, actor, action, target, before_value, after_value, created_at) "
       "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      use(factoryId), bind(actor), bind(action), bind(target), bind(before), bind(after), use(at), now;
}

void AuditLog::record(std::int64_t factoryId, const std::string& actor, const std::string& action,
                      const std::string& target, const std::string& before, const std::string& after) {
  db_.transaction([&](Poco::Data::Session& s) { record(s, factoryId, actor, action, target, before, after); });
}

Poco::JSON::Array::Ptr AuditLog::list(std::int64_t factoryId, int limit) {
  Poco::Data::Session s = db_.session();
  std::vector<std::int64_t> ids, factories, times;
  std::vector<std::string> actors, actions, targets, befores, afters;
  s << "SELECT id, factory_id, actor, action, target, before_value, after_value, created_at FROM admin_audit "
       "WHERE ($1 = 0 OR factory_id = $1) ORDER BY id DESC LIMIT $2",
      use(factoryId), use(limit), into(ids), into(factories), into(actors), into(actions), into(targets),
      into(befores), into(afters), into(times), now;
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    Poco::JSON::Object::Ptr e = new Poco::JSON::Object;
    e->set("id", ids[i]);
    e->set("factoryId", factories[i]);
    e->set("actor", actors[i]);
    e->set("action", actions[i]);
    e->set("target", targets[i]);
    e->set("before", befores[i]);
    e->set("after", afters[i]);
    e->set("at", times[i]);
    out->add(e);
  }
  return out;
}

}  // namespace paynext::core::audit
