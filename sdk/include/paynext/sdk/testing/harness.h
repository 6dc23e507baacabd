#pragma once
// A test harness for plugin authors: runs a module's SQLite migrations on an
// in-memory database and calls its handlers, routes and jobs the way the host
// does (transactions, the two phases of a step, refusals), with in-memory
// wallets, users, services, clock, outside calls and system parameters.
#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>

#include "paynext/sdk/errors.h"
#include "paynext/sdk/module.h"
#include "paynext/sdk/no_ledger.h"
#include "paynext/sdk/testing/manual_clock.h"
#include "paynext/sdk/testing/map_system_params.h"
#include "paynext/sdk/testing/memory_checkout.h"
#include "paynext/sdk/testing/memory_ledger.h"
#include "paynext/sdk/testing/memory_services.h"
#include "paynext/sdk/testing/memory_users.h"
#include "paynext/sdk/testing/scripted_http_client.h"

namespace paynext::sdk::testing {

// The code and message of the sdk::Error that f throws; {-1, ""} when it does
// not throw. For asserting exact refusals.
template <typename F>
std::pair<int, std::string> refusal(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return {e.code(), e.what()};
  }
  return {-1, ""};
}

// Which payment and step an execute() belongs to. newPayment() makes a fresh
// one; pass the same StepRun again to retry that step with the same key.
struct StepRun {
  std::int64_t paymentId = 0;
  std::string outTradeId;
  int stepIndex = 0;
  std::string key;  // "<outTradeId>-<stepIndex>", as the host makes it
};

class Harness {
 public:
  explicit Harness(std::shared_ptr<Module> module, std::int64_t factoryId = 1, std::int64_t userId = 1)
      : module_(std::move(module)),
        session_((registerSqlite(), Poco::Data::Session("SQLite", ":memory:"))),
        factoryId_(factoryId),
        userId_(userId),
        wallets_(users_) {
    for (const auto& m : module_->migrations()) session_ << m.sqlite, Poco::Data::Keywords::now;
    for (auto& t : module_->actionTypes()) types_[t.code] = t;
    if (userId_ > 0) users_.add(userId_, "测试用户");
    checkout_.clock = &clock_;
  }

  Poco::Data::Session& session() { return session_; }
  // A snapshot of a table for asserting the rows a call left: each row of the
  // SELECT as its columns joined by "/" ("1/PAID/1250/"; NULL as nothing).
  std::vector<std::string> rows(const std::string& sql) {
    Poco::Data::Statement select(session_);
    select << sql;
    select.execute();
    Poco::Data::RecordSet all(select);
    std::vector<std::string> out;
    for (bool more = all.moveFirst(); more; more = all.moveNext()) {
      std::string line;
      for (std::size_t column = 0; column < all.columnCount(); ++column) {
        if (column > 0) line += "/";
        const Poco::Dynamic::Var value = all.value(column);
        if (!value.isEmpty()) line += value.convert<std::string>();
      }
      out.push_back(std::move(line));
    }
    return out;
  }
  // The current user's wallet; ledger(id) another user's (add them to users() first).
  MemoryLedger& ledger() { return wallets_.ledger(userId_); }
  MemoryLedger& ledger(std::int64_t userId) { return wallets_.ledger(userId); }
  MemoryUsers& users() { return users_; }
  MemoryCheckout& checkout() { return checkout_; }
  MemoryServices& services() { return services_; }
  MapSystemParams& config() { return config_; }
  ManualClock& clock() { return clock_; }
  ScriptedHttpClient& http() { return http_; }
  void setUser(std::int64_t userId) {
    userId_ = userId;
    if (userId_ > 0 && !users_.find(userId_)) users_.add(userId_);
  }
  void setFactory(std::int64_t factoryId) { factoryId_ = factoryId; }

  Scope scope() {
    return Scope{factoryId_, "test", userId_, session_, config_, Poco::Logger::get("test"),
                 clock_,     users_, wallets_, services_};
  }

  static Poco::JSON::Object::Ptr json(const std::string& text) {
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
  }

  Fen validate(int type, const std::string& paramsJson) {
    ValidateContext ctx{scope(), json(paramsJson)};
    return handler(type).validate(ctx);
  }

