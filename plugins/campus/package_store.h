#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "package.h"

namespace paynext::plugins::campus {

// campus_packages and campus_package_details of one factory.
class PackageStore {
 public:
  PackageStore(Poco::Data::Session& session, std::int64_t factoryId) : session_(session), factoryId_(factoryId) {}

  // Every package with its details, by id.
  std::vector<Package> list();
  std::optional<Package> find(const std::string& id);
  // Creates or replaces the package and its details (inside the caller's transaction).
  void save(const Package& package);
  bool remove(const std::string& id);

 private:
  std::vector<Package> load(const std::string* onlyId);

  Poco::Data::Session& session_;
  std::int64_t factoryId_;
};

}  // namespace paynext::plugins::campus
