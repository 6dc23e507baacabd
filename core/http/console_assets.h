#pragma once
#include <string_view>
#include <vector>

namespace paynext::core::http {

// One file of the admin console (core/http/console/), embedded into the
// binary at build time by core/http/embed_assets.cmake.
struct ConsoleAsset {
  std::string_view name;  // file name, e.g. "console.js"
  std::string_view etag;  // quoted hash of the bytes
  std::string_view body;
};

// Every embedded file (generated source).
const std::vector<ConsoleAsset>& consoleAssets();

}  // namespace paynext::core::http
