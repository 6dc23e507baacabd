#pragma once
#include "paynext/sdk/visibility.h"
#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include <Poco/Exception.h>
#include <Poco/URI.h>

namespace paynext::sdk {

// Whether a URL the host's client may be asked to call: http:// or https://
// with a host (what an admin or a partner hands a module, checked up front).
inline bool isHttpUrl(const std::string& url) {
  try {
    const Poco::URI uri(url);
    return (uri.getScheme() == "http" || uri.getScheme() == "https") && !uri.getHost().empty();
  } catch (const Poco::SyntaxException&) {
    return false;
  }
}

struct HttpRequest {
  std::string method = "POST";
  std::string url;  // http:// or https://
  std::map<std::string, std::string> headers;
  std::string body;
  std::string contentType = "application/json";
};

struct HttpReply {
  int status = 0;
  std::string reason;  // the reason phrase
  std::map<std::string, std::string> headers;
  std::string body;  // at most the host's bound (HttpClient::kMaxReplyBytes by default)

  bool ok() const { return status >= 200 && status < 300; }
  bool transient() const { return status >= 500 || status == 429; }
};

// Calls to outside services (an SMS provider, a partner's API). The host's
// client applies one policy to every call: timeouts, TLS verification, which
// addresses may be reached. It never runs inside a transaction: plugins get
// it in ActionHandler::effect, in routes that do not write, and in jobs'
// effects. Failures to connect or answer throw HttpError.
class PAYNEXT_SDK_API HttpClient {
 public:
  // The default bound of a reply's body; the host's http.client.maxReplyBytes
  // setting may set another.
  static constexpr std::size_t kMaxReplyBytes = 64 * 1024;
  virtual ~HttpClient() = default;
  virtual HttpReply send(const HttpRequest& request) = 0;

  // Why the policy would refuse a call to `url` (the words HttpRefused would
  // carry), checked now without sending anything; nothing when a call may go
  // there, or when the name does not resolve now (the call checks again). For
  // routes that save a URL, so an admin hears of an inward address at once.
  // It resolves the name, the one outside wait allowed in a writing route.
  virtual std::optional<std::string> refusal(const std::string& url) {
    (void)url;
    return std::nullopt;
  }
};

// Refused, unreachable, timed out or not allowed: nothing was answered.
class PAYNEXT_SDK_API HttpError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The host's outbound policy refused the address (inward, or plain http to a
// destination not allow-listed); nothing was sent. Not transient: retrying
// cannot help until an admin changes the URL, so a step should fail.
class PAYNEXT_SDK_API HttpRefused : public HttpError {
 public:
  using HttpError::HttpError;
};

}  // namespace paynext::sdk
