#pragma once
// Baselines without paynext, measured in the same run as paynextd.
#include <string>

#include "tools/bench/latency_stats.h"

namespace paynext::tools::bench {

// True for paynext's success envelope {"code":0,...} with status 200.
bool envelopeOk(int status, const std::string& body);

// A bare Poco HTTPServer answering a hello-world envelope.
LatencyStats helloBaseline(std::size_t requests, int clients);

// Raw SQLite commits (WAL, synchronous=FULL) in dir, per second.
double sqliteCommitsPerSecond(const std::string& dir, int commits);

}  // namespace paynext::tools::bench
