#include "tests/integration/support/http_client.h"

#include <memory>
#include <sstream>

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

namespace paynext::testing {

Poco::JSON::Object::Ptr HttpResult::json() const {
  return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
}

HttpResult HttpClient::send(const std::string& method, const std::string& path, const std::string& body,
                            const std::string& contentType, const std::map<std::string, std::string>& headers) const {
  std::unique_ptr<Poco::Net::HTTPClientSession> owned;
  if (caFile_.empty()) {
    owned = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", static_cast<Poco::UInt16>(port_));
  } else {
    Poco::Net::initializeSSL();
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", caFile_,
                                                             Poco::Net::Context::VERIFY_STRICT, 9, false);
    owned = std::make_unique<Poco::Net::HTTPSClientSession>("127.0.0.1", static_cast<Poco::UInt16>(port_), context);
  }
  Poco::Net::HTTPClientSession& session = *owned;
  session.setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [k, v] : headers) request.set(k, v);
  if (!contentType.empty()) request.setContentType(contentType);
  if (!body.empty() || method == "POST" || method == "PUT") request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  HttpResult result;
  result.status = response.getStatus();
  result.reason = response.getReason();
  result.contentType = response.getContentType();
  for (const auto& [name, value] : response) result.headers[name] = value;
  Poco::StreamCopier::copyToString(in, result.body);
  return result;
}

HttpResult HttpClient::get(const std::string& path, const std::map<std::string, std::string>& headers) const {
  return send("GET", path, "", "", headers);
}

HttpResult HttpClient::postForm(const std::string& path, const std::map<std::string, std::string>& fields) const {
  Poco::Net::HTMLForm form;
  for (const auto& [k, v] : fields) form.set(k, v);
  std::ostringstream body;
  form.write(body);
  return send("POST", path, body.str(), "application/x-www-form-urlencoded");
}

}  // namespace paynext::testing
