#include "tools/bench/load_client.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

namespace paynext::tools::bench {

LatencyStats runLoad(int port, const std::string& path, std::size_t total, int clients, const BodyFn& body,
                     const CheckFn& check, const std::string& method, const LoadBounds& bounds) {
  std::atomic<std::size_t> next{0}, errors{0};
  std::mutex mutex;
  std::vector<double> latencies;
  const auto start = std::chrono::steady_clock::now();
  const bool bounded = bounds.deadline.count() > 0;
  const auto deadline = start + bounds.deadline;
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&] {
      Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
      session.setKeepAlive(true);
      session.setTimeout(
          Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(bounds.requestTimeout).count()));
      std::vector<double> mine;
      for (std::size_t i = next++; i < total; i = next++) {
        if (bounded && std::chrono::steady_clock::now() >= deadline) break;
        const std::string payload = method == "GET" ? std::string() : body(i);
        const auto t0 = std::chrono::steady_clock::now();
        bool ok = false;
        try {
          Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
          if (method != "GET") {
            request.setContentType("application/x-www-form-urlencoded");
            request.setContentLength64(static_cast<Poco::Int64>(payload.size()));
          }
          request.setKeepAlive(true);
          session.sendRequest(request) << payload;
          Poco::Net::HTTPResponse response;
          std::string answer;
          Poco::StreamCopier::copyToString(session.receiveResponse(response), answer);
          ok = check(response.getStatus(), answer);
        } catch (const std::exception&) {
          session.reset();
        }
        mine.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        if (!ok) ++errors;
      }
      std::lock_guard<std::mutex> lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  }
  for (auto& t : threads) t.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return LatencyStats::from(std::move(latencies), errors, seconds);
}

}  // namespace paynext::tools::bench
