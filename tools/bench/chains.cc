#include "tools/bench/chains.h"

#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include "core/payments/wxpay/wxpay_sign.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "tools/bench/load_client.h"

namespace paynext::tools::bench {

using namespace Poco::Data::Keywords;
namespace wx = core::payments::wxpay;

double chainSeconds(const PaynextProcess& paynext, std::size_t chains, int clients) {
  const std::string token = paynext.token();
  runLoad(paynext.port(), "/bench/pay/wx/wxapp", chains, clients,
          [&](std::size_t) {
            return form({{"token", token},
                         {"money", "0.02"},
                         {"nextAction", "{type:5, amount:0.01, nextAction:{type:5, amount:0.01}}"}});
          },
          [](int status, const std::string&) { return status == 200; });
  Poco::Data::SQLite::Connector::registerConnector();
  Poco::Data::Session db("SQLite", paynext.database());
  std::vector<std::string> ids;
  db << "SELECT out_trade_id FROM payments WHERE next_action <> '' ORDER BY id", into(ids), now;
  const auto start = std::chrono::steady_clock::now();
  runLoad(paynext.port(), "/notify/wxpay/bench", ids.size(), clients,
          [&](std::size_t i) {
            wx::Fields f{{"appid", kAppId},          {"mch_id", kMchId},          {"nonce_str", "n"},
                         {"result_code", "SUCCESS"}, {"return_code", "SUCCESS"}, {"out_trade_no", ids[i]},
                         {"total_fee", "2"},          {"transaction_id", "t" + ids[i]}};
            f["sign"] = wx::sign(f, kKey, wx::SignType::Md5);
            return wx::toXml(f);
          },
          [](int, const std::string& body) { return body.find("SUCCESS") != std::string::npos; });
  for (;;) {
    std::int64_t done = 0;
    db << "SELECT COUNT(*) FROM chain_steps WHERE status = 'DONE'", into(done), now;
    if (done >= static_cast<std::int64_t>(ids.size() * 2)) break;
    if (std::chrono::steady_clock::now() - start > std::chrono::minutes(10)) throw std::runtime_error("chains stuck");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace paynext::tools::bench
