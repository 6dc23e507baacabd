#pragma once
// Shared set-up for the deposit plugin tests: a harness over DepositModule
// and a snapshot of deposit_deposits.
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Tuple.h>
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "plugins/deposit/deposit_module.h"

namespace paynext::plugins::deposit::test {

class DepositTest : public ::testing::Test {
 protected:
  sdk::testing::Harness h{std::make_shared<DepositModule>()};

  // Every row as "factory/user/amount/refCode/remark/extJson/status/reference".
  std::vector<std::string> rows() {
    using namespace Poco::Data::Keywords;
    std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, std::string, std::string, std::string, std::string,
                            std::string>>
        all;
    h.session() << "SELECT factory_id, user_id, amount, ref_code, remark, ext_json, status, reference "
                   "FROM deposit_deposits ORDER BY id",
        into(all), now;
    std::vector<std::string> out;
    for (const auto& r : all) {
      out.push_back(std::to_string(r.get<0>()) + "/" + std::to_string(r.get<1>()) + "/" + std::to_string(r.get<2>()) +
                    "/" + r.get<3>() + "/" + r.get<4>() + "/" + r.get<5>() + "/" + r.get<6>() + "/" + r.get<7>());
    }
    return out;
  }
};

using sdk::testing::refusal;

}  // namespace paynext::plugins::deposit::test
