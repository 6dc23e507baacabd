#include "core/actions/chain_spec.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>

#include "core/actions/next_action_error.h"
#include "core/actions/next_action_parser.h"

namespace paynext::core::actions {
namespace {

using Poco::JSON::Object;

std::vector<StepSpec> chainOf(const std::string& text, const NextActionLimits& limits = {}) {
  return flattenChain(parseNextAction(text, limits), limits);
}

std::vector<int> typesOf(const std::string& text, const NextActionLimits& limits = {}) {
  std::vector<int> types;
  for (const auto& step : chainOf(text, limits)) types.push_back(step.type);
  return types;
}

NextActionError errorOf(const std::string& text, const NextActionLimits& limits = {}) {
  try {
    chainOf(text, limits);
  } catch (const NextActionError& e) {
    return e;
  }
  return NextActionError("(accepted)");
}

std::string condensed(const Object::Ptr& object) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(object, out);
  return out.str();
}

// A chain of `steps` steps in which every nextAction is a string (as mobile
// clients send it), so the parser's own step count never sees the whole chain.
Object::Ptr stringChain(int steps) {
  Object::Ptr next;
  for (int i = steps - 1; i >= 0; --i) {
    Object::Ptr step = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    step->set("type", i);
    if (next) step->set("nextAction", condensed(next));
    next = step;
  }
  return next;
}

TEST(ChainSpecTest, DocumentNestingRunsOuterFirst) {
  const auto steps = chainOf(
      R"({type:0, id:129192, nextAction:{type:2, smsId:111, mobile:"13500000000", postJsonString:{code:9988, product:"工厂"}}})");
  ASSERT_EQ(2u, steps.size());
  EXPECT_EQ(0, steps[0].type);
  EXPECT_EQ(std::vector<std::string>{"id"}, steps[0].params->getNames());
  EXPECT_EQ(129192, steps[0].params->getValue<int>("id"));
  EXPECT_EQ(2, steps[1].type);
  const std::vector<std::string> names{"smsId", "mobile", "postJsonString"};
  EXPECT_EQ(names, steps[1].params->getNames());
  EXPECT_EQ("13500000000", steps[1].params->getValue<std::string>("mobile"));
  EXPECT_EQ("工厂", steps[1].params->getObject("postJsonString")->getValue<std::string>("product"));
}

TEST(ChainSpecTest, DeeperNestingKeepsOrder) {
  EXPECT_EQ((std::vector<int>{0, 1, 3, 23}),
            typesOf("{type:0, id:1, nextAction:{type:1, id:2, nextAction:{type:3, nextAction:{type:23}, id:3}}}"));
}

TEST(ChainSpecTest, StepWithOnlyTypeHasEmptyParams) {
  const auto steps = chainOf("{type:12}");
  ASSERT_EQ(1u, steps.size());
  ASSERT_TRUE(steps[0].params);
  EXPECT_EQ(0u, steps[0].params->size());
}

TEST(ChainSpecTest, NextActionMayBeAString) {
  EXPECT_EQ((std::vector<int>{0, 2}), typesOf(R"({"type":0,"id":1,"nextAction":"{\"type\":2,\"smsId\":111}"})"));
  const auto steps = chainOf(R"({type:0, nextAction:"{type:2, name:'短信', nextAction:\"{type:3}\"}"})");
  ASSERT_EQ(3u, steps.size());
  EXPECT_EQ("短信", steps[1].params->getValue<std::string>("name"));
  EXPECT_EQ(3, steps[2].type);
}

TEST(ChainSpecTest, NullOrEmptyNextActionEndsTheChain) {
  EXPECT_EQ(std::vector<int>{0}, typesOf("{type:0, nextAction:null}"));
  EXPECT_EQ(std::vector<int>{0}, typesOf("{type:0, nextAction:''}"));
  EXPECT_EQ(std::vector<int>{0}, typesOf("{type:0, nextAction:'  '}"));
}

TEST(ChainSpecTest, TypeMayBeADigitString) {
  EXPECT_EQ((std::vector<int>{2, 0}), typesOf(R"({type:"2", nextAction:{type:'0'}})"));
  EXPECT_EQ(std::vector<int>{2147483647}, typesOf("{type:2147483647}"));
}

TEST(ChainSpecTest, BadTypeIsRefusedWithItsStep) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{id:1}", "nextAction 第 1 步:缺少 type"},
      {"{type:0, nextAction:{id:1}}", "nextAction 第 2 步:缺少 type"},
      {"{type:1.5}", "nextAction 第 1 步:type 必须是非负整数"},
      {"{type:2.0}", "nextAction 第 1 步:type 必须是非负整数"},
      {"{type:-1}", "nextAction 第 1 步:type 必须是非负整数"},
      {"{type:'abc'}", "nextAction 第 1 步:type 必须是非负整数"},
      {"{type:'2a'}", "nextAction 第 1 步:type 必须是非负整数"},
      {"{type:' 2'}", "nextAction 第 1 步:type 必须是非负整数"},
      {"{type:'-1'}", "nextAction 第 1 步:type 必须是非负整数"},
      {"{type:''}", "nextAction 第 1 步:type 必须是非负整数"},
      {"{type:true}", "nextAction 第 1 步:type 必须是非负整数"},
      {"{type:null}", "nextAction 第 1 步:type 必须是非负整数"},
      {"{type:[2]}", "nextAction 第 1 步:type 必须是非负整数"},
      {"{type:{}}", "nextAction 第 1 步:type 必须是非负整数"},
      {"{type:0, nextAction:{type:'x'}}", "nextAction 第 2 步:type 必须是非负整数"},
      {"{type:2147483648}", "nextAction 第 1 步:type 超出范围"},
      {"{type:18446744073709551615}", "nextAction 第 1 步:type 超出范围"},
      {"{type:'99999999999999999999999'}", "nextAction 第 1 步:type 超出范围"},
  };
  for (const auto& [text, message] : cases) {
    const auto e = errorOf(text);
    EXPECT_EQ(message, e.what()) << text;
    EXPECT_EQ("type", e.field()) << text;
  }
}

