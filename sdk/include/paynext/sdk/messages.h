#pragma once
// Refusals the host and the test harness word the same way, so a plugin's
// tests see exactly what its users will.
#include <string>

namespace paynext::sdk::messages {

inline std::string moduleDisabled(const std::string& title) {
  return "模块「" + title + "」未启用,请先在后台“工厂设置 → 模块管理”中启用「" + title + "」模块";
}

inline std::string serviceNotInstalled(const std::string& provider, const std::string& name, int version) {
  return "需要「" + provider + "」服务(" + name + " v" + std::to_string(version) +
         "),但提供它的模块未安装,请联系平台管理员";
}

inline std::string userNotFound(long long userId) { return "用户 " + std::to_string(userId) + " 不存在"; }

}  // namespace paynext::sdk::messages
