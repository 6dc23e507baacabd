#pragma once
#include <cstdint>
#include <string>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>

#include "paynext/sdk/clock.h"
#include "paynext/sdk/http_client.h"
#include "paynext/sdk/ledger.h"
#include "paynext/sdk/system_params.h"
#include "paynext/sdk/users.h"
#include "paynext/sdk/wallets.h"

namespace paynext::sdk {

class ServiceLocator;

// Who is asking and where: handed to every plugin call instead of globals.
// Everything in it is bound to one factory; nothing reaches another.
struct Scope {
  std::int64_t factoryId;
  std::string factory;  // the factory's name, the first path segment
  std::int64_t userId;  // 0 when no user is logged in (admin routes, jobs)
  Poco::Data::Session& session;
  const SystemParams& config;
  Poco::Logger& logger;
  const Clock& clock;        // the only "now" a module reads
  Users& users;              // read-only look-up of this factory's users
  Wallets& wallets;          // any wallet of this factory, in this session
  ServiceLocator& services;  // services of other modules enabled here
};

// Given to ActionHandler::validate when a payment is created. The session is
// for reading only; params have their {from:"config"} references resolved.
struct ValidateContext {
  Scope scope;
  Poco::JSON::Object::Ptr params;
};

// Given to ActionHandler::effect, outside any transaction: the session reads
// (each statement on its own), and the http client reaches outside services.
struct EffectContext {
  Scope scope;
  Poco::JSON::Object::Ptr params;
  std::int64_t paymentId;
  std::string outTradeId;
  int stepIndex;               // 0 for the outermost nextAction
  std::string idempotencyKey;  // "<outTradeId>-<stepIndex>": stable across retries
  HttpClient& http;
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
  std::string idempotencyKey;  // "<outTradeId>-<stepIndex>": stable across retries
  Ledger& ledger;              // the payer's wallet (scope.wallets.of(scope.userId))
  Poco::JSON::Object::Ptr effect;  // what effect() answered with done(); null without one
};

}  // namespace paynext::sdk
