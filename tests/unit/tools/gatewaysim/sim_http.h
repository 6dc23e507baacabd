#pragma once
// What the simulator's end-to-end tests share: calling its control API over
// HTTP, and waiting with a deadline for what it does in the background.
#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

namespace paynext::tools::gatewaysim::testing {

// GETs path (empty body) or POSTs the JSON body to the simulator on port;
// the HTTP status, and the answer's text in *answer.
inline int callSim(int port, const std::string& path, const std::string& body, std::string* answer = nullptr) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  Poco::Net::HTTPRequest request(body.empty() ? "GET" : "POST", path, Poco::Net::HTTPMessage::HTTP_1_1);
  request.setContentType("application/json");
  request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::string text;
  Poco::StreamCopier::copyToString(session.receiveResponse(response), text);
  if (answer) *answer = text;
  return response.getStatus();
}

// Polls done() until it holds or two seconds pass; whether it held.
inline bool eventually(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

}  // namespace paynext::tools::gatewaysim::testing