  // A new payment of the current user, with its own trade id "PNSTEP<n>".
  StepRun newPayment(int stepIndex = 0) {
    ++payments_;
    const std::string out = "PNSTEP" + std::to_string(payments_);
    return StepRun{payments_, out, stepIndex, out + "-" + std::to_string(stepIndex)};
  }

  // The step of a payment a route opened through checkout(), e.g. to run
  // the chain of the trade id a route answered.
  StepRun paymentOf(const CheckoutResult& paid, int stepIndex = 0) {
    ++payments_;
    return StepRun{payments_, paid.outTradeId, stepIndex, paid.outTradeId + "-" + std::to_string(stepIndex)};
  }

  // Runs a step as the host does: effect() outside any transaction when the
  // handler has one, then execute() in a transaction committed only for Done.
  StepResult execute(int type, const std::string& paramsJson) { return execute(type, paramsJson, newPayment()); }
  // A new payment whose step has the given key (prefer StepRun: it keys the step as the host does).
  StepResult execute(int type, const std::string& paramsJson, const std::string& key) {
    StepRun run = newPayment();
    run.key = key;
    return execute(type, paramsJson, run);
  }
  StepResult execute(int type, const std::string& paramsJson, const StepRun& run) {
    ActionHandler& h = handler(type);
    Poco::JSON::Object::Ptr effect;
    if (h.hasEffect()) {
      EffectContext ectx{scope(), json(paramsJson), run.paymentId, run.outTradeId, run.stepIndex, run.key, http_};
      StepResult first = guarded([&] { return h.effect(ectx); });
      if (first.status != StepResult::Status::Done) return first;
      effect = first.result;
    }
    return inTransaction(
        [&] {
          ExecuteContext ctx{scope(), json(paramsJson), run.paymentId, run.outTradeId, run.stepIndex,
                             run.key, ledger(),         effect};
          return guarded([&] { return h.execute(ctx); });
        },
        [](const StepResult& r) { return r.status == StepResult::Status::Done; });
  }

  // Runs one of the module's jobs in a transaction, as the host would for
  // this factory; lastRunAt as the host would pass it.
  void runJob(const std::string& name, std::int64_t lastRunAt = 0) {
    for (auto& job : module_->jobs()) {
      if (job.name != name) continue;
      inTransaction(
          [&] {
            JobContext ctx{Scope{factoryId_, "test", 0, session_, config_, Poco::Logger::get("test"), clock_, users_,
                                 wallets_, services_},
                           lastRunAt};
            job.run(ctx);
            return true;
          },
          [](bool) { return true; });
      return;
    }
    throw std::logic_error("module has no job " + name);
  }

  // Calls a module route the way the host would, inside a transaction.
  RouteResponse call(const std::string& path, const std::string& paramsJson) { return call("*", path, paramsJson); }

  // The same for one method ("GET", "POST"; "*" takes the first route of the path).
  RouteResponse call(const std::string& method, const std::string& path, const std::string& paramsJson) {
    return dispatch(nullptr, method, path, paramsJson);
  }

  // The route of that audience only, called as that audience would: a User
  // route without a logged-in user (setUser(0)) is refused with 2000, an
  // Admin route runs with no user, as the host runs it.
  RouteResponse callAs(Audience audience, const std::string& method, const std::string& path,
                       const std::string& paramsJson) {
    return dispatch(&audience, method, path, paramsJson);
  }

  // A route called with the request's exact body and headers (names in lower
  // case), as a partner that signs its requests sends them; the body, a JSON
  // object, also gives the params, as the host merges it.
  RouteResponse callRaw(const std::string& method, const std::string& path, const std::string& body,
                        std::map<std::string, std::string> headers) {
    rawBody_ = body;
    rawHeaders_ = std::move(headers);
    try {
      RouteResponse r = dispatch(nullptr, method, path, body.empty() ? "{}" : body);
      rawBody_.clear();
      rawHeaders_.clear();
      return r;
    } catch (...) {
      rawBody_.clear();
      rawHeaders_.clear();
      throw;
    }
  }

