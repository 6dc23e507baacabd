#include "paynext/sdk/no_ledger.h"

#include <functional>
#include <vector>

#include <gtest/gtest.h>

namespace paynext::sdk {
namespace {

TEST(NoLedgerTest, RefusesEveryUseAsNotLoggedIn) {
  NoLedger w;
  for (auto use : std::vector<std::function<void()>>{[&] { w.balance(); }, [&] { w.credit(1, "r", "ref"); },
                                                     [&] { w.debitPoints(1, "r", "ref"); }}) {
    try {
      use();
      FAIL() << "no refusal";
    } catch (const Error& e) {
      EXPECT_EQ(codes::kNotLoggedIn, e.code());
      EXPECT_STREQ("请先登录", e.what());
    }
  }
}

}  // namespace
}  // namespace paynext::sdk
