#include "tools/gatewaysim/sim_server.h"

#include "core/net/listen_socket.h"
#include "tools/gatewaysim/mutual_tls.h"

#include <optional>

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Thread.h>
#include <Poco/URI.h>

namespace paynext::tools::gatewaysim {

namespace {

constexpr std::streamsize kMaxBodyBytes = 1 << 20;

Poco::Logger& log() { return Poco::Logger::get("gatewaysim"); }

// Reads the request body, refusing more than kMaxBodyBytes; nullopt if too big.
std::optional<std::string> readBody(Poco::Net::HTTPServerRequest& request) {
  if (request.hasContentLength() && request.getContentLength64() > kMaxBodyBytes) return std::nullopt;
  std::string body;
  char buffer[8192];
  std::istream& in = request.stream();
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    body.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (static_cast<std::streamsize>(body.size()) > kMaxBodyBytes) return std::nullopt;
  }
  return body;
}

void send(Poco::Net::HTTPServerResponse& response, int status, const std::string& contentType,
          const std::string& body) {
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response.setContentType(contentType);
  response.sendBuffer(body.data(), body.size());
}

// What the handlers answer with, owned by the SimServer.
struct Endpoints {
  WxpayApi& wxpay;
  WxpayV3Api& wxpayV3;
  ControlApi& control;
  RefundControlApi& refundControl;
  WxpayV3RefundControl& v3RefundControl;
  AlipayGatewayApi& alipay;
  AlipayControlApi& alipayControl;
};

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(const Endpoints& endpoints)
      : wxpay_(endpoints.wxpay),
        wxpayV3_(endpoints.wxpayV3),
        control_(endpoints.control),
        refundControl_(endpoints.refundControl),
        v3RefundControl_(endpoints.v3RefundControl),
        alipay_(endpoints.alipay),
        alipayControl_(endpoints.alipayControl) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    try {
      const Poco::URI uri(request.getURI());
      const std::string path = uri.getPath();
      const auto body = readBody(request);
      if (!body) {
        response.setKeepAlive(false);
        return send(response, 413, "text/plain", "request body too large\n");
      }
      if (path == "/pay/unifiedorder" || path == "/pay/orderquery" || path == "/pay/closeorder" ||
          path == "/pay/refundquery" || path == "/secapi/pay/refund") {
        const bool post = request.getMethod() == Poco::Net::HTTPRequest::HTTP_POST;
        return send(response, 200, "text/xml; charset=UTF-8", post ? wxpayV2(request, path, *body) : WxpayApi::requirePost());
      }
      if (path.rfind(WxpayV3Api::kPrefix, 0) == 0) {
        // The merchant signed the request target exactly as it sent it.
        const V3Answer answer =
            wxpayV3_.handle(request.getMethod(), request.getURI(), request.get("Authorization", ""), *body);
        for (const auto& [name, value] : answer.headers) response.set(name, value);
        return send(response, answer.status, "application/json", answer.body);
      }
      if (path == "/gateway.do") {
        // Alipay takes parameters from both the query string and the form body.
        return send(response, 200, "application/json;charset=utf-8", alipay_.handle(uri.getRawQuery(), *body));
      }
      if (RefundControlApi::handles(path)) {
        const ControlResponse answer = refundControl_.handle(request.getMethod(), path, mchIdOf(uri), *body);
        return send(response, answer.status, "application/json", answer.json);
      }
      if (path.rfind(WxpayV3RefundControl::kPrefix, 0) == 0) {
        const ControlResponse answer = v3RefundControl_.handle(request.getMethod(), path, *body);
        return send(response, answer.status, "application/json", answer.json);
      }
      if (path.rfind(AlipayControlApi::kPrefix, 0) == 0) {
        const ControlResponse answer = alipayControl_.handle(request.getMethod(), path, *body);
        return send(response, answer.status, "application/json", answer.json);
      }
      const ControlResponse answer = control_.handle(request.getMethod(), path, mchIdOf(uri), *body);
      send(response, answer.status, "application/json", answer.json);
    } catch (const std::exception& e) {
      log().error("%s %s failed: %s", request.getMethod(), request.getURI(), std::string(e.what()));
      if (!response.sent()) send(response, 500, "text/plain", "internal error\n");
    }
  }

 private:
  static std::string mchIdOf(const Poco::URI& uri) {
    for (const auto& [name, value] : uri.getQueryParameters()) {
      if (name == "mch_id") return value;
    }
    return {};
  }

  std::string wxpayV2(Poco::Net::HTTPServerRequest& request, const std::string& path, const std::string& body) {
    if (path == "/pay/unifiedorder") return wxpay_.unifiedOrder(body);
    if (path == "/pay/orderquery") return wxpay_.orderQuery(body);
    if (path == "/pay/closeorder") return wxpay_.closeOrder(body);
    if (path == "/pay/refundquery") return wxpay_.refundQuery(body);
    return wxpay_.refund(body, {request.secure(), clientCertificateFingerprint(request)});
  }

  WxpayApi& wxpay_;
  WxpayV3Api& wxpayV3_;
  ControlApi& control_;
  RefundControlApi& refundControl_;
  WxpayV3RefundControl& v3RefundControl_;
  AlipayGatewayApi& alipay_;
  AlipayControlApi& alipayControl_;
};

class HandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit HandlerFactory(const Endpoints& endpoints) : endpoints_(endpoints) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Handler(endpoints_);
  }

 private:
  const Endpoints endpoints_;
};

}  // namespace

SimServer::SimServer(SimConfig config)
    : config_(std::move(config)),
      notifier_(config_.notifySchedule, config_.timeScale),
      refundProcessor_(refunds_, config_.merchants, notifier_, config_.refundDelaySeconds, config_.timeScale),
      refundControl_(store_, refunds_),
      v3RefundProcessor_(v3Refunds_, config_.v3Merchants, notifier_, config_.refundDelaySeconds * config_.timeScale),
      v3RefundControl_(store_, v3Refunds_),
      wxpay_(config_.merchants, store_, refunds_, refundProcessor_, config_.secapiWithoutTls),
      wxpayV3_(config_.v3Merchants, store_, v3Refunds_, v3RefundProcessor_),
      control_(store_, config_.merchants, config_.v3Merchants, notifier_),
      alipayNotifier_(config_.alipayNotifySchedule, config_.timeScale),
      alipayGateway_(config_.alipayApps, alipayStore_),
      alipayControl_(config_.alipayApps, alipayStore_, alipayNotifier_) {}

SimServer::~SimServer() { stop(); }

void SimServer::start() {
  Poco::Net::ServerSocket socket =
      config_.tlsCertificate.empty()
          ? core::net::listenSocket(config_.host, config_.port)
          : certificateRequestingSocket(config_.host, config_.port, config_.tlsCertificate, config_.tlsPrivateKey);
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(config_.threads);
  params->setMaxQueued(256);
  params->setKeepAliveTimeout(Poco::Timespan(5, 0));
  params->setMaxKeepAliveRequests(100);
  // An own pool: the default one stops at 16 threads.
  pool_ = std::make_unique<Poco::ThreadPool>(2, config_.threads);
  server_ = std::make_unique<Poco::Net::HTTPServer>(
      new HandlerFactory({wxpay_, wxpayV3_, control_, refundControl_, v3RefundControl_, alipayGateway_, alipayControl_}),
      *pool_, socket, params);
  server_->start();
  log().information("listening on %s:%d with %z merchant(s), %z v3 merchant(s) and %z alipay app(s)", config_.host,
                    port(), config_.merchants.size(), config_.v3Merchants.size(), config_.alipayApps.size());
}

int SimServer::port() const { return server_ ? server_->port() : 0; }

void SimServer::stop() {
  if (server_) {
    server_->stopAll(false);
    // stopAll(false) closes the socket; wait for in-flight requests to end.
    for (int i = 0; i < 100 && server_->currentConnections() > 0; ++i) Poco::Thread::sleep(50);
    server_.reset();
  }
  // Before the notifier they start notifications on.
  refundProcessor_.stop();
  v3RefundProcessor_.stop();
  notifier_.stop();
  alipayNotifier_.stop();
}

}  // namespace paynext::tools::gatewaysim
