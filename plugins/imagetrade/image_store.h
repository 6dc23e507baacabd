#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "image.h"
#include "publish_request.h"

namespace paynext::plugins::imagetrade {

// imagetrade_images of one factory.
class ImageStore {
 public:
  ImageStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
      : session_(session), factoryId_(factoryId), clock_(clock) {}

  Image create(std::int64_t sellerId, const PublishRequest& request);  // on sale, stamped with the clock's now
  std::optional<Image> find(std::int64_t id);
  // Newest first; a status or seller of 0/empty means any.
  std::vector<Image> list(const std::string& status, std::int64_t sellerId, int offset, int limit);
  // ON_SALE -> SOLD to the buyer; false when it was no longer on sale (sold meanwhile).
  bool markSold(std::int64_t id, std::int64_t buyerId);

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::imagetrade
