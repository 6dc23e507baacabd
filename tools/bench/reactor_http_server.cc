#include "tools/bench/reactor_http_server.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_set>
#include <vector>

#include <Poco/Exception.h>
#include <Poco/NObserver.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/SocketNotification.h>
#include <Poco/Net/SocketReactor.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Thread.h>

namespace paynext::tools::bench {
namespace {

// Bounds that keep a broken client from growing a buffer without end.
const std::size_t kMaxHeadBytes = 16 * 1024;
const std::size_t kMaxBodyBytes = 64 * 1024;

// A fixed pool with a queue: Poco::ThreadPool refuses work when every
// thread is busy, but a complete request must wait for a worker instead.
class WorkerPool {
 public:
  explicit WorkerPool(int threads) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
  }
  ~WorkerPool() { join(); }

  void post(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    ready_.notify_one();
  }

  // Runs the queued tasks, then ends the threads.
  void join() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
        if (tasks_.empty()) return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace

class ReactorHttpServer::Impl {
 public:
  Impl(Handler handler, int workers)
      : handler_(std::move(handler)),
        listener_(Poco::Net::SocketAddress("127.0.0.1", 0), 1024),  // the crowd connects in a burst
        // The timeout bounds how long stop() waits for the reactor loop.
        reactor_(Poco::Timespan(0, 100 * 1000)),
        acceptObserver_(*this, &Impl::onAccept),
        workers_(workers) {
    listener_.setBlocking(false);
    reactor_.addEventHandler(listener_, acceptObserver_);
    thread_.start(reactor_);
  }

  ~Impl();

  int port() const { return listener_.address().port(); }

 private:
  class Connection;

  void onAccept(const Poco::AutoPtr<Poco::Net::ReadableNotification>&);
  void forget(Connection* c) {
    std::lock_guard<std::mutex> lock(mutex_);
    connections_.erase(c);
  }

  Handler handler_;
  Poco::Net::ServerSocket listener_;
  Poco::Net::SocketReactor reactor_;
  Poco::NObserver<Impl, Poco::Net::ReadableNotification> acceptObserver_;
  Poco::Thread thread_{"reactor"};
  WorkerPool workers_;
  std::mutex mutex_;
  std::unordered_set<Connection*> connections_;  // the open ones, closed on stop
};

// One connection. It belongs to the reactor while its socket is registered
// (reading), and to one worker while a request is served; whichever holds it
// deletes it when the connection ends.
class ReactorHttpServer::Impl::Connection {
 public:
  Connection(Impl& server, const Poco::Net::StreamSocket& socket)
      : server_(server), socket_(socket), readObserver_(*this, &Connection::onReadable) {
    socket_.setBlocking(false);
    socket_.setNoDelay(true);
  }

  ~Connection() {
    try {
      socket_.close();
    } catch (const Poco::Exception&) {
    }
  }

  void watch() { server_.reactor_.addEventHandler(socket_, readObserver_); }

 private:
  // On the reactor thread: takes what is readable without blocking; a
  // complete request leaves the reactor for a worker.
  void onReadable(const Poco::AutoPtr<Poco::Net::ReadableNotification>&) {
    char buffer[8192];
    int n = 0;
    try {
      n = socket_.receiveBytes(buffer, sizeof buffer);
    } catch (const Poco::Exception&) {
      n = 0;  // reset by the peer: as closed
    }
    if (n < 0) return;  // nothing after all (a non-blocking socket)
    if (n == 0) return closeFromReactor();
    in_.append(buffer, static_cast<std::size_t>(n));
    if (!headRead_ && !readHead()) return;
    if (in_.size() < bodyLength_) return;
    std::string body = in_.substr(0, bodyLength_);
    in_.erase(0, bodyLength_);
    headRead_ = false;
    server_.reactor_.removeEventHandler(socket_, readObserver_);
    server_.workers_.post([this, body = std::move(body)] { serve(body); });
  }

