#include "core/plugin_host/plugin_loader.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "paynext/sdk/module_export.h"

namespace paynext::core::plugin_host {
namespace {

#define PAYNEXT_STR2(x) #x
#define PAYNEXT_STR(x) PAYNEXT_STR2(x)
constexpr const char* kStampSymbol = PAYNEXT_STR(PAYNEXT_ABI_STAMP_SYMBOL);
constexpr const char* kFactorySymbol = PAYNEXT_STR(PAYNEXT_MODULE_FACTORY_SYMBOL);

}  // namespace

std::vector<std::string> pluginFiles(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.rfind("paynext_", 0) == 0 && entry.path().extension() == ".so") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::unique_ptr<LoadedModule> loadPlugin(const std::string& file) {
  auto loaded = std::make_unique<LoadedModule>();
  loaded->file = file;
  try {
    // rtld_now: a missing symbol fails here, at start-up, not mid-payment.
    loaded->library.load(file, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    throw PluginRefused(file, std::string("cannot load: ") + e.what());
  }
  const sdk::AbiStamp expected = sdk::currentAbiStamp();
  if (!loaded->library.has(kStampSymbol)) {
    throw PluginRefused(file, std::string("expected ABI stamp symbol ") + kStampSymbol + " (" +
                                  sdk::describe(expected) + "), found none");
  }
  const auto& stamp = loaded->library.get<const sdk::AbiStamp>(kStampSymbol);
  if (stamp != expected) {
    throw PluginRefused(file, "expected ABI " + sdk::describe(expected) + ", found " + sdk::describe(stamp));
  }
  if (!loaded->library.has(kFactorySymbol)) {
    throw PluginRefused(file, std::string("expected entry point ") + kFactorySymbol + ", found none");
  }
  auto& create = loaded->library.get_alias<sdk::ModuleFactory>(kFactorySymbol);
  try {
    loaded->module = create();
    if (!loaded->module) throw std::runtime_error("factory returned no module");
    loaded->name = loaded->module->name();
    loaded->title = loaded->module->title();
    loaded->version = loaded->module->version();
    loaded->actionTypes = loaded->module->actionTypes();
    loaded->routes = loaded->module->routes();
    loaded->migrations = loaded->module->migrations();
    loaded->jobs = loaded->module->jobs();
    loaded->services = loaded->module->services();
  } catch (const std::exception& e) {
    throw PluginRefused(file, std::string("module factory threw: ") + e.what());
  } catch (...) {
    throw PluginRefused(file, "module factory threw a non-standard exception");
  }
  checkManifest(*loaded);
  return loaded;
}

void checkManifest(const LoadedModule& module) {
  static const std::string kNameChars = "abcdefghijklmnopqrstuvwxyz0123456789_";
  if (module.name.empty() || module.name.find_first_not_of(kNameChars) != std::string::npos) {
    throw PluginRefused(module.file, "expected a module name of [a-z0-9_], found '" + module.name + "'");
  }
  for (const auto& type : module.actionTypes) {
    if (!type.handler) throw PluginRefused(module.file, "action type " + std::to_string(type.code) + " has no handler");
  }
  std::set<std::string> jobs;
  for (const auto& job : module.jobs) {
    if (!jobs.insert(job.name).second) throw PluginRefused(module.file, "job " + job.name + " is declared twice");
    if (job.name.empty() || job.name.find_first_not_of(kNameChars) != std::string::npos) {
      throw PluginRefused(module.file, "expected a job name of [a-z0-9_], found '" + job.name + "'");
    }
    if (job.periodMs < 1000 || !job.run) {
      throw PluginRefused(module.file, "job " + job.name + " needs a period of at least 1000 ms and a function to run");
    }
  }
  for (const auto& service : module.services) {
    if (service.name.empty() || service.version <= 0 || !service.instance) {
      throw PluginRefused(module.file, "service '" + service.name + "' v" + std::to_string(service.version) +
                                    " needs a name, a positive version and an instance");
    }
  }
}

}  // namespace paynext::core::plugin_host
