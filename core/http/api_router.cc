#include "core/http/api_router.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>

#include "core/http/json_response.h"
#include "paynext/sdk/errors.h"

namespace paynext::core::http {

namespace {

class RouterHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit RouterHandler(ApiRouter& router) : router_(router) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    router_.route(request, response);
  }

 private:
  ApiRouter& router_;
};

std::vector<std::string> pathSegments(const std::string& path) {
  std::vector<std::string> out;
  Poco::StringTokenizer parts(path, "/", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  for (const auto& p : parts) out.push_back(p);
  return out;
}

}  // namespace

ApiRouter::ApiRouter(Services& services) : services_(services), mobile_(services), admin_(services) {}

Poco::Net::HTTPRequestHandler* ApiRouter::createRequestHandler(const Poco::Net::HTTPServerRequest&) {
  return new RouterHandler(*this);
}

void ApiRouter::route(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  std::string path;
  std::vector<std::string> seg;
  try {
    path = Poco::URI(request.getURI()).getPath();
    seg = pathSegments(path);
  } catch (const Poco::Exception&) {
    return sendText(response, 400, "text/plain", "bad request URI");
  }
  const bool admin = seg.size() >= 2 && seg[0] == "admin" && seg[1] == "api";
  try {
    if (seg.size() == 1 && seg[0] == "healthz") return sendText(response, 200, "text/plain", "ok\n");
    if (admin) return admin_.handle({seg.begin() + 2, seg.end()}, request, response);
    if (!seg.empty() && seg[0] == "notify") return notify(seg, request, response);
    if (seg.size() < 2) return sendEnvelope(response, 404, "接口不存在", Poco::Dynamic::Var(), 404);
    auto factory = services_.factories.findByName(seg[0]);
    if (!factory || !factory->enabled) {
      return sendEnvelope(response, 404, "工厂 " + seg[0] + " 不存在", Poco::Dynamic::Var(), 404);
    }
    mobile_.handle(*factory, path.substr(seg[0].size() + 1), request, response);
  } catch (const BadRequest& e) {
    if (admin) return sendAdminError(response, e.status(), e.what());
    sendEnvelope(response, sdk::codes::kBadRequest, e.what(), Poco::Dynamic::Var(), e.status());
  } catch (const storage::DatabaseBusy& e) {
    if (admin) return sendAdminError(response, 503, e.what());
    sendEnvelope(response, 503, e.what(), Poco::Dynamic::Var(), 503);
  } catch (const std::exception& e) {
    Poco::Logger::get("paynext.http").error("%s %s: %s", request.getMethod(), path, std::string(e.what()));
    if (response.sent()) return;
    if (admin) return sendAdminError(response, 500, "服务器内部错误");
    sendEnvelope(response, 500, "服务器内部错误", Poco::Dynamic::Var(), 500);
  } catch (...) {
    Poco::Logger::get("paynext.http").error("%s %s: unknown exception", request.getMethod(), path);
    if (!response.sent()) sendEnvelope(response, 500, "服务器内部错误", Poco::Dynamic::Var(), 500);
  }
}

void ApiRouter::notify(const std::vector<std::string>& seg, Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) {
  if (seg.size() != 3 || seg[1] != "wxpay" || request.getMethod() != "POST") {
    return sendText(response, 404, "text/plain", "not found");
  }
  auto factory = services_.factories.findByName(seg[2]);
  if (!factory) {
    return sendText(response, 200, "text/xml", payments::WxpayNotification::reply(false, "工厂不存在"));
  }
  const std::string body = readBody(request, services_.limits);
  sendText(response, 200, "text/xml", services_.wxpayNotification.handle(*factory, body));
}

}  // namespace paynext::core::http
