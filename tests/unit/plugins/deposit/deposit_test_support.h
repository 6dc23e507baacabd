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
    return h.rows("SELECT factory_id, user_id, amount, ref_code, remark, ext_json, status, reference "
                  "FROM deposit_deposits ORDER BY id");
  }
};

using sdk::testing::refusal;

}  // namespace paynext::plugins::deposit::test
