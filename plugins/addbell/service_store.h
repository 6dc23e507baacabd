#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "service.h"

namespace paynext::plugins::addbell {

// addbell_services of one factory.
class ServiceStore {
 public:
  ServiceStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  Service create(Service service);  // stamped with the clock's now
  // Replaces service.id's fields; false when there is no such service here.
  bool update(Service& service);
  std::optional<Service> find(std::int64_t id);
  std::vector<Service> list(int offset, int limit);  // oldest first

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::addbell
