#include "plugins/organizations/admin_routes.h"

#include "organizations_test_support.h"

namespace paynext::plugins::organizations::test {
namespace {

using sdk::Audience;

class AdminRoutesTest : public OrganizationsTest {
 protected:
  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& params) {
    return h.callAs(Audience::Admin, method, path, params);
  }
  int itemCount() {
    using namespace Poco::Data::Keywords;
    int n = 0;
    h.session() << "SELECT COUNT(*) FROM organizations_prices", into(n), now;
    return n;
  }
};

TEST_F(AdminRoutesTest, AdminRoutesHaveChineseTitles) {
  for (const auto& r : OrganizationsModule().routes()) {
    if (r.audience == Audience::Admin) {
      EXPECT_FALSE(r.title.empty()) << r.path;
    }
  }
}

TEST_F(AdminRoutesTest, CreatesUpdatesAndListsPriceItems) {
  const auto r = admin("POST", "/prices", R"({"name":"10 人团队","memberCap":"10","days":30,"price":9.9})");
  ASSERT_EQ(r.code, 0) << r.msg;
  EXPECT_EQ(object(r)->getValue<double>("price"), 9.9);
  EXPECT_TRUE(object(r)->getValue<bool>("onSale"));
  EXPECT_EQ(object(r)->getValue<Poco::Int64>("createdAt"), h.clock().now);
  const auto u =
      admin("PUT", "/prices", R"({"id":1,"name":"十人团队","memberCap":12,"days":60,"price":"19.90","onSale":false})");
  ASSERT_EQ(u.code, 0) << u.msg;
  EXPECT_EQ(object(u)->getValue<std::string>("name"), "十人团队");
  EXPECT_EQ(object(u)->getValue<Poco::Int64>("memberCap"), 12);
  EXPECT_FALSE(object(u)->getValue<bool>("onSale"));
  addItem("50 人团队", 50, 365, "300");
  const auto all = admin("GET", "/prices", "{}");
  ASSERT_EQ(all.code, 0);
  EXPECT_EQ(array(all)->size(), 2u);  // off sale too
  EXPECT_EQ(array(admin("GET", "/prices", R"({"offset":1,"limit":1})"))->size(), 1u);
  EXPECT_EQ(object(admin("GET", "/prices", R"({"id":2})"))->getValue<std::string>("name"), "50 人团队");
  // Another factory sees none of them.
  h.setFactory(2);
  EXPECT_EQ(array(admin("GET", "/prices", "{}"))->size(), 0u);
  EXPECT_EQ(admin("GET", "/prices", R"({"id":2})").msg, "组织收费项 2 不存在");
}

TEST_F(AdminRoutesTest, RefusesBadPriceItemsAndStoresNothing) {
  const auto bad = [&](const std::string& params) { return admin("POST", "/prices", params).msg; };
  EXPECT_EQ(bad(R"({"memberCap":1,"days":1,"price":1})"), "缺少参数 name");
  EXPECT_EQ(bad(R"({"name":"a","days":1,"price":1})"), "缺少参数 memberCap");
  EXPECT_EQ(bad(R"({"name":"a","memberCap":100001,"days":1,"price":1})"),
            "参数 memberCap 格式错误,应为1 到 100000 之间的整数");
  EXPECT_EQ(bad(R"({"name":"a","memberCap":1,"days":0,"price":1})"), "参数 days 格式错误,应为正整数");
  EXPECT_EQ(bad(R"({"name":"a","memberCap":1,"days":36601,"price":1})"),
            "参数 days 格式错误,应为1 到 36600 之间的整数");
  EXPECT_EQ(bad(R"({"name":"a","memberCap":1,"days":1,"price":"0"})"), "参数 price 格式错误,应为大于 0 的金额");
  EXPECT_EQ(bad(R"({"name":"a","memberCap":1,"days":1,"price":"1.001"})"),
            "参数 price 格式错误,应为不超过两位小数的非负金额");
  EXPECT_EQ(bad(R"({"name":"a","memberCap":1,"days":1,"price":1,"onSale":"yes"})"),
            "参数 onSale 格式错误,应为true 或 false");
  EXPECT_EQ(admin("PUT", "/prices", R"({"id":9,"name":"a","memberCap":1,"days":1,"price":1})").code, 700);
  EXPECT_EQ(admin("PUT", "/prices", R"({"id":9,"name":"a","memberCap":1,"days":1,"price":1})").msg,
            "组织收费项 9 不存在");
  EXPECT_EQ(itemCount(), 0);
}

TEST_F(AdminRoutesTest, ListsOrganizationsWithMembersAndUpgrades) {
  const auto small = addItem("10 人团队", 10, 30, "10"), large = addItem("50 人团队", 50, 30, "20");
  const auto org = createOrganization(small, "研发部");
  h.setUser(2);
  createOrganization(small, "市场部");
  h.setUser(1);
  h.ledger().balance_ = 2000;
  ASSERT_EQ(h.execute(17, upgradeParams(org, large)).status, Status::Done);

  const auto all = admin("GET", "/organizations", "{}");
  ASSERT_EQ(all.code, 0) << all.msg;
  ASSERT_EQ(array(all)->size(), 2u);
  EXPECT_EQ(array(all)->getObject(0)->getValue<std::string>("name"), "市场部");
  const auto byOwner = admin("GET", "/organizations", R"({"ownerId":1})");
  ASSERT_EQ(array(byOwner)->size(), 1u);
  EXPECT_EQ(array(byOwner)->getObject(0)->getValue<Poco::Int64>("memberCap"), 50);
  EXPECT_EQ(admin("GET", "/organizations", R"({"ownerId":9})").msg, "用户 9 不存在");
  const auto one = admin("GET", "/organizations", R"({"id":1})");
  ASSERT_EQ(one.code, 0);
  EXPECT_EQ(object(one)->getArray("members")->size(), 1u);
  EXPECT_EQ(admin("GET", "/organizations", R"({"id":9})").msg, "组织 9 不存在");
  EXPECT_EQ(admin("GET", "/organizations", R"({"limit":501})").msg, "参数 limit 格式错误,应为1 到 500 之间的整数");

  const auto upgrades = admin("GET", "/upgrades", "{}");
  ASSERT_EQ(array(upgrades)->size(), 1u);
  EXPECT_EQ(array(upgrades)->getObject(0)->getValue<double>("amount"), 20.0);
  EXPECT_EQ(array(admin("GET", "/upgrades", R"({"organizeId":2})"))->size(), 0u);
}

}  // namespace
}  // namespace paynext::plugins::organizations::test
