#include "core/net/outbound_http_client.h"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>


namespace paynext::core::net {

sdk::HttpReply OutboundHttpClient::send(const sdk::HttpRequest& call) {
  try {
    const Poco::URI uri(call.url);
    auto session = openOutboundSession(uri, *policy_, resolve_, settings_.connectTimeoutMs, settings_.timeoutMs);
    const std::string target = uri.getPathAndQuery().empty() ? "/" : uri.getPathAndQuery();
    Poco::Net::HTTPRequest request(call.method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : call.headers) request.set(name, value);
    if (!call.body.empty() || call.method == "POST" || call.method == "PUT") {
      request.setContentType(call.contentType);
      request.setContentLength64(static_cast<Poco::Int64>(call.body.size()));
    }
    request.setKeepAlive(false);
    session->sendRequest(request) << call.body;

    Poco::Net::HTTPResponse response;
    std::istream& in = session->receiveResponse(response);
    sdk::HttpReply reply;
    reply.status = static_cast<int>(response.getStatus());
    reply.reason = response.getReason();
    for (const auto& [name, value] : response) reply.headers[name] = value;
    // An outside service cannot make us hold more than the bound.
    std::string buffer(settings_.maxReplyBytes, '\0');
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.resize(static_cast<std::size_t>(in.gcount()));
    reply.body = std::move(buffer);
    return reply;
  } catch (const Poco::Exception& e) {
    throw sdk::HttpError(e.displayText());
  }
}

}  // namespace paynext::core::net
