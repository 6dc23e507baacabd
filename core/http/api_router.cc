#include "core/http/api_router.h"

#include <chrono>

#include <Poco/Logger.h>
#include <Poco/RegularExpression.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>

#include "core/common/exception_text.h"
#include "core/crypto/digest.h"
#include "core/http/json_response.h"
#include "core/identity/hashing_pool.h"
#include "paynext/sdk/errors.h"

namespace paynext::core::http {

namespace {

class RouterHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit RouterHandler(ApiRouter& router) : router_(router) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    router_.serve(request, response);
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

ApiRouter::ApiRouter(Services& services)
    : services_(services), mobile_(services), admin_(services), ops_(services) {}

Poco::Net::HTTPRequestHandler* ApiRouter::createRequestHandler(const Poco::Net::HTTPServerRequest&) {
  return new RouterHandler(*this);
}

void ApiRouter::serve(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  const auto start = std::chrono::steady_clock::now();
  // A caller's request id is kept when it is short and plain; else one is made.
  std::string requestId = request.get("X-Request-Id", "");
  static const Poco::RegularExpression plain("^[A-Za-z0-9._-]{1,64}$");
  if (!plain.match(requestId)) requestId = crypto::randomHex(8);
  response.set("X-Request-Id", requestId);
  const std::string label = route(request, response);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string status = std::to_string(static_cast<int>(response.getStatus()));
  services_.metrics.increment("paynext_http_requests_total", {{"route", label}, {"status", status}});
  services_.metrics.observeSeconds("paynext_http_request_duration_seconds", {{"route", label}}, seconds);
  // The query string may carry tokens: only the path is logged.
  std::string path;
  try {
    path = Poco::URI(request.getURI()).getPath();
  } catch (const Poco::Exception&) {
    path = "-";
  }
  Poco::Logger::get("paynext.access")
      .information("%s %s %s %s %.1fms id=%s", request.clientAddress().host().toString(), request.getMethod(), path,
                   status, seconds * 1000, requestId);
}

std::string ApiRouter::route(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  std::string path;
  std::vector<std::string> seg;
  try {
    path = Poco::URI(request.getURI()).getPath();
    seg = pathSegments(path);
  } catch (const Poco::Exception&) {
    sendText(response, 400, "text/plain", "bad request URI");
    return "other";
  }
  const bool admin = seg.size() >= 2 && seg[0] == "admin" && seg[1] == "api";
  std::string label = "other";
  try {
    if (seg.size() == 1 && (seg[0] == "healthz" || seg[0] == "readyz" || seg[0] == "metrics")) {
      label = "/" + seg[0];
      if (seg[0] == "healthz") ops_.healthz(response);
      if (seg[0] == "readyz") ops_.readyz(response);
      if (seg[0] == "metrics") ops_.metrics(response);
      return label;
    }
    if (admin) {
      label = "/admin/api";
      admin_.handle({seg.begin() + 2, seg.end()}, request, response);
      return label;
    }
    if (!seg.empty() && seg[0] == "admin") {
      label = "/admin";
      console_.handle(path, {seg.begin() + 1, seg.end()}, request, response);
      return label;
    }
    if (!seg.empty() && seg[0] == "notify") {
      const bool known = seg.size() == 3 && services_.notify.knows(seg[1]);
      label = known ? "/notify/" + seg[1] : "other";
      notify(seg, request, response);
      return label;
    }
    if (seg.size() < 2) {
      sendEnvelope(response, 404, "接口不存在", Poco::Dynamic::Var(), 404);
      return label;
    }
    auto factory = services_.factories.findByName(seg[0]);
    if (!factory || !factory->enabled) {
      sendEnvelope(response, 404, "工厂 " + seg[0] + " 不存在", Poco::Dynamic::Var(), 404);
      return label;
    }
    const std::string rest = path.substr(seg[0].size() + 1);
    label = mobile_.routeLabel(rest);
    mobile_.handle(*factory, rest, request, response);
  } catch (const BadRequest& e) {
    if (admin) {
      sendAdminError(response, e.status(), e.what());
    } else {
      sendEnvelope(response, sdk::codes::kBadRequest, e.what(), Poco::Dynamic::Var(), e.status());
    }
  } catch (const identity::HashingBusy& e) {
    // Refused at once rather than queued: see identity::HashingPool.
    response.set("Retry-After", "1");
    if (admin) {
      sendAdminError(response, 503, e.what());
    } else {
      sendEnvelope(response, 503, e.what(), Poco::Dynamic::Var(), 503);
    }
  } catch (const storage::DatabaseBusy& e) {
    if (admin) {
      sendAdminError(response, 503, e.what());
    } else {
      sendEnvelope(response, 503, e.what(), Poco::Dynamic::Var(), 503);
    }
  } catch (const std::exception& e) {
    Poco::Logger::get("paynext.http").error("%s %s: %s", request.getMethod(), path, exceptionText(e));
    if (response.sent()) return label;
    if (admin) {
      sendAdminError(response, 500, "服务器内部错误");
    } else {
      sendEnvelope(response, 500, "服务器内部错误", Poco::Dynamic::Var(), 500);
    }
  } catch (...) {
    Poco::Logger::get("paynext.http").error("%s %s: unknown exception", request.getMethod(), path);
    if (!response.sent()) sendEnvelope(response, 500, "服务器内部错误", Poco::Dynamic::Var(), 500);
  }
  return label;
}

void ApiRouter::notify(const std::vector<std::string>& seg, Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) {
  if (seg.size() != 3 || !services_.notify.knows(seg[1]) || request.getMethod() != "POST") {
    return sendText(response, 404, "text/plain", "not found");
  }
  const auto factory = services_.factories.findByName(seg[2]);
  // Signatures cover the body exactly as received, with the headers the
  // channel sent; replay windows are on the wall clock, as the channel's are.
  payments::InboundMessage message{request, readBody(request, services_.limits), Poco::Timestamp().epochTime()};
  const auto reply = services_.notify.handle(seg[1], factory ? &*factory : nullptr, message);
  sendText(response, reply.status, reply.contentType, reply.body);
}

}  // namespace paynext::core::http
