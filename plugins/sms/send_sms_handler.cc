#include "send_sms_handler.h"

#include <sstream>

#include "paynext/sdk/errors.h"

#include "provider_client.h"
#include "sms_message_store.h"
#include "sms_request.h"
#include "sms_setting_store.h"

namespace paynext::plugins::sms {

namespace {

// The setting a request names, if this factory has it and it may send 普通短信.
SmsSetting usableSetting(sdk::Scope& scope, std::int64_t id) {
  auto setting = SmsSettingStore(scope.session, scope.factoryId, scope.clock).find(id);
  const std::string name = "短信设置 " + std::to_string(id);
  if (!setting) throw sdk::Error(sdk::codes::kNoData, name + " 不存在");
  if (setting->kind != kNormal) {
    throw sdk::Error(sdk::codes::kBadRequest,
                     name + " 是验证码类型,不能用于发送短信,请使用类型为“普通短信”的短信设置");
  }
  if (!sdk::isHttpUrl(setting->providerUrl)) {
    throw sdk::Error(sdk::codes::kBadRequest, name + " 的服务商地址不是有效的 http:// 或 https:// 地址");
  }
  return *setting;
}

std::string requestBody(const SmsSetting& setting, const SmsRequest& request, const std::string& key) {
  Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
  body.set("mobile", request.mobile);
  body.set("signName", setting.signName);
  body.set("templateCode", setting.templateCode);
  body.set("params", request.templateParams);
  body.set("idempotencyKey", key);
  std::ostringstream out;
  body.stringify(out);
  return out.str();
}

Poco::JSON::Object::Ptr details(const SmsMessage& message, bool alreadySent) {
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  result->set("messageId", message.providerMessageId);
  result->set("mobile", message.mobile);
  result->set("alreadySent", alreadySent);
  return result;
}

}  // namespace

sdk::Fen SendSmsHandler::validate(sdk::ValidateContext& ctx) {
  const SmsRequest request = SmsRequest::parse(*ctx.params);
  usableSetting(ctx.scope, request.settingId);
  return 0;
}

sdk::StepResult SendSmsHandler::effect(sdk::EffectContext& ctx) {
  // Sent by an earlier attempt whose step then did not finish: do not send twice.
  SmsMessageStore messages(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  if (auto sent = messages.findByKey(ctx.idempotencyKey)) return sdk::StepResult::done(details(*sent, true));

  SmsRequest request;
  SmsSetting setting;
  try {
    request = SmsRequest::parse(*ctx.params);
    setting = usableSetting(ctx.scope, request.settingId);  // it may have changed since validate
  } catch (const sdk::Error& e) {
    return sdk::StepResult::fail(e.what());
  }

  ProviderReply reply;
  try {
    reply = ProviderClient(ctx.http).postJson(setting.providerUrl, ctx.idempotencyKey,
                                              requestBody(setting, request, ctx.idempotencyKey));
  } catch (const sdk::HttpRefused& e) {
    // The outbound policy refused the provider's address: only an admin can fix that.
    return sdk::StepResult::fail(std::string("无法连接短信服务商:") + e.what());
  } catch (const sdk::HttpError& e) {
    // Refused, unreachable or timed out: the same key makes the next attempt safe.
    return sdk::StepResult::retry(std::string("无法连接短信服务商:") + e.what());
  }
  const std::string status = "(HTTP " + std::to_string(reply.status) + ")";
  if (reply.transient()) return sdk::StepResult::retry("短信服务商暂时不可用" + status + ":" + reply.message());
  if (!reply.ok()) return sdk::StepResult::fail("短信服务商拒绝发送" + status + ":" + reply.message());

  SmsMessage message;
  message.settingId = setting.id;
  message.mobile = request.mobile;
  message.providerMessageId = reply.messageId();
  return sdk::StepResult::done(details(message, false));
}

sdk::StepResult SendSmsHandler::execute(sdk::ExecuteContext& ctx) {
  SmsMessageStore messages(ctx.scope.session, ctx.scope.factoryId, ctx.scope.clock);
  if (auto sent = messages.findByKey(ctx.idempotencyKey)) return sdk::StepResult::done(details(*sent, true));
  const SmsRequest request = SmsRequest::parse(*ctx.params);
  SmsMessage message;
  message.settingId = request.settingId;
  message.mobile = request.mobile;
  message.params = request.templateParamsJson();
  message.idempotencyKey = ctx.idempotencyKey;
  message.providerMessageId = ctx.effect->getValue<std::string>("messageId");
  return sdk::StepResult::done(details(messages.recordSent(message), false));
}

}  // namespace paynext::plugins::sms
