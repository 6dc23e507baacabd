#include "core/http/console_handler.h"

#include <map>

#include "core/http/console_assets.h"
#include "core/http/json_response.h"

namespace paynext::core::http {

namespace {

void securityHeaders(Poco::Net::HTTPServerResponse& response) {
  // Only the console's own files run: no inline script, no other origin, no framing.
  response.set("Content-Security-Policy",
               "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  response.set("X-Content-Type-Options", "nosniff");
  response.set("X-Frame-Options", "DENY");
  response.set("Referrer-Policy", "no-referrer");
}

}  // namespace

std::string ConsoleHandler::contentTypeOf(const std::string& name) {
  static const std::map<std::string, std::string> types = {
      {"html", "text/html; charset=utf-8"}, {"js", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},   {"svg", "image/svg+xml"},
      {"png", "image/png"},                 {"ico", "image/x-icon"},
      {"json", "application/json; charset=utf-8"}};
  const auto dot = name.rfind('.');
  auto it = dot == std::string::npos ? types.end() : types.find(name.substr(dot + 1));
  return it == types.end() ? "application/octet-stream" : it->second;
}

void ConsoleHandler::handle(const std::string& path, const std::vector<std::string>& segments,
                            Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  for (const auto& s : segments) {
    if (s == "." || s == ".." || s.find('\\') != std::string::npos || s.find('\0') != std::string::npos) {
      return sendText(response, 400, "text/plain; charset=utf-8", "bad path");
    }
  }
  const std::string& method = request.getMethod();
  if (method != "GET" && method != "HEAD") {
    response.set("Allow", "GET, HEAD");
    return sendText(response, 405, "text/plain; charset=utf-8", "method not allowed");
  }
  if (segments.empty() && path == "/admin") {
    response.set("Location", "/admin/");
    return sendText(response, 301, "text/plain; charset=utf-8", "/admin/");
  }
  const std::string name = segments.empty() ? "index.html" : segments.size() == 1 ? segments[0] : "";
  const ConsoleAsset* asset = nullptr;
  for (const auto& a : consoleAssets()) {
    if (a.name == name) asset = &a;
  }
  if (!asset) return sendText(response, 404, "text/plain; charset=utf-8", "not found");
  securityHeaders(response);
  // The names carry no hash: browsers revalidate every time, cheaply by ETag.
  response.set("Cache-Control", "no-cache");
  response.set("ETag", std::string(asset->etag));
  if (request.get("If-None-Match", "") == asset->etag) {
    response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_MODIFIED);
    response.setContentLength(0);
    response.send();
    return;
  }
  response.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
  response.setContentType(contentTypeOf(name));
  response.setContentLength64(static_cast<Poco::Int64>(asset->body.size()));
  auto& out = response.send();
  if (method == "GET") out.write(asset->body.data(), static_cast<std::streamsize>(asset->body.size()));
}

}  // namespace paynext::core::http
