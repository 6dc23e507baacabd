#include "sms_setting_store.h"

#include <Poco/Tuple.h>

namespace paynext::plugins::sms {

using namespace Poco::Data::Keywords;

namespace {

using Row = Poco::Tuple<Poco::Int64, std::string, std::string, std::string, std::string, Poco::Int64>;

std::vector<SmsSetting> fromRows(const std::vector<Row>& rows) {
  std::vector<SmsSetting> out;
  for (const auto& r : rows) out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>()});
  return out;
}

}  // namespace

SmsSettingStore::SmsSettingStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

SmsSetting SmsSettingStore::create(const SmsSetting& setting) {
  SmsSetting s = setting;
  s.createdAt = clock_.nowMs();
  session_ << "INSERT INTO sms_settings (factory_id, kind, provider_url, sign_name, template_code, created_at) "
              "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      use(factoryId_), use(s.kind), use(s.providerUrl), use(s.signName), use(s.templateCode), use(s.createdAt),
      into(s.id), now;
  return s;
}

std::optional<SmsSetting> SmsSettingStore::find(std::int64_t id) {
  std::vector<Row> rows;
  session_ << "SELECT id, kind, provider_url, sign_name, template_code, created_at FROM sms_settings "
              "WHERE id = $1 AND factory_id = $2",
      use(id), use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  return fromRows(rows).front();
}

std::vector<SmsSetting> SmsSettingStore::list() {
  std::vector<Row> rows;
  session_ << "SELECT id, kind, provider_url, sign_name, template_code, created_at FROM sms_settings "
              "WHERE factory_id = $1 ORDER BY id",
      use(factoryId_), into(rows), now;
  return fromRows(rows);
}

}  // namespace paynext::plugins::sms
