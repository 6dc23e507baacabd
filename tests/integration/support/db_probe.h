#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

namespace paynext::testing {

// Reads (and, to stage a case, writes) a running paynextd's database, named
// as its storage.url names it (PaynextEnv::storage()), to assert what was
// (not) stored. Keep the SQL portable: it runs on SQLite and PostgreSQL.
class DbProbe {
 public:
  explicit DbProbe(const std::string& storageUrl) {
    if (storageUrl.rfind("postgresql:", 0) == 0) {
      Poco::Data::PostgreSQL::Connector::registerConnector();
      connector_ = "PostgreSQL";
      connection_ = storageUrl.substr(11);
    } else {
      Poco::Data::SQLite::Connector::registerConnector();
      connector_ = "SQLite";
      connection_ = storageUrl.rfind("sqlite:", 0) == 0 ? storageUrl.substr(7) : storageUrl;
    }
  }

  std::int64_t count(const std::string& sql) const {
    std::int64_t n = 0;
    run(sql, [&](Poco::Data::Session& s) { s << sql, Poco::Data::Keywords::into(n), Poco::Data::Keywords::now; });
    return n;
  }
  std::string text(const std::string& sql) const {
    std::string v;
    run(sql, [&](Poco::Data::Session& s) { s << sql, Poco::Data::Keywords::into(v), Poco::Data::Keywords::now; });
    return v;
  }
  // The first column of every row, joined by sep (group_concat is SQLite's only).
  std::string joined(const std::string& sql, const std::string& sep = ",") const {
    std::vector<std::string> rows;
    run(sql, [&](Poco::Data::Session& s) { s << sql, Poco::Data::Keywords::into(rows), Poco::Data::Keywords::now; });
    std::string out;
    for (const auto& r : rows) out += (out.empty() ? "" : sep) + r;
    return out;
  }
  // The statuses of a payment's chain steps in order ("DONE,FAILED"), and
  // whether each has finished (DONE, FAILED or SKIPPED) after a PAID payment.
  std::string steps(const std::string& outTradeId) const {
    return joined("SELECT s.status FROM chain_steps s JOIN payments p ON p.id = s.payment_id WHERE p.out_trade_id = '" +
                  outTradeId + "' ORDER BY s.seq");
  }
  bool settled(const std::string& outTradeId) const {
    return text("SELECT status FROM payments WHERE out_trade_id = '" + outTradeId + "'") == "PAID" &&
           count("SELECT COUNT(*) FROM chain_steps s JOIN payments p ON p.id = s.payment_id WHERE p.out_trade_id = '" +
                 outTradeId + "' AND s.status IN ('PENDING', 'RUNNING', 'RETRY')") == 0;
  }
  void exec(const std::string& sql) const {
    run(sql, [&](Poco::Data::Session& s) { s << sql, Poco::Data::Keywords::now; });
  }
  Poco::Data::Session session() const { return Poco::Data::Session(connector_, connection_); }

 private:
  // Poco's database exceptions say little in what(): name the SQL and the cause.
  template <typename F>
  void run(const std::string& sql, F&& f) const {
    try {
      auto s = session();
      f(s);
    } catch (const Poco::Exception& e) {
      throw std::runtime_error(connector_ + ": " + e.displayText() + "\n  in: " + sql);
    }
  }

  std::string connector_;
  std::string connection_;
};

}  // namespace paynext::testing
