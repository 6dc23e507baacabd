#pragma once
// A client connection that sends exactly the bytes a test gives and reads
// answers as they come: for framing, pipelining, slow and idle clients.
#include <chrono>
#include <stdexcept>
#include <string>

#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/Timespan.h>

namespace paynext::testing {

class RawHttpConnection {
 public:
  // Connects to 127.0.0.1:port from the loopback address `from` (any of
  // 127.0.0.0/8, so a test can be several clients).
  explicit RawHttpConnection(int port, const std::string& from = "127.0.0.1")
      : socket_(Poco::Net::SocketAddress::IPv4) {
    socket_.impl()->bind(Poco::Net::SocketAddress(from, 0), true);
    socket_.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)), Poco::Timespan(5, 0));
  }

  void send(const std::string& bytes) { socket_.sendBytes(bytes.data(), static_cast<int>(bytes.size())); }

  // One whole answer (head and Content-Length body) within timeout; throws
  // when none comes, or the connection closes first.
  std::string readResponse(std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      const auto head = pending_.find("\r\n\r\n");
      if (head != std::string::npos) {
        const std::size_t total = head + 4 + contentLength(pending_.substr(0, head));
        if (pending_.size() >= total) {
          std::string response = pending_.substr(0, total);
          pending_.erase(0, total);
          return response;
        }
      }
      if (!receive(deadline)) throw std::runtime_error("connection closed before a whole answer: " + pending_);
    }
  }

  // True when the server closes the connection within timeout (bytes that
  // arrive meanwhile are kept for readResponse).
  bool closedWithin(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    try {
      while (receive(deadline)) {
      }
      return true;
    } catch (const std::runtime_error&) {
      return false;
    }
  }

  // True while the server keeps the connection open and has sent nothing.
  bool quietAndOpen() { return !socket_.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ); }

  static int status(const std::string& response) {
    return response.size() >= 12 ? Poco::NumberParser::parse(response.substr(9, 3)) : 0;
  }
  static std::string body(const std::string& response) {
    const auto head = response.find("\r\n\r\n");
    return head == std::string::npos ? "" : response.substr(head + 4);
  }

 private:
  static std::size_t contentLength(const std::string& head) {
    const std::string lower = Poco::toLower(head);
    const auto at = lower.find("\r\ncontent-length:");
    if (at == std::string::npos) return 0;
    return static_cast<std::size_t>(Poco::NumberParser::parseUnsigned(Poco::trim(
        head.substr(at + 17, head.find("\r\n", at + 2) - at - 17))));
  }

  // Appends what arrives before deadline; false when the peer closed.
  bool receive(std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::microseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) throw std::runtime_error("timed out waiting for the server");
    socket_.setReceiveTimeout(Poco::Timespan(left.count()));
    char buffer[4096];
    try {
      const int n = socket_.receiveBytes(buffer, sizeof buffer);
      if (n <= 0) return false;
      pending_.append(buffer, static_cast<std::size_t>(n));
      return true;
    } catch (const Poco::TimeoutException&) {
      throw std::runtime_error("timed out waiting for the server");
    } catch (const Poco::Net::ConnectionResetException&) {
      return false;
    }
  }

  Poco::Net::StreamSocket socket_;
  std::string pending_;
};

}  // namespace paynext::testing
