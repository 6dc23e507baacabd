#pragma once
#include <string>

#include <Poco/Dynamic/Var.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace paynext::core::http {

void sendJson(Poco::Net::HTTPServerResponse& response, int status, const Poco::Dynamic::Var& body);
void sendText(Poco::Net::HTTPServerResponse& response, int status, const std::string& contentType,
              const std::string& body);

// The API工厂 envelope {"code":..,"data":..,"msg":..}, always HTTP 200 unless
// the request could not be read at all.
void sendEnvelope(Poco::Net::HTTPServerResponse& response, int code, const std::string& msg,
                  const Poco::Dynamic::Var& data = Poco::Dynamic::Var(), int status = 200);

// The admin API's error shape {"error":{"code":..,"message":..}}.
void sendAdminError(Poco::Net::HTTPServerResponse& response, int status, const std::string& message);

}  // namespace paynext::core::http
