#pragma once
// A test harness for plugin authors: runs a module's SQLite migrations on an
// in-memory database and calls its handlers with an in-memory wallet and
// system parameters, so a handler can be unit-tested without a server.
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>

#include "paynext/sdk/checkout.h"
#include "paynext/sdk/errors.h"
#include "paynext/sdk/module.h"

namespace paynext::sdk::testing {

struct LedgerEntry {
  std::string currency;  // "balance", "frozen" or "points"
  std::int64_t amount;   // signed change
  std::string reason;
  std::string reference;
};

class MemoryLedger : public Ledger {
 public:
  Fen balance_ = 0;
  Fen frozen_ = 0;
  std::int64_t points_ = 0;
  std::vector<LedgerEntry> entries;

  Fen balance() override { return balance_; }
  Fen frozen() override { return frozen_; }
  std::int64_t points() override { return points_; }
  void debit(Fen amount, const std::string& reason, const std::string& ref) override {
    if (amount > balance_) throw InsufficientFunds("余额不足");
    balance_ -= amount;
    entries.push_back({"balance", -amount, reason, ref});
  }
  void credit(Fen amount, const std::string& reason, const std::string& ref) override {
    balance_ += amount;
    entries.push_back({"balance", amount, reason, ref});
  }
  void freeze(Fen amount, const std::string& reason, const std::string& ref) override {
    debit(amount, reason, ref);
    frozen_ += amount;
    entries.push_back({"frozen", amount, reason, ref});
  }
  void unfreeze(Fen amount, const std::string& reason, const std::string& ref) override {
    if (amount > frozen_) throw InsufficientFunds("冻结金额不足");
    frozen_ -= amount;
    entries.push_back({"frozen", -amount, reason, ref});
    credit(amount, reason, ref);
  }
  void debitPoints(std::int64_t n, const std::string& reason, const std::string& ref) override {
    if (n > points_) throw Error(codes::kNotEnoughPoints, "积分不足");
    points_ -= n;
    entries.push_back({"points", -n, reason, ref});
  }
  void creditPoints(std::int64_t n, const std::string& reason, const std::string& ref) override {
    points_ += n;
    entries.push_back({"points", n, reason, ref});
  }
};

// Records what a route asks to be paid and answers like the host would, with
// made-up trade ids: "PNTEST1", "PNTEST2", ...
class MemoryCheckout : public Checkout {
 public:
  std::vector<CheckoutRequest> requests;
  Fen fenPerPoint = 0;            // 0: the factory has no points rate
  Poco::Dynamic::Var payParams;   // answered for channel payments

  CheckoutResult pay(const CheckoutRequest& request) override {
    requests.push_back(request);
    CheckoutResult out;
    out.outTradeId = "PNTEST" + std::to_string(requests.size());
    out.status = request.channel == PayChannel::None ? "PAID" : "CREATED";
    out.money = request.money;
    out.points = request.points;
    out.pointsFen = request.points > 0 ? pointsValue(request.points) : 0;
    if (request.channel != PayChannel::None) out.payParams = payParams;
    out.createdAt = 1700000000000;
    out.expiresAt = out.createdAt + 7200000;
    return out;
  }
  Fen pointsValue(std::int64_t points) override {
    if (fenPerPoint <= 0) throw Error(codes::kBadRequest, "本工厂未开通积分支付");
    return points * fenPerPoint;
  }
};

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

class MapSystemParams : public SystemParams {
 public:
  std::map<std::string, std::string> values;
  std::optional<std::string> get(const std::string& key) const override {
    auto it = values.find(key);
    if (it == values.end()) return std::nullopt;
    return it->second;
  }
};

class Harness {
 public:
  explicit Harness(std::shared_ptr<Module> module, std::int64_t factoryId = 1, std::int64_t userId = 1)
      : module_(std::move(module)),
        session_((registerSqlite(), Poco::Data::Session("SQLite", ":memory:"))),
        factoryId_(factoryId),
        userId_(userId) {
    for (const auto& m : module_->migrations()) session_ << m.sqlite, Poco::Data::Keywords::now;
    for (auto& t : module_->actionTypes()) types_[t.code] = t;
  }

  Poco::Data::Session& session() { return session_; }
  MemoryLedger& ledger() { return ledger_; }
  MemoryCheckout& checkout() { return checkout_; }
  MapSystemParams& config() { return config_; }
  HttpClientSettings& http() { return http_; }
  void setUser(std::int64_t userId) { userId_ = userId; }
  void setFactory(std::int64_t factoryId) { factoryId_ = factoryId; }

  Scope scope() { return Scope{factoryId_, "test", userId_, session_, config_, Poco::Logger::get("test")}; }

  static Poco::JSON::Object::Ptr json(const std::string& text) {
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
  }

  Fen validate(int type, const std::string& paramsJson) {
    ValidateContext ctx{scope(), json(paramsJson)};
    return handler(type).validate(ctx);
  }

  // Runs execute inside a transaction, committed only for Done, as the host does.
  StepResult execute(int type, const std::string& paramsJson, const std::string& key = "test-step") {
    ExecuteContext ctx{scope(), json(paramsJson), 1, "TEST", 0, key, ledger_, http_};
    const MemoryLedger before = ledger_;
    session_.begin();
    StepResult r;
    try {
      r = handler(type).execute(ctx);
    } catch (const std::exception& e) {
      r = StepResult::fail(e.what());
    }
    if (r.status == StepResult::Status::Done) {
      session_.commit();
    } else {
      session_.rollback();
      ledger_ = before;
    }
    return r;
  }

  // Calls a module route the way the host would, inside a transaction.
  RouteResponse call(const std::string& path, const std::string& paramsJson) { return call("*", path, paramsJson); }

  // The same for one method ("GET", "POST"; "*" takes the first route of the path).
  RouteResponse call(const std::string& method, const std::string& path, const std::string& paramsJson) {
    for (auto& route : module_->routes()) {
      if (route.path != path) continue;
      if (method != "*" && route.method != "*" && route.method != method) continue;
      RouteContext ctx{scope(), json(paramsJson), ledger_, checkout_, "127.0.0.1"};
      const MemoryLedger before = ledger_;
      session_.begin();
      try {
        RouteResponse r = route.handler(ctx);
        // Like the host: a writing route that answers a refusal commits nothing.
        if (r.code != 0 && route.writes) throw Error(r.code, r.msg);
        session_.commit();
        return r;
      } catch (const Error& e) {
        session_.rollback();
        ledger_ = before;
        // Like the host: a route with its own dialect formats the refusal.
        RouteResponse refused{e.code(), e.what()};
        if (route.refusal) refused.body = route.refusal(e.code(), e.what());
        return refused;
      } catch (...) {
        session_.rollback();
        ledger_ = before;
        throw;
      }
    }
    throw std::logic_error("no route " + path);
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

  std::shared_ptr<Module> module_;
  Poco::Data::Session session_;
  std::int64_t factoryId_;
  std::int64_t userId_;
  MemoryLedger ledger_;
  MemoryCheckout checkout_;
  MapSystemParams config_;
  HttpClientSettings http_;
  std::map<int, ActionType> types_;
};

}  // namespace paynext::sdk::testing
