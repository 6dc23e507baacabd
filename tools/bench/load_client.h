#pragma once
#include <chrono>
#include <functional>
#include <string>

#include "tools/bench/latency_stats.h"

namespace paynext::tools::bench {

// Builds the body of request i (a form body).
using BodyFn = std::function<std::string(std::size_t i)>;
// Judges a response body; false counts as an error.
using CheckFn = std::function<bool(int status, const std::string& body)>;

// Bounds a run against a server that may not answer (a crowd holds all its
// threads): a request that takes longer fails, and no request starts after
// the deadline, so `requests` in the result is how many were sent.
struct LoadBounds {
  std::chrono::milliseconds requestTimeout{60000};  // HTTPClientSession's default
  std::chrono::milliseconds deadline{0};             // 0: none
};

// Sends `total` POSTs (or GETs, without a body) to 127.0.0.1:port/path from
// `clients` threads, each on one keep-alive connection, and measures every
// request.
LatencyStats runLoad(int port, const std::string& path, std::size_t total, int clients, const BodyFn& body,
                     const CheckFn& check, const std::string& method = "POST", const LoadBounds& bounds = {});

}  // namespace paynext::tools::bench
