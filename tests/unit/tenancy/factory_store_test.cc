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

}  // namespace
}  // namespace paynext::core::tenancy
