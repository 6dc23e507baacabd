#pragma once
#include <set>
#include <string>

namespace paynext::core::http {

// The paths under /{factory} that paynextd serves itself, for every method.
// MobileApi serves exactly these before any module route, and the module
// registry refuses a module route on one of them at start-up: one list, so
// the two cannot drift apart.
inline const std::set<std::string> kCoreMobilePaths = {
    "/user/m/register", "/user/m/login", "/user/check-token", "/user/amount", "/user/cashLog",
    "/config/value",    "/config/values", "/pay/wx/wxapp",    "/pay/wx/app",
    "/pay/query",       "/pay/alipay/gate/app", "/pay/alipay/gate/wap", "/pay/alipay/gate/h5"};

// How start-up errors name the owner of those paths.
inline constexpr const char* kCoreOwner = "paynextd (core)";

}  // namespace paynext::core::http
