#pragma once
#include <string>

namespace paynext::core::plugin_host {

// A plugin file the loader refused at start-up. It stays out of the server,
// but admins and monitoring see it and why (GET /admin/api/plugins, /metrics).
struct RefusedPlugin {
  std::string file;
  std::string reason;  // the loader's words, e.g. "module factory threw: boom"
};

}  // namespace paynext::core::plugin_host
