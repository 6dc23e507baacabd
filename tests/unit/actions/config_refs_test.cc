#include "core/actions/config_refs.h"

#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <Poco/JSON/Array.h>

#include "core/actions/chain_spec.h"
#include "core/actions/next_action_parser.h"

namespace paynext::core::actions {
namespace {

using Poco::JSON::Object;

class MapConfig : public sdk::SystemParams {
 public:
  MapConfig() = default;
  MapConfig(std::initializer_list<std::pair<const std::string, std::string>> values) : values_(values) {}

  std::optional<std::string> get(const std::string& key) const override {
    auto it = values_.find(key);
    if (it == values_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::map<std::string, std::string> values_;
};

// The params of the first step of text.
Object::Ptr paramsOf(const std::string& text) { return flattenChain(parseNextAction(text)).at(0).params; }

const std::string kDocumentExample =
    R"({type:2, smsId:111, mobile:{from:"config", key:"SEND_MOBILE"}, postJsonString:{code:1234, product:{from:"config", key:"SMS_PRODUCT_NAME"}}})";

TEST(ConfigRefsTest, DocumentExample) {
  const auto params = paramsOf(kDocumentExample);
  EXPECT_EQ((std::vector<std::string>{"SEND_MOBILE", "SMS_PRODUCT_NAME"}), collectConfigKeys(params));

  const MapConfig config({{"SEND_MOBILE", "13800000000"}, {"SMS_PRODUCT_NAME", "工厂商品"}});
  const auto resolved = resolveConfigRefs(params, config);
  EXPECT_EQ(111, resolved->getValue<int>("smsId"));
  EXPECT_EQ("13800000000", resolved->getValue<std::string>("mobile"));
  EXPECT_EQ("工厂商品", resolved->getObject("postJsonString")->getValue<std::string>("product"));
  EXPECT_EQ(1234, resolved->getObject("postJsonString")->getValue<int>("code"));
  const std::vector<std::string> names{"smsId", "mobile", "postJsonString"};
  EXPECT_EQ(names, resolved->getNames());

  // A copy: the params keep their references for the next run.
  EXPECT_TRUE(params->isObject("mobile"));
  EXPECT_TRUE(params->getObject("postJsonString")->isObject("product"));
}

TEST(ConfigRefsTest, ReferencesInsideArraysAtAnyDepth) {
  const auto params = paramsOf(
      R"({type:2, list:[{from:"config",key:"A"}, [{from:'config', key:'B'}], 3, {name:'x', v:{from:"config", key:"A"}}], deep:{a:{b:{c:{from:"config", key:"C"}}}}})");
  EXPECT_EQ((std::vector<std::string>{"A", "B", "C"}), collectConfigKeys(params));

  const auto resolved = resolveConfigRefs(params, MapConfig({{"A", "甲"}, {"B", ""}, {"C", "丙"}}));
  const auto list = resolved->getArray("list");
  ASSERT_EQ(4u, list->size());
  EXPECT_EQ("甲", list->getElement<std::string>(0));
  EXPECT_EQ("", list->getArray(1)->getElement<std::string>(0));
  EXPECT_EQ(3, list->getElement<int>(2));
  EXPECT_EQ("x", list->getObject(3)->getValue<std::string>("name"));
  EXPECT_EQ("甲", list->getObject(3)->getValue<std::string>("v"));
  EXPECT_EQ("丙", resolved->getObject("deep")->getObject("a")->getObject("b")->getValue<std::string>("c"));
  // The original array is untouched.
  EXPECT_TRUE(params->getArray("list")->isObject(0));
}

TEST(ConfigRefsTest, MissingKeyNamesTheKeyAndWhere) {
  const auto params = paramsOf(kDocumentExample);
  try {
    resolveConfigRefs(params, MapConfig({{"SEND_MOBILE", "13800000000"}}));
    FAIL();
  } catch (const MissingConfigKey& e) {
    EXPECT_STREQ("系统参数 SMS_PRODUCT_NAME 未配置", e.what());
    EXPECT_EQ("SMS_PRODUCT_NAME", e.key());
    EXPECT_EQ("postJsonString.product", e.field());
  }
  try {
    resolveConfigRefs(paramsOf(R"({type:2, list:[1, [{from:"config", key:"X"}]]})"), MapConfig());
    FAIL();
  } catch (const NextActionError& e) {
    EXPECT_STREQ("系统参数 X 未配置", e.what());
    EXPECT_EQ("list[1][0]", e.field());
  }
}

TEST(ConfigRefsTest, OtherSourcesAreOrdinaryValues) {
  const auto params = paramsOf(R"({type:2, a:{from:"db", key:"X"}, b:{from:1, key:"Y"}, c:{key:"Z"}})");
  EXPECT_TRUE(collectConfigKeys(params).empty());
  const auto resolved = resolveConfigRefs(params, MapConfig());
  EXPECT_EQ("db", resolved->getObject("a")->getValue<std::string>("from"));
  EXPECT_EQ("Y", resolved->getObject("b")->getValue<std::string>("key"));
}

TEST(ConfigRefsTest, MalformedReferencesAreRefused) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({type:2, mobile:{from:"config"}})", "参数 mobile 的系统参数引用 key 必须是非空字符串"},
      {R"({type:2, mobile:{from:"config", key:1}})", "参数 mobile 的系统参数引用 key 必须是非空字符串"},
      {R"({type:2, mobile:{from:"config", key:""}})", "参数 mobile 的系统参数引用 key 必须是非空字符串"},
      {R"({type:2, p:{q:[{from:"config", key:"K", default:"x"}]}})", "参数 p.q[0] 的系统参数引用只能有 from 和 key"},
  };
  const MapConfig config({{"K", "v"}});
  for (const auto& [text, message] : cases) {
    const auto params = paramsOf(text);
    for (int collect = 0; collect < 2; ++collect) {
      try {
        collect ? (void)collectConfigKeys(params) : (void)resolveConfigRefs(params, config);
        ADD_FAILURE() << text;
      } catch (const MissingConfigKey&) {
        ADD_FAILURE() << text;
      } catch (const NextActionError& e) {
        EXPECT_EQ(message, e.what()) << text;
      }
    }
  }
}

TEST(ConfigRefsTest, NoParams) {
  EXPECT_TRUE(collectConfigKeys(nullptr).empty());
  const auto resolved = resolveConfigRefs(nullptr, MapConfig());
  ASSERT_TRUE(resolved);
  EXPECT_EQ(0u, resolved->size());
  EXPECT_TRUE(collectConfigKeys(paramsOf("{type:12}")).empty());
}

}  // namespace
}  // namespace paynext::core::actions
