#include "fake_sms_provider.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

namespace paynext::plugins::sms::test {

namespace {

class RecordingHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit RecordingHandler(std::shared_ptr<FakeSmsProvider::State> state) : state_(std::move(state)) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    RecordedRequest r{request.getMethod(), request.getURI(), request.getContentType(),
                      request.get("Idempotency-Key", ""), {}};
    Poco::StreamCopier::copyToString(request.stream(), r.body);
    int status = 0, delayMs = 0;
    std::string body;
    {
      std::lock_guard<std::mutex> lock(state_->mutex);
      state_->requests.push_back(r);
      status = state_->status;
      body = state_->body;
      delayMs = state_->delayMs;
    }
    if (delayMs) state_->stopping.tryWait(delayMs);
    response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    response.setContentType("application/json");
    response.setContentLength(static_cast<std::streamsize>(body.size()));
    response.send() << body;
  }

 private:
  std::shared_ptr<FakeSmsProvider::State> state_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(std::shared_ptr<FakeSmsProvider::State> state) : state_(std::move(state)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new RecordingHandler(state_);
  }

 private:
  std::shared_ptr<FakeSmsProvider::State> state_;
};

}  // namespace

FakeSmsProvider::FakeSmsProvider()
    : state_(std::make_shared<State>()),
      server_(new Factory(state_), Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0)),
              new Poco::Net::HTTPServerParams) {
  server_.start();
}

FakeSmsProvider::~FakeSmsProvider() {
  state_->stopping.set();
  server_.stopAll(true);
}

std::string FakeSmsProvider::url() const {
  return "http://127.0.0.1:" + std::to_string(server_.port()) + "/sms/send";
}

void FakeSmsProvider::answer(int status, const std::string& body) {
  std::lock_guard<std::mutex> lock(state_->mutex);
  state_->status = status;
  state_->body = body;
}

void FakeSmsProvider::delay(int ms) {
  std::lock_guard<std::mutex> lock(state_->mutex);
  state_->delayMs = ms;
}

std::vector<RecordedRequest> FakeSmsProvider::requests() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->requests;
}

}  // namespace paynext::plugins::sms::test
