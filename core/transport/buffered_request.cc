#include "core/transport/buffered_request.h"

namespace paynext::core::transport {

BufferedRequest::BufferedRequest(std::string body, RequestOrigin origin, const Poco::Net::HTTPServerParams& params,
                                 Poco::Net::HTTPServerResponse& response)
    : body_(std::move(body)),
      stream_(body_.data(), body_.size()),
      origin_(std::move(origin)),
      params_(params),
      response_(response) {}

}  // namespace paynext::core::transport
