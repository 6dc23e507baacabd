#include "tests/integration/support/fake_sms_provider.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/StreamCopier.h>

namespace paynext::testing {
namespace {

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(FakeSmsProvider& provider) : provider_(provider) {}
  void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override {
    ReceivedSms sms;
    sms.idempotencyKey = req.get("Idempotency-Key", "");
    Poco::StreamCopier::copyToString(req.stream(), sms.body);
    const int status = provider_.record(std::move(sms));
    res.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    res.setContentType("application/json");
    res.send() << (status == 200 ? "{\"messageId\":\"m-1\"}" : "{\"message\":\"provider says no\"}");
  }

 private:
  FakeSmsProvider& provider_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(FakeSmsProvider& provider) : provider_(provider) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Handler(provider_);
  }

 private:
  FakeSmsProvider& provider_;
};

}  // namespace

FakeSmsProvider::FakeSmsProvider() {
  server_ = std::make_unique<Poco::Net::HTTPServer>(
      new Factory(*this), Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0)),
      new Poco::Net::HTTPServerParams);
  server_->start();
}

FakeSmsProvider::~FakeSmsProvider() { server_->stopAll(true); }

int FakeSmsProvider::port() const { return server_->port(); }

void FakeSmsProvider::queueStatus(int status) {
  std::lock_guard<std::mutex> lock(mutex_);
  statuses_.push_back(status);
}

std::vector<ReceivedSms> FakeSmsProvider::received() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return received_;
}

int FakeSmsProvider::record(ReceivedSms sms) {
  std::lock_guard<std::mutex> lock(mutex_);
  received_.push_back(std::move(sms));
  if (statuses_.empty()) return 200;
  const int status = statuses_.front();
  statuses_.pop_front();
  return status;
}

}  // namespace paynext::testing
