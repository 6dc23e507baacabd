#include "sms_message_store.h"

#include <vector>

#include <Poco/Tuple.h>

namespace paynext::plugins::sms {

using namespace Poco::Data::Keywords;

SmsMessageStore::SmsMessageStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

std::optional<SmsMessage> SmsMessageStore::findByKey(const std::string& idempotencyKey) {
  std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, std::string, std::string, std::string, std::string, Poco::Int64>>
      rows;
  std::string key = idempotencyKey;
  session_ << "SELECT id, setting_id, mobile, params, status, provider_message_id, created_at FROM sms_messages "
              "WHERE factory_id = $1 AND idempotency_key = $2",
      use(factoryId_), use(key), into(rows), now;
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
  return SmsMessage{r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), key, r.get<4>(), r.get<5>(), r.get<6>()};
}

SmsMessage SmsMessageStore::recordSent(const SmsMessage& message) {
  SmsMessage m = message;
  m.status = "SENT";
  m.createdAt = clock_.nowMs();
  session_ << "INSERT INTO sms_messages (factory_id, setting_id, mobile, params, idempotency_key, status, "
              "provider_message_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      use(factoryId_), use(m.settingId), use(m.mobile), use(m.params), use(m.idempotencyKey), use(m.status),
      use(m.providerMessageId), use(m.createdAt), into(m.id), now;
  return m;
}

}  // namespace paynext::plugins::sms
