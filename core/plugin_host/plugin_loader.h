#pragma once
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/plugin_host/loaded_module.h"

namespace paynext::core::plugin_host {

// A library the server refuses; the message names the file, what was
// expected and what was found: "plugin FILE refused: REASON".
class PluginRefused : public std::runtime_error {
 public:
  PluginRefused(const std::string& file, const std::string& reason)
      : std::runtime_error("plugin " + file + " refused: " + reason), file_(file), reason_(reason) {}

  const std::string& file() const { return file_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string file_;
  std::string reason_;
};

// Loads one plugin file: checks the ABI stamp before calling anything else,
// then creates the module and reads its manifest. Throws PluginRefused.
std::unique_ptr<LoadedModule> loadPlugin(const std::string& file);

// Checks what a module declares (its name, handlers, jobs and services);
// throws PluginRefused naming the first thing wrong.
void checkManifest(const LoadedModule& module);

// Every paynext_*.so of a folder, in name order.
std::vector<std::string> pluginFiles(const std::string& dir);

}  // namespace paynext::core::plugin_host