  // The module's PostgreSQL migrations, run in a throwaway schema of the
  // server named by PAYNEXT_TEST_POSTGRESQL (a libpq connection string).
  // Returns false when none is named: skip the test with that message.
  static const char* postgresqlServer() { return std::getenv("PAYNEXT_TEST_POSTGRESQL"); }
  bool checkPostgresqlMigrations() {
    const char* server = postgresqlServer();
    if (!server || !*server) return false;
    Poco::Data::PostgreSQL::Connector::registerConnector();
    Poco::Data::Session pg("PostgreSQL", server);
    const std::string schema = "paynext_test_" + module_->name();
    pg << "DROP SCHEMA IF EXISTS " + schema + " CASCADE", Poco::Data::Keywords::now;
    pg << "CREATE SCHEMA " + schema, Poco::Data::Keywords::now;
    pg << "SET search_path TO " + schema, Poco::Data::Keywords::now;
    try {
      for (const auto& m : module_->migrations()) pg << m.postgresql, Poco::Data::Keywords::now;
    } catch (...) {
      pg << "DROP SCHEMA " + schema + " CASCADE", Poco::Data::Keywords::now;
      throw;
    }
    pg << "DROP SCHEMA " + schema + " CASCADE", Poco::Data::Keywords::now;
    return true;
  }

 private:
  static int registerSqlite() {
    Poco::Data::SQLite::Connector::registerConnector();
    return 0;
  }
  ActionHandler& handler(int type) {
    auto it = types_.find(type);
    if (it == types_.end()) throw std::logic_error("module has no type " + std::to_string(type));
    return *it->second.handler;
  }
  // Like the host: a throwing handler fails its step.
  template <typename F>
  static StepResult guarded(F&& f) {
    try {
      return f();
    } catch (const std::exception& e) {
      return StepResult::fail(e.what());
    }
  }
  // Runs f in a transaction; commits when keep(result) says so, else rolls
  // back the database and every wallet. Exceptions roll back and go on.
  template <typename F, typename K>
  auto inTransaction(F&& f, K&& keep) -> decltype(f()) {
    const auto before = wallets_.snapshot();
    session_.begin();
    try {
      auto result = f();
      if (keep(result)) {
        session_.commit();
      } else {
        session_.rollback();
        wallets_.restore(before);
      }
      return result;
    } catch (...) {
      session_.rollback();
      wallets_.restore(before);
      throw;
    }
  }

  RouteResponse dispatch(const Audience* audience, const std::string& method, const std::string& path,
                         const std::string& paramsJson) {
    for (auto& route : module_->routes()) {
      if (route.path != path) continue;
      if (audience && route.audience != *audience) continue;
      if (method != "*" && route.method != "*" && route.method != method) continue;
      return run(route, paramsJson);
    }
    throw std::logic_error("no route " + method + " " + path);
  }

  RouteResponse run(Route& route, const std::string& paramsJson) {
    auto refused = [&](int code, const std::string& msg) {
      RouteResponse r{code, msg};
      // Like the host: a route with its own dialect formats the refusal.
      if (route.refusal) r.body = route.refusal(code, msg);
      return r;
    };
    const bool user = route.audience == Audience::User;
    if (user && userId_ <= 0) return refused(codes::kNotLoggedIn, "请先登录");
    const std::int64_t caller = route.audience == Audience::Admin ? 0 : userId_;
    sdk::NoLedger noLedger;
    try {
      return inTransaction(
          [&] {
            Scope s{factoryId_, "test", caller, session_, config_, Poco::Logger::get("test"),
                    clock_,     users_, wallets_, services_};
            RouteContext ctx{s, json(paramsJson), caller > 0 ? ledger() : static_cast<Ledger&>(noLedger),
                             checkout_, "127.0.0.1", http_, rawBody_, rawHeaders_};
            RouteResponse r = route.handler(ctx);
            // Like the host: a writing route that answers a refusal commits nothing.
            if (r.code != 0 && (route.writes || route.audience == Audience::Admin)) throw Error(r.code, r.msg);
            return r;
          },
          [](const RouteResponse&) { return true; });
    } catch (const Error& e) {
      return refused(e.code(), e.what());
    }
  }

  std::shared_ptr<Module> module_;
  Poco::Data::Session session_;
  std::int64_t factoryId_;
  std::int64_t userId_;
  std::int64_t payments_ = 0;
  MemoryUsers users_;
  MemoryWallets wallets_;
  MemoryCheckout checkout_;
  MemoryServices services_;
  MapSystemParams config_;
  ManualClock clock_;
  ScriptedHttpClient http_;
  std::string rawBody_;                             // set by callRaw only
  std::map<std::string, std::string> rawHeaders_;  // set by callRaw only
  std::map<int, ActionType> types_;
};

}  // namespace paynext::sdk::testing
