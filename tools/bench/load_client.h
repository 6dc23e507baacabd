#pragma once
#include <functional>
#include <string>

#include "tools/bench/latency_stats.h"

namespace paynext::tools::bench {

// Builds the body of request i (a form body).
using BodyFn = std::function<std::string(std::size_t i)>;
// Judges a response body; false counts as an error.
using CheckFn = std::function<bool(int status, const std::string& body)>;

// Sends `total` POSTs (or GETs, without a body) to 127.0.0.1:port/path from
// `clients` threads, each on one keep-alive connection, and measures every
// request.
LatencyStats runLoad(int port, const std::string& path, std::size_t total, int clients, const BodyFn& body,
                     const CheckFn& check, const std::string& method = "POST");

}  // namespace paynext::tools::bench
