#include "sms_module.h"

#include <memory>

#include "send_sms_handler.h"
#include "sms_settings_routes.h"

namespace paynext::plugins::sms {

std::vector<sdk::ActionType> SmsModule::actionTypes() {
  return {{2,
           "发送短信",
           {{"smsId", "int", true, "短信设置的 id,须为“普通短信”类型(不要用验证码类型)"},
            {"mobile", "string", true, "接收短信的手机号码"},
            {"postJsonString", "object", true, "短信模板参数,JSON 对象或其字符串,如 {code:1234, product:\"参数2\"}"}},
           std::make_shared<SendSmsHandler>()}};
}

std::vector<sdk::Migration> SmsModule::migrations() const {
  // One statement per version: Poco runs one statement per call.
  return {
      {1,
       "CREATE TABLE sms_settings (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, kind TEXT NOT NULL, "
       "provider_url TEXT NOT NULL, sign_name TEXT NOT NULL, template_code TEXT NOT NULL, "
       "created_at INTEGER NOT NULL)",
       "CREATE TABLE sms_settings (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, kind TEXT NOT NULL, "
       "provider_url TEXT NOT NULL, sign_name TEXT NOT NULL, template_code TEXT NOT NULL, "
       "created_at BIGINT NOT NULL)"},
      {2,
       "CREATE TABLE sms_messages (id INTEGER PRIMARY KEY, factory_id INTEGER NOT NULL, "
       "setting_id INTEGER NOT NULL, mobile TEXT NOT NULL, params TEXT NOT NULL, idempotency_key TEXT NOT NULL, "
       "status TEXT NOT NULL, provider_message_id TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, "
       "UNIQUE (factory_id, idempotency_key))",
       "CREATE TABLE sms_messages (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
       "setting_id BIGINT NOT NULL, mobile TEXT NOT NULL, params TEXT NOT NULL, idempotency_key TEXT NOT NULL, "
       "status TEXT NOT NULL, provider_message_id TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL, "
       "UNIQUE (factory_id, idempotency_key))"},
  };
}

std::vector<sdk::Route> SmsModule::routes() { return smsSettingsRoutes(); }

}  // namespace paynext::plugins::sms
