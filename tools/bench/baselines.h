#pragma once
// Baselines without paynext, measured in the same run as paynextd.
#include <string>

#include "tools/bench/latency_stats.h"

namespace paynext::tools::bench {

// True for paynext's success envelope {"code":0,...} with status 200.
bool envelopeOk(int status, const std::string& body);

// A bare Poco HTTPServer answering a hello-world envelope.
LatencyStats helloBaseline(std::size_t requests, int clients);

}  // namespace paynext::tools::bench
