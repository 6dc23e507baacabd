#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "sms_setting.h"

namespace paynext::plugins::sms {

// sms_settings of one factory.
class SmsSettingStore {
 public:
  SmsSettingStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  SmsSetting create(const SmsSetting& setting);  // fills id and createdAt
  std::optional<SmsSetting> find(std::int64_t id);
  std::vector<SmsSetting> list();

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::sms