  // True once the head is complete and parsed; closes the connection on a
  // bad or unsupported head.
  bool readHead() {
    const auto end = in_.find("\r\n\r\n");
    if (end == std::string::npos) {
      if (in_.size() > kMaxHeadBytes) closeFromReactor();
      return false;
    }
    try {
      std::istringstream head(in_.substr(0, end + 4));
      request_ = Poco::Net::HTTPRequest();
      request_.read(head);
    } catch (const Poco::Exception&) {
      closeFromReactor();
      return false;
    }
    const Poco::Int64 length = request_.hasContentLength() ? request_.getContentLength64() : 0;
    if (request_.getChunkedTransferEncoding() || length < 0 || static_cast<std::size_t>(length) > kMaxBodyBytes) {
      closeFromReactor();
      return false;
    }
    in_.erase(0, end + 4);
    bodyLength_ = static_cast<std::size_t>(length);
    headRead_ = true;
    return true;
  }

  // On a worker: runs the handler, answers, then gives the socket back to
  // the reactor or closes it.
  void serve(const std::string& body) {
    Poco::Net::HTTPResponse response(Poco::Net::HTTPResponse::HTTP_1_1, Poco::Net::HTTPResponse::HTTP_OK);
    std::string answer;
    try {
      answer = server_.handler_(request_.getMethod(), request_.getURI(), body);
    } catch (const std::exception&) {
      response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR);
      answer = "{\"code\":-1,\"msg\":\"handler failed\"}";
    }
    const bool keepAlive = request_.getKeepAlive() && response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK;
    response.setContentType("application/json");
    response.setContentLength64(static_cast<Poco::Int64>(answer.size()));
    response.setKeepAlive(keepAlive);
    std::ostringstream out;
    response.write(out);
    out << answer;
    if (send(out.str()) && keepAlive) {
      watch();  // level-triggered: a next request already sent is seen at once
    } else {
      server_.forget(this);
      delete this;
    }
  }

  // The prototype's blocking send loop, bounded by a send timeout.
  bool send(const std::string& bytes) {
    try {
      socket_.setBlocking(true);
      socket_.setSendTimeout(Poco::Timespan(5, 0));
      for (std::size_t sent = 0; sent < bytes.size();) {
        const int n = socket_.sendBytes(bytes.data() + sent, static_cast<int>(bytes.size() - sent));
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
      }
      socket_.setBlocking(false);
      return true;
    } catch (const Poco::Exception&) {
      return false;
    }
  }

  void closeFromReactor() {
    server_.reactor_.removeEventHandler(socket_, readObserver_);
    server_.forget(this);
    delete this;
  }

  Impl& server_;
  Poco::Net::StreamSocket socket_;
  Poco::NObserver<Connection, Poco::Net::ReadableNotification> readObserver_;
  std::string in_;  // received, not yet part of a served request
  bool headRead_ = false;
  Poco::Net::HTTPRequest request_;
  std::size_t bodyLength_ = 0;
};

ReactorHttpServer::Impl::~Impl() {
  reactor_.removeEventHandler(listener_, acceptObserver_);
  reactor_.stop();
  reactor_.wakeUp();
  thread_.join();
  // Requests being served finish; their sockets go back to the stopped
  // reactor and are closed below with the waiting ones.
  workers_.join();
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto* c : connections_) delete c;
  connections_.clear();
}

// Poco's SocketAcceptor would do this, but its default factory builds a
// handler from (socket, reactor) alone, and a connection needs the server.
void ReactorHttpServer::Impl::onAccept(const Poco::AutoPtr<Poco::Net::ReadableNotification>&) {
  // The listener is non-blocking, so a connection that went away before
  // accept() throws instead of blocking the reactor.
  Poco::Net::StreamSocket socket;
  try {
    socket = listener_.acceptConnection();
  } catch (const Poco::Exception&) {
    return;
  }
  auto* c = new Connection(*this, socket);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    connections_.insert(c);
  }
  c->watch();
}

ReactorHttpServer::ReactorHttpServer(Handler handler, int workers)
    : impl_(std::make_unique<Impl>(std::move(handler), workers)) {}

ReactorHttpServer::~ReactorHttpServer() = default;

int ReactorHttpServer::port() const { return impl_->port(); }

}  // namespace paynext::tools::bench
