#include "tools/bench/bare_wxpay_handler.h"

#include <atomic>
#include <ctime>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

#include "core/crypto/digest.h"
#include "core/payments/wxpay/wxpay_jsapi_params.h"
#include "core/payments/wxpay/wxpay_sign.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "tools/bench/paynext_process.h"

namespace paynext::tools::bench {
namespace {

namespace wx = core::payments::wxpay;

std::atomic<std::uint64_t> orderNumber{0};

// The unifiedorder round trip; returns the prepay_id or throws.
std::string unifiedOrder(Poco::Net::HTTPClientSession& gateway) {
  wx::Fields request{{"appid", kAppId},
                     {"mch_id", kMchId},
                     {"nonce_str", core::crypto::randomHex(16)},
                     {"sign_type", "MD5"},
                     {"body", "在线支付"},
                     {"out_trade_no", "BARE" + std::to_string(++orderNumber)},
                     {"total_fee", "1"},
                     {"spbill_create_ip", "127.0.0.1"},
                     {"notify_url", "http://127.0.0.1/notify/wxpay/bench"},
                     {"trade_type", "JSAPI"}};
  request["sign"] = wx::sign(request, kKey, wx::SignType::Md5);
  const std::string xml = wx::toXml(request);
  Poco::Net::HTTPRequest post("POST", "/pay/unifiedorder", Poco::Net::HTTPMessage::HTTP_1_1);
  post.setContentType("text/xml; charset=UTF-8");
  post.setContentLength64(static_cast<Poco::Int64>(xml.size()));
  post.setKeepAlive(true);
  gateway.sendRequest(post) << xml;
  Poco::Net::HTTPResponse response;
  std::string body;
  Poco::StreamCopier::copyToString(gateway.receiveResponse(response), body);
  if (response.getStatus() != 200) throw std::runtime_error("gateway answered " + std::to_string(response.getStatus()));
  const wx::Fields answer = wx::parseXml(body);
  auto field = [&](const char* name) {
    const auto it = answer.find(name);
    return it == answer.end() ? std::string() : it->second;
  };
  if (field("return_code") != "SUCCESS" || field("result_code") != "SUCCESS") throw std::runtime_error(body);
  if (!wx::verify(answer, kKey, wx::SignType::Md5)) throw std::runtime_error("the answer's signature is wrong");
  if (field("prepay_id").empty()) throw std::runtime_error("no prepay_id");
  return field("prepay_id");
}

class BareWxpayHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit BareWxpayHandler(int gatewayPort) : gatewayPort_(gatewayPort) {}

  void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override {
    std::string ignored;  // the form (token, money): read, as paynextd does
    Poco::StreamCopier::copyToString(req.stream(), ignored);
    // One keep-alive session to the gatewaysim per handler thread.
    thread_local std::unique_ptr<Poco::Net::HTTPClientSession> gateway;
    if (!gateway) {
      gateway = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", static_cast<Poco::UInt16>(gatewayPort_));
      gateway->setKeepAlive(true);
      // Below the gatewaysim's 5 s, so an idle session is reopened rather
      // than reused after the gatewaysim closed it.
      gateway->setKeepAliveTimeout(Poco::Timespan(4, 0));
    }
    res.setContentType("application/json");
    try {
      const std::string prepayId = unifiedOrder(*gateway);
      const wx::Fields pay = wx::jsapiPayParams(kAppId, prepayId, kKey, wx::SignType::Md5,
                                                std::to_string(std::time(nullptr)), core::crypto::randomHex(16));
      std::string data;
      for (const auto& [k, v] : pay) data += (data.empty() ? "\"" : ",\"") + k + "\":\"" + v + "\"";
      res.send() << "{\"code\":0,\"data\":{" << data << "},\"msg\":\"success\"}";
    } catch (const std::exception& e) {
      gateway->reset();
      res.send() << "{\"code\":500,\"data\":null,\"msg\":\"unifiedorder failed\"}";
    }
  }

 private:
  int gatewayPort_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(int gatewayPort) : gatewayPort_(gatewayPort) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new BareWxpayHandler(gatewayPort_);
  }

 private:
  int gatewayPort_;
};

}  // namespace

BareWxpayServer::BareWxpayServer(int gatewayPort, int threads) : pool_(threads, threads) {
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(threads);
  server_ = std::make_unique<Poco::Net::HTTPServer>(
      new Factory(gatewayPort), pool_, Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0)), params);
  server_->start();
}

BareWxpayServer::~BareWxpayServer() {
  server_->stopAll(true);
  server_.reset();
  pool_.joinAll();
}

}  // namespace paynext::tools::bench
