#pragma once
// Shared set-up for the sms plugin tests: a harness over SmsModule, a fake
// provider, settings and a snapshot of sms_messages.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Tuple.h>
#include <gtest/gtest.h>

#include "fake_sms_provider.h"
#include "paynext/sdk/testing/harness.h"
#include "plugins/sms/sms_module.h"
#include "plugins/sms/sms_setting_store.h"

namespace paynext::plugins::sms::test {

class SmsTest : public ::testing::Test {
 protected:
  sdk::testing::Harness h{std::make_shared<SmsModule>()};
  FakeSmsProvider provider{h.http()};

  std::int64_t addSetting(const std::string& kind = kNormal, std::int64_t factoryId = 1,
                          const std::string& url = "") {
    SmsSetting s;
    s.kind = kind;
    s.providerUrl = url.empty() ? provider.url() : url;
    s.signName = "工厂";
    s.templateCode = "SMS_001";
    return SmsSettingStore(h.session(), factoryId, h.clock()).create(s).id;
  }

  // Every sms_messages row as "factory/setting/mobile/params/key/status/providerMessageId".
  std::vector<std::string> messages() {
    return h.rows("SELECT factory_id, setting_id, mobile, params, idempotency_key, status, provider_message_id "
                  "FROM sms_messages ORDER BY id");
  }

  std::int64_t settingCount() {
    using namespace Poco::Data::Keywords;
    std::int64_t n = 0;
    h.session() << "SELECT COUNT(*) FROM sms_settings", into(n), now;
    return n;
  }
};

using sdk::testing::refusal;

}  // namespace paynext::plugins::sms::test
