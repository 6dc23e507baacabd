#include "tools/gatewaysim/sim_server.h"

#include "core/net/listen_socket.h"

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

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  Handler(WxpayApi& wxpay, WxpayV3Api& wxpayV3, ControlApi& control, AlipayGatewayApi& alipay,
          AlipayControlApi& alipayControl, WxpayV3RefundControl& v3RefundControl)
      : wxpay_(wxpay),
        wxpayV3_(wxpayV3),
        control_(control),
        alipay_(alipay),
        alipayControl_(alipayControl),
        v3RefundControl_(v3RefundControl) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    try {
      const Poco::URI uri(request.getURI());
      const std::string path = uri.getPath();
      const auto body = readBody(request);
      if (!body) {
        response.setKeepAlive(false);
        return send(response, 413, "text/plain", "request body too large\n");
      }
      if (path == "/pay/unifiedorder" || path == "/pay/orderquery") {
        const bool post = request.getMethod() == Poco::Net::HTTPRequest::HTTP_POST;
        const std::string xml = !post                         ? WxpayApi::requirePost()
                                : path == "/pay/unifiedorder" ? wxpay_.unifiedOrder(*body)
                                                              : wxpay_.orderQuery(*body);
        return send(response, 200, "text/xml; charset=UTF-8", xml);
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
      if (path.rfind(WxpayV3RefundControl::kPrefix, 0) == 0) {
        const ControlResponse answer = v3RefundControl_.handle(request.getMethod(), path, *body);
        return send(response, answer.status, "application/json", answer.json);
      }
      if (path.rfind(AlipayControlApi::kPrefix, 0) == 0) {
        const ControlResponse answer = alipayControl_.handle(request.getMethod(), path, *body);
        return send(response, answer.status, "application/json", answer.json);
      }
      std::string mchId;
      for (const auto& [name, value] : uri.getQueryParameters()) {
        if (name == "mch_id") mchId = value;
      }
      const ControlResponse answer = control_.handle(request.getMethod(), path, mchId, *body);
      send(response, answer.status, "application/json", answer.json);
    } catch (const std::exception& e) {
      log().error("%s %s failed: %s", request.getMethod(), request.getURI(), std::string(e.what()));
      if (!response.sent()) send(response, 500, "text/plain", "internal error\n");
    }
  }

 private:
  WxpayApi& wxpay_;
  WxpayV3Api& wxpayV3_;
  ControlApi& control_;
  AlipayGatewayApi& alipay_;
  AlipayControlApi& alipayControl_;
  WxpayV3RefundControl& v3RefundControl_;
};

class HandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  HandlerFactory(WxpayApi& wxpay, WxpayV3Api& wxpayV3, ControlApi& control, AlipayGatewayApi& alipay,
                 AlipayControlApi& alipayControl, WxpayV3RefundControl& v3RefundControl)
      : wxpay_(wxpay),
        wxpayV3_(wxpayV3),
        control_(control),
        alipay_(alipay),
        alipayControl_(alipayControl),
        v3RefundControl_(v3RefundControl) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Handler(wxpay_, wxpayV3_, control_, alipay_, alipayControl_, v3RefundControl_);
  }

 private:
  WxpayApi& wxpay_;
  WxpayV3Api& wxpayV3_;
  ControlApi& control_;
  AlipayGatewayApi& alipay_;
  AlipayControlApi& alipayControl_;
  WxpayV3RefundControl& v3RefundControl_;
};

}  // namespace

SimServer::SimServer(SimConfig config)
    : config_(std::move(config)),
      notifier_(config_.notifySchedule, config_.timeScale),
      v3RefundProcessor_(v3Refunds_, config_.v3Merchants, notifier_, config_.v3RefundSeconds * config_.timeScale),
      v3RefundControl_(store_, v3Refunds_),
      wxpay_(config_.merchants, store_),
      wxpayV3_(config_.v3Merchants, store_, v3Refunds_, v3RefundProcessor_),
      control_(store_, config_.merchants, config_.v3Merchants, notifier_),
      alipayNotifier_(config_.alipayNotifySchedule, config_.timeScale),
      alipayGateway_(config_.alipayApps, alipayStore_),
      alipayControl_(config_.alipayApps, alipayStore_, alipayNotifier_) {}

SimServer::~SimServer() { stop(); }

void SimServer::start() {
  Poco::Net::ServerSocket socket =
      core::net::listenSocket(config_.host, config_.port, config_.tlsCertificate, config_.tlsPrivateKey);
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(config_.threads);
  params->setMaxQueued(256);
  params->setKeepAliveTimeout(Poco::Timespan(5, 0));
  params->setMaxKeepAliveRequests(100);
  // An own pool: the default one stops at 16 threads.
  pool_ = std::make_unique<Poco::ThreadPool>(2, config_.threads);
  server_ = std::make_unique<Poco::Net::HTTPServer>(
      new HandlerFactory(wxpay_, wxpayV3_, control_, alipayGateway_, alipayControl_, v3RefundControl_), *pool_, socket,
      params);
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
  v3RefundProcessor_.stop();
  notifier_.stop();
  alipayNotifier_.stop();
}

}  // namespace paynext::tools::gatewaysim