TEST(ChainSpecTest, BadNextActionIsRefusedWithItsStep) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{type:0, nextAction:5}", "nextAction 第 1 步:nextAction 必须是对象或包含对象的字符串"},
      {"{type:0, nextAction:[{type:1}]}", "nextAction 第 1 步:nextAction 必须是对象或包含对象的字符串"},
      {"{type:0, nextAction:{type:1, nextAction:true}}", "nextAction 第 2 步:nextAction 必须是对象或包含对象的字符串"},
      {"{type:0, nextAction:'{type:2'}", "nextAction 第 1 步:nextAction 不是有效的 JSON: 内容意外结束,应为 ',' 或 '}'"},
      {"{type:0, nextAction:'{type:2 x:1}'}",
       "nextAction 第 1 步:nextAction 不是有效的 JSON: 第 9 个字符处应为 ',' 或 '}',实际是 'x'"},
      {"{type:0, nextAction:'[1]'}", "nextAction 第 1 步:nextAction 必须是 JSON 对象"},
      {"{type:0, nextAction:'{a:[[[[[[[[1]]]]]]]]}'}", "nextAction 第 1 步:nextAction 嵌套过深(最多 8 层)"},
  };
  for (const auto& [text, message] : cases) {
    const auto e = errorOf(text);
    EXPECT_EQ(message, e.what()) << text;
    EXPECT_EQ("nextAction", e.field()) << text;
  }
}

TEST(ChainSpecTest, ChainLengthIsLimited) {
  EXPECT_EQ(10u, flattenChain(stringChain(10)).size());
  try {
    flattenChain(stringChain(11));
    FAIL();
  } catch (const NextActionError& e) {
    EXPECT_STREQ("nextAction 步骤过多(最多 10 步)", e.what());
    EXPECT_EQ("", e.field());
  }
  // Six object steps, the sixth holding five more as a string: 11 in all.
  std::string text = condensed(stringChain(5));
  Object::Ptr root = parseNextAction(text);
  for (int i = 0; i < 6; ++i) {
    Object::Ptr outer = new Object;
    outer->set("type", 100 + i);
    outer->set("nextAction", i == 0 ? Poco::Dynamic::Var(text) : Poco::Dynamic::Var(root));
    root = outer;
  }
  EXPECT_STREQ("nextAction 步骤过多(最多 10 步)", errorOf(condensed(root)).what());
}

TEST(ChainSpecTest, CustomStepLimit) {
  NextActionLimits two;
  two.maxSteps = 2;
  EXPECT_EQ(2u, chainOf("{type:0, nextAction:{type:1}}", two).size());
  EXPECT_STREQ("nextAction 步骤过多(最多 2 步)", errorOf("{type:0, nextAction:{type:1, nextAction:{type:2}}}", two).what());
  EXPECT_STREQ("nextAction 步骤过多(最多 2 步)",
               errorOf(R"({type:0, nextAction:{type:1, nextAction:"{type:2}"}})", two).what());
}

TEST(ChainSpecTest, ObjectsBuiltInCode) {
  Object::Ptr inner = new Object;
  inner->set("type", static_cast<Poco::UInt64>(7));
  inner->set("couponRuleId", 1234);
  Object::Ptr root = new Object;
  root->set("type", static_cast<Poco::Int32>(0));
  root->set("nextAction", inner);
  const auto steps = flattenChain(root);
  ASSERT_EQ(2u, steps.size());
  EXPECT_EQ(7, steps[1].type);
  EXPECT_EQ(1234, steps[1].params->getValue<int>("couponRuleId"));

  Object::Ptr boolType = new Object;
  boolType->set("type", true);
  EXPECT_THROW(flattenChain(boolType), NextActionError);
  EXPECT_THROW(flattenChain(nullptr), NextActionError);
}

}  // namespace
}  // namespace paynext::core::actions
