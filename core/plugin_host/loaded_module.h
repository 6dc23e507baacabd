#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <boost/dll/shared_library.hpp>

#include "paynext/sdk/module.h"

namespace paynext::core::plugin_host {

// A module with the library it came from. Members are destroyed in reverse
// order, so the handlers, routes and module go before the library is
// unloaded: no object made by a plugin outlives its code.
struct LoadedModule {
  boost::dll::shared_library library;
  std::string file;
  std::shared_ptr<sdk::Module> module;
  std::string name;
  std::string title;
  std::string version;
  std::vector<sdk::ActionType> actionTypes;
  std::vector<sdk::Route> routes;
  std::vector<sdk::Migration> migrations;
  std::vector<sdk::Job> jobs;
  std::vector<sdk::ProvidedService> services;
};

}  // namespace paynext::core::plugin_host
