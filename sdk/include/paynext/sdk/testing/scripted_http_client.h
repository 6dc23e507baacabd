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
  // The policy's verdict on a URL (HttpClient::refusal); none refuses by default.
  std::function<std::optional<std::string>(const std::string&)> refuse;

  HttpReply send(const HttpRequest& request) override {
    if (auto why = refusal(request.url)) throw HttpRefused(*why);  // nothing sent
    requests.push_back(request);
    if (!answer) throw HttpError("Connection refused");
    return answer(request);
  }

  std::optional<std::string> refusal(const std::string& url) override {
    return refuse ? refuse(url) : std::nullopt;
  }
};

}  // namespace paynext::sdk::testing
