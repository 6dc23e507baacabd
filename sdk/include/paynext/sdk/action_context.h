#pragma once
#include <cstdint>
#include <string>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>

#include "paynext/sdk/ledger.h"
#include "paynext/sdk/system_params.h"

namespace paynext::sdk {

// Who is asking and where: handed to every plugin call instead of globals.
struct Scope {
  std::int64_t factoryId;
  std::string factory;  // the factory's name, the first path segment
  std::int64_t userId;  // 0 when no user is logged in
  Poco::Data::Session& session;
  const SystemParams& config;
  Poco::Logger& logger;
};

// Given to ActionHandler::validate when a payment is created. The session is
// for reading only; params have their {from:"config"} references resolved.
struct ValidateContext {
  Scope scope;
  Poco::JSON::Object::Ptr params;
};

// Given to ActionHandler::execute after the payment is confirmed. The session
// holds the step's transaction: the plugin's writes, the ledger's changes and
// the step's status commit together or not at all.
struct ExecuteContext {
  Scope scope;
  Poco::JSON::Object::Ptr params;
  std::int64_t paymentId;
  std::string outTradeId;
  int stepIndex;               // 0 for the outermost nextAction
  std::string idempotencyKey;  // stable across retries; pass it to outside services
  Ledger& ledger;
  const HttpClientSettings& http;
};

}  // namespace paynext::sdk
