#pragma once
// Baselines without paynext, measured in the same run as paynextd.
#include <string>

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "tools/bench/latency_stats.h"

namespace paynext::tools::bench {

// True for paynext's success envelope {"code":0,...} with status 200.
bool envelopeOk(int status, const std::string& body);

// What every hello-world server of the bench answers.
inline const char* const kHelloEnvelope = "{\"code\":0,\"data\":\"hello\",\"msg\":\"success\"}";
// Reads the request's body and answers kHelloEnvelope.
void answerHello(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res);
// Handlers that answerHello, for a Poco HTTPServer (which takes ownership).
Poco::Net::HTTPRequestHandlerFactory* newHelloFactory();

// A bare Poco HTTPServer answering a hello-world envelope.
LatencyStats helloBaseline(std::size_t requests, int clients);

}  // namespace paynext::tools::bench
