#include "core/plugin_context/service_directory.h"

#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "tests/support/core_database.h"

namespace paynext::core::plugin_context {
namespace {

using namespace Poco::Data::Keywords;
using sdk::testing::refusal;
using Refusal = std::pair<int, std::string>;

class Greeter : public sdk::Service {
 public:
  static constexpr const char* kName = "greeter";
  static constexpr int kVersion = 2;
  static constexpr const char* kProvider = "问候";
  virtual std::string greet() { return "hi"; }
};

std::unique_ptr<plugin_host::LoadedModule> moduleWith(const std::string& name, const std::string& title,
                                                      std::vector<sdk::ProvidedService> services) {
  auto m = std::make_unique<plugin_host::LoadedModule>();
  m->name = name;
  m->title = title;
  m->file = "/plugins/paynext_" + name + ".so";
  m->services = std::move(services);
  return m;
}

class ServiceDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    registry_.add(moduleWith("greet", "问候模块", {{"greeter", 2, greeter_}}));
    db().transaction([](Poco::Data::Session& s) {
      s << "INSERT INTO factories (id, name, title, created_at) VALUES (1, 'f', 'F', 0), (2, 'g', 'G', 0)", now;
      s << "INSERT INTO factory_modules (factory_id, module, enabled, updated_at) VALUES (1, 'greet', 1, 0), "
           "(2, 'greet', 0, 0)",
          now;
    });
  }
  storage::Database& db() { return cdb_.db(); }

  std::shared_ptr<Greeter> greeter_ = std::make_shared<Greeter>();
  paynext::testing::CoreDatabase cdb_;
  plugin_host::ModuleRegistry registry_;
};

TEST_F(ServiceDirectoryTest, FindsAServiceByNameAndVersionWhereItsModuleIsEnabled) {
  ServiceDirectory directory(registry_);
  auto s = db().session();
  FactoryServices enabled(directory, s, 1);
  EXPECT_EQ(greeter_.get(), enabled.find<Greeter>());
  EXPECT_EQ("hi", enabled.require<Greeter>().greet());
  EXPECT_EQ(nullptr, enabled.findService("greeter", 1)) << "another version is another service";
  FactoryServices disabled(directory, s, 2);
  EXPECT_EQ(nullptr, disabled.find<Greeter>());
  FactoryServices unknownFactory(directory, s, 3);
  EXPECT_EQ(nullptr, unknownFactory.find<Greeter>());
}

TEST_F(ServiceDirectoryTest, RequireNamesTheModuleToEnableOrTheServiceMissing) {
  ServiceDirectory directory(registry_);
  auto s = db().session();
  FactoryServices disabled(directory, s, 2);
  EXPECT_EQ(refusal([&] { disabled.require<Greeter>(); }),
            Refusal(300, "模块「问候模块」未启用,请先在后台“工厂设置 → 模块管理”中启用「问候模块」模块"));
  FactoryServices enabled(directory, s, 1);
  EXPECT_EQ(refusal([&] { enabled.requireService("coupons", 1, "优惠券"); }),
            Refusal(300, "需要「优惠券」服务(coupons v1),但提供它的模块未安装,请联系平台管理员"));
}

TEST_F(ServiceDirectoryTest, AServiceProvidedTwiceStopsStartUpNamingBothFiles) {
  registry_.add(moduleWith("greet2", "又一个", {{"greeter", 2, std::make_shared<Greeter>()}}));
  try {
    ServiceDirectory directory(registry_);
    FAIL() << "no error";
  } catch (const DuplicateService& e) {
    EXPECT_STREQ("service greeter v2 is provided by both /plugins/paynext_greet.so and /plugins/paynext_greet2.so",
                 e.what());
  }
}

}  // namespace
}  // namespace paynext::core::plugin_context
