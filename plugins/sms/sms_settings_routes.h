#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::sms {

// Admin routes for the factory's 短信设置, mounted under
// /admin/api/factories/{factory}/modules/sms:
//   POST /settings  kind ("normal" 普通短信 | "verify" 验证码), providerUrl, signName, templateCode -> the setting
//   GET  /settings  -> all settings of the factory
std::vector<sdk::Route> smsSettingsRoutes();

}  // namespace paynext::plugins::sms
