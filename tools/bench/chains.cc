#include "tools/bench/chains.h"

#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include <Poco/Data/Session.h>

#include "core/payments/wxpay/wxpay_sign.h"
#include "core/payments/wxpay/wxpay_xml.h"
#include "tools/bench/load_client.h"

namespace paynext::tools::bench {

using namespace Poco::Data::Keywords;
namespace wx = core::payments::wxpay;

double chainSeconds(const PaynextProcess& paynext, std::size_t chains, int clients) {
  const auto& tokens = paynext.tokens();
  runLoad(paynext.port(), "/bench/pay/wx/wxapp", chains, clients,
          [&](std::size_t i) {
            return form({{"token", tokens[i % tokens.size()]},
                         {"money", "0.02"},
                         {"nextAction", "{type:5, amount:0.01, nextAction:{type:5, amount:0.01}}"}});
          },
          [](int status, const std::string&) { return status == 200; });
  Poco::Data::Session db = paynext.storage().session();
  std::vector<std::string> ids;
  db << "SELECT out_trade_id FROM payments WHERE next_action <> '' ORDER BY id", into(ids), now;
  auto notification = [&](const std::string& id) {
    wx::Fields f{{"appid", kAppId},          {"mch_id", kMchId},          {"nonce_str", "n"},
                 {"result_code", "SUCCESS"}, {"return_code", "SUCCESS"}, {"out_trade_no", id},
                 {"total_fee", "2"},          {"transaction_id", "t" + id}};
    f["sign"] = wx::sign(f, kKey, wx::SignType::Md5);
    return wx::toXml(f);
  };
  auto acknowledged = [](int, const std::string& body) { return body.find("SUCCESS") != std::string::npos; };
  const auto start = std::chrono::steady_clock::now();
  auto sent = runLoad(paynext.port(), "/notify/wxpay/bench", ids.size(), clients,
                      [&](std::size_t i) { return notification(ids[i]); }, acknowledged);
  // A notification not acknowledged is sent again, as the channel would.
  while (sent.errors > 0) {
    std::vector<std::string> unpaid;
    db << "SELECT out_trade_id FROM payments WHERE next_action <> '' AND status <> 'PAID' ORDER BY id", into(unpaid),
        now;
    sent = runLoad(paynext.port(), "/notify/wxpay/bench", unpaid.size(), 1,
                   [&](std::size_t i) { return notification(unpaid[i]); }, acknowledged);
    if (std::chrono::steady_clock::now() - start > std::chrono::minutes(10)) throw std::runtime_error("unacknowledged");
  }
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
