#pragma once
// An HTTP server on 127.0.0.1:<free port> inside the test process that
// answers through a function the test gives and records every request. The
// one fake server the tests build theirs on (SMS providers, partners, hosts).
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <Poco/Event.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

namespace paynext::testing {

struct LocalRequest {
  std::string method;
  std::string uri;
  std::map<std::string, std::string> headers;
  std::string body;
  std::string peer;  // the client's address and port: one per connection

  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

struct LocalReply {
  LocalReply(int s = 200, std::string b = "", std::string type = "application/json", int delay = 0)
      : status(s), body(std::move(b)), contentType(std::move(type)), delayMs(delay) {}

  int status = 200;
  std::string body;
  std::string contentType = "application/json";
  int delayMs = 0;  // held back this long (or until the server stops) before answering
  std::map<std::string, std::string> headers;
};

class LocalHttpServer {
 public:
  using Answer = std::function<LocalReply(const LocalRequest&)>;

  explicit LocalHttpServer(Answer answer = {})
      : LocalHttpServer(std::move(answer), Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0))) {}
  // Serving on `socket`, e.g. a Poco::Net::SecureServerSocket for HTTPS.
  LocalHttpServer(Answer answer, const Poco::Net::ServerSocket& socket) : state_(std::make_shared<State>()) {
    state_->answer = std::move(answer);
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(16);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(state_), socket, params);
    server_->start();
  }
  ~LocalHttpServer() {
    state_->stopping.set();
    server_->stopAll(true);
  }

  int port() const { return server_->port(); }
  std::string url(const std::string& path = "/") const {
    return "http://127.0.0.1:" + std::to_string(port()) + path;
  }
  void setAnswer(Answer answer) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->answer = std::move(answer);
  }
  std::vector<LocalRequest> requests() const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->requests;
  }
  // The latest request; an empty one when none arrived since clear().
  LocalRequest last() const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->requests.empty() ? LocalRequest{} : state_->requests.back();
  }
  void clear() {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->requests.clear();
  }

 private:
  struct State {
    mutable std::mutex mutex;
    Answer answer;
    std::vector<LocalRequest> requests;
    Poco::Event stopping{Poco::Event::EVENT_MANUALRESET};
  };

  class Handler : public Poco::Net::HTTPRequestHandler {
   public:
    explicit Handler(std::shared_ptr<State> state) : state_(std::move(state)) {}
    void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override {
      LocalRequest in{req.getMethod(), req.getURI(), {}, {}, req.clientAddress().toString()};
      for (const auto& [name, value] : req) in.headers[name] = value;
      Poco::StreamCopier::copyToString(req.stream(), in.body);
      Answer answer;
      {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->requests.push_back(in);
        answer = state_->answer;
      }
      const LocalReply out = answer ? answer(in) : LocalReply{};
      if (out.delayMs > 0) state_->stopping.tryWait(out.delayMs);
      res.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(out.status));
      for (const auto& [name, value] : out.headers) res.set(name, value);
      res.setContentType(out.contentType);
      res.setContentLength64(static_cast<Poco::Int64>(out.body.size()));
      res.send() << out.body;
    }

   private:
    std::shared_ptr<State> state_;
  };

  class Factory : public Poco::Net::HTTPRequestHandlerFactory {
   public:
    explicit Factory(std::shared_ptr<State> state) : state_(std::move(state)) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
      return new Handler(state_);
    }

   private:
    std::shared_ptr<State> state_;
  };

  std::shared_ptr<State> state_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace paynext::testing
