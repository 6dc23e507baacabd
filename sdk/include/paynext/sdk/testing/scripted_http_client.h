#pragma once
#include <functional>
#include <vector>

#include "paynext/sdk/http_client.h"

namespace paynext::sdk::testing {

// Answers outside calls the way the test scripts it, and records them.
// Without a script every call fails as an unreachable service would.
class ScriptedHttpClient : public HttpClient {
 public:
  std::function<HttpReply(const HttpRequest&)> answer;
  std::vector<HttpRequest> requests;

  HttpReply send(const HttpRequest& request) override {
    requests.push_back(request);
    if (!answer) throw HttpError("Connection refused");
    return answer(request);
  }
};

}  // namespace paynext::sdk::testing
