#include "tools/paynext_cli/admin_client.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SSLException.h>
#include <Poco/StreamCopier.h>

#include "core/net/gateway_session.h"
#include "tools/paynext_cli/cli_errors.h"

namespace paynext::cli {

namespace {

// The API's {"error":{"message":...}}, or the HTTP reason when the answer
// is not the API's (a proxy's error page, say).
std::string errorMessage(const std::string& body, const Poco::Net::HTTPResponse& response) {
  try {
    auto json = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
    auto error = json ? json->getObject("error") : nullptr;
    if (error && error->has("message")) return error->getValue<std::string>("message");
  } catch (const Poco::Exception&) {
  }
  return response.getReason();
}

}  // namespace

std::string encodeSegment(const std::string& text) {
  std::string out;
  Poco::URI::encode(text, "/?#&=+;", out);
  return out;
}

AdminClient::AdminClient(const std::string& url, std::string token, const std::string& caFile)
    : token_(std::move(token)) {
  try {
    base_ = Poco::URI(url);
  } catch (const Poco::SyntaxException& e) {
    throw UsageError("bad --url " + url + ": " + e.displayText());
  }
  if ((base_.getScheme() != "http" && base_.getScheme() != "https") || base_.getHost().empty()) {
    throw UsageError("--url must be http://HOST[:PORT] or https://HOST[:PORT], got " + url);
  }
  if (caFile.empty()) return;
  if (!Poco::File(caFile).exists() || !Poco::File(caFile).canRead()) {
    throw UsageError("cannot read the CA file " + caFile + " (--ca-file, PAYNEXT_CA_FILE)");
  }
  core::net::setGatewayCaFile(caFile);  // the CLI makes one call: set before the first session
}

std::string AdminClient::call(const std::string& method, const std::string& path, const std::string& jsonBody) const {
  std::string prefix = base_.getPath();
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  Poco::Net::HTTPRequest request(method, prefix + "/admin/api" + path, Poco::Net::HTTPMessage::HTTP_1_1);
  request.set("Authorization", "Bearer " + token_);
  request.set("Accept", "application/json");
  if (method == "POST" || method == "PUT") {
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(jsonBody.size()));
  }
  Poco::Net::HTTPResponse response;
  std::string body;
  try {
    auto session = core::net::openGatewaySession(base_, 10000, 30000);
    session->sendRequest(request) << jsonBody;
    Poco::StreamCopier::copyToString(session->receiveResponse(response), body);
  } catch (const Poco::Net::SSLException& e) {  // before IOException, which it is
    throw ConnectionError("TLS with " + base_.toString() + " failed: " + e.displayText() +
                          "; a certificate from a private CA needs --ca-file=FILE or PAYNEXT_CA_FILE");
  } catch (const Poco::IOException& e) {  // refused, unknown host, reset (Net exceptions are IO ones)
    throw ConnectionError("cannot reach " + base_.toString() + ": " + e.displayText());
  } catch (const Poco::TimeoutException& e) {
    throw ConnectionError("no answer from " + base_.toString() + ": " + e.displayText());
  }
  if (response.getStatus() >= 400) throw ApiError(errorMessage(body, response), response.getStatus());
  return body;
}

}  // namespace paynext::cli
