#include "core/tenancy/factory_store.h"

#include <gtest/gtest.h>

#include "paynext/sdk/errors.h"
#include "tests/support/core_database.h"

namespace paynext::core::tenancy {
namespace {

class FactoryStoreTest : public ::testing::Test {
 protected:
  FactoryStoreTest() : store_(cdb_.db()) {}
  paynext::testing::CoreDatabase cdb_;
  FactoryStore store_;
};

TEST_F(FactoryStoreTest, CreateFindList) {
  auto f = store_.create("demo", "演示工厂");
  EXPECT_GT(f.id, 0);
  auto found = store_.findByName("demo");
  ASSERT_TRUE(found);
  EXPECT_EQ("演示工厂", found->title);
  EXPECT_FALSE(store_.findByName("other"));
  EXPECT_EQ(1u, store_.list().size());
}

TEST_F(FactoryStoreTest, BadNamesAndDuplicatesAreRefused) {
  store_.create("demo", "D");
  for (const std::string& name : std::vector<std::string>{"", "Demo", "admin", "notify", "a b", std::string(33, 'a')}) {
    try {
      store_.create(name, "t");
      FAIL() << name;
    } catch (const sdk::Error& e) {
      EXPECT_EQ(300, e.code());
      EXPECT_STREQ("工厂名称只能包含小写字母、数字、- 和 _,最长 32 个字符,且不能是保留名称", e.what());
    }
  }
  try {
    store_.create("demo", "again");
    FAIL();
  } catch (const sdk::Error& e) {
    EXPECT_EQ(409, e.code());
    EXPECT_STREQ("工厂 demo 已存在", e.what());
  }
  EXPECT_EQ(1u, store_.list().size());
}

TEST_F(FactoryStoreTest, ModulesStartDisabledAndToggle) {
  auto f = store_.create("demo", "D");
  auto g = store_.create("other", "O");
  EXPECT_FALSE(store_.moduleEnabled(f.id, "sms"));
  store_.setModuleEnabled(f.id, "sms", true);
  EXPECT_TRUE(store_.moduleEnabled(f.id, "sms"));
  EXPECT_FALSE(store_.moduleEnabled(g.id, "sms"));
  store_.setModuleEnabled(f.id, "sms", false);
  EXPECT_FALSE(store_.moduleEnabled(f.id, "sms"));
}

TEST_F(FactoryStoreTest, ConfigIsPerFactory) {
  auto f = store_.create("demo", "D");
  auto g = store_.create("other", "O");
  store_.setConfig(f.id, "SEND_MOBILE", "13500000000");
  store_.setConfig(f.id, "SEND_MOBILE", "13600000000");
  EXPECT_EQ("13600000000", store_.config(f.id, "SEND_MOBILE").value());
  EXPECT_FALSE(store_.config(g.id, "SEND_MOBILE"));
  EXPECT_EQ(1u, store_.configEntries(f.id).size());
  EXPECT_THROW(store_.setConfig(f.id, "", "x"), sdk::Error);
}

TEST_F(FactoryStoreTest, APrivateParameterIsReadByStepsNotByThePublicLookup) {
  auto f = store_.create("demo", "D");
  store_.setConfig(f.id, "SECRET", "s1", true);
  EXPECT_EQ("s1", store_.config(f.id, "SECRET").value());
  EXPECT_FALSE(store_.publicConfig(f.id, "SECRET"));
  store_.setConfig(f.id, "SECRET", "s2");  // the mark is kept
  EXPECT_TRUE(store_.configEntries(f.id).at("SECRET").isPrivate);
  store_.setConfig(f.id, "SECRET", "s2", false);
  EXPECT_EQ("s2", store_.publicConfig(f.id, "SECRET").value());
}

TEST_F(FactoryStoreTest, ChannelConfigIsPerFactory) {
  auto f = store_.create("demo", "D");
  auto g = store_.create("other", "O");
  store_.setChannelConfig(f.id, "wxpay", "{\"a\":1}");
  EXPECT_EQ("{\"a\":1}", store_.channelConfig(f.id, "wxpay").value());
  EXPECT_FALSE(store_.channelConfig(g.id, "wxpay"));
}

TEST_F(FactoryStoreTest, ChannelConfigIsSealedWithAKeyAndResealedWhenTheKeyChanges) {
  const std::string keyA = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
  const std::string keyB = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";
  auto f = store_.create("demo", "D");
  store_.setChannelConfig(f.id, "wxpay", "{\"apiKey\":\"k\"}");  // plain: no key yet
  FactoryStore sealed(cdb_.db(), crypto::SecretBox({keyA}));
  EXPECT_EQ(1u, sealed.resealChannelConfigs());
  EXPECT_EQ(0u, sealed.resealChannelConfigs());
  EXPECT_EQ("{\"apiKey\":\"k\"}", sealed.channelConfig(f.id, "wxpay").value());
  EXPECT_THROW(store_.channelConfig(f.id, "wxpay"), crypto::SecretError) << "no key, no secret";
  FactoryStore rotated(cdb_.db(), crypto::SecretBox({keyB, keyA}));
  EXPECT_EQ(1u, rotated.resealChannelConfigs());
  EXPECT_EQ("{\"apiKey\":\"k\"}", FactoryStore(cdb_.db(), crypto::SecretBox({keyB})).channelConfig(f.id, "wxpay").value());
}

// Two stores on one database stand for two instances. What one instance
// changes applies on the other once the kept value's time is up, and on the
// instance that changed it at once.
TEST_F(FactoryStoreTest, KeptValuesLastTheirTimeAndOwnChangesApplyAtOnce) {
  FactoryStore here(cdb_.db(), crypto::SecretBox(), std::chrono::milliseconds(60000));
  FactoryStore there(cdb_.db(), crypto::SecretBox(), std::chrono::milliseconds(60000));
  EXPECT_FALSE(here.findByName("demo"));
  const auto f = there.create("demo", "D");
  there.setConfig(f.id, "SHOP", "one");
  there.setChannelConfig(f.id, "wxpay", "{\"apiKey\":\"one\"}");
  ASSERT_TRUE(here.findByName("demo")) << "a name not found is not kept";

  EXPECT_FALSE(here.moduleEnabled(f.id, "deposit"));
  EXPECT_EQ("one", here.config(f.id, "SHOP").value());
  EXPECT_EQ("{\"apiKey\":\"one\"}", here.channelConfig(f.id, "wxpay").value());
  there.setModuleEnabled(f.id, "deposit", true);
  there.setConfig(f.id, "SHOP", "two");
  there.setChannelConfig(f.id, "wxpay", "{\"apiKey\":\"two\"}");
  there.setEnabled(f.id, false);
  EXPECT_FALSE(here.moduleEnabled(f.id, "deposit"));
  EXPECT_EQ("one", here.config(f.id, "SHOP").value());
  EXPECT_EQ("{\"apiKey\":\"one\"}", here.channelConfig(f.id, "wxpay").value());
  EXPECT_TRUE(there.moduleEnabled(f.id, "deposit"));
  EXPECT_EQ("two", there.config(f.id, "SHOP").value());
  EXPECT_EQ("{\"apiKey\":\"two\"}", there.channelConfig(f.id, "wxpay").value());
  EXPECT_FALSE(there.findByName("demo")->enabled);
  EXPECT_TRUE(here.findByName("demo")->enabled);

  // This instance's own changes, each dropping what it may have changed.
  here.create("demo2", "D2");
  EXPECT_FALSE(here.findByName("demo")->enabled);
  here.setModuleEnabled(f.id, "orders", true);
  EXPECT_TRUE(here.moduleEnabled(f.id, "deposit"));
  here.setChannelConfig(f.id, "alipay", "{}");
  EXPECT_EQ("{\"apiKey\":\"two\"}", here.channelConfig(f.id, "wxpay").value());
  EXPECT_TRUE(here.deleteConfig(f.id, "SHOP"));
  EXPECT_FALSE(here.config(f.id, "SHOP"));
}

TEST_F(FactoryStoreTest, WithoutACacheTimeEveryReadGoesToTheDatabase) {
  FactoryStore there(cdb_.db());
  const auto f = store_.create("demo", "D");
  EXPECT_FALSE(store_.moduleEnabled(f.id, "deposit"));
  there.setModuleEnabled(f.id, "deposit", true);
  EXPECT_TRUE(store_.moduleEnabled(f.id, "deposit"));
}

}  // namespace
}  // namespace paynext::core::tenancy
