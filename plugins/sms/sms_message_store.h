#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

namespace paynext::plugins::sms {

// A message the provider accepted. The idempotency key is the chain step's,
// unique per factory, so a step retried after a send never sends again.
struct SmsMessage {
  std::int64_t id = 0;
  std::int64_t settingId = 0;
  std::string mobile;
  std::string params;  // the template parameters as JSON
  std::string idempotencyKey;
  std::string status;  // "SENT"
  std::string providerMessageId;
  std::int64_t createdAt = 0;
};

// sms_messages of one factory.
class SmsMessageStore {
 public:
  SmsMessageStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  std::optional<SmsMessage> findByKey(const std::string& idempotencyKey);
  SmsMessage recordSent(const SmsMessage& message);  // fills id, status and createdAt

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::sms
