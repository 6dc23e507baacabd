#include "core/actions/next_action_parser.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>

#include "core/actions/chain_spec.h"
#include "core/actions/next_action_error.h"

namespace paynext::core::actions {
namespace {

using Poco::JSON::Object;

std::string errorOf(const std::string& text, const NextActionLimits& limits = {}) {
  try {
    parseNextAction(text, limits);
  } catch (const NextActionError& e) {
    return e.what();
  }
  return "(accepted)";
}

const std::string kInvalid = "nextAction 不是有效的 JSON: ";

struct Example {
  int type;
  std::string text;
};

// Every literal of the nextAction document (000_*.txt), as written there; the
// prose placeholders (money: 消费金额 …) are replaced by values.
const std::vector<Example> kDocumentExamples = {
    {0, "{type:0, id:1234}"},
    {0, R"({type:0, id:"77,88,99"})"},
    {1, "{type:1, id:1234}"},
    {2, R"({type:2, smsId:111, mobile:"13500000000", postJsonString:{code:1234, product:"参数2"}})"},
    {3, "{type:3, id:1234}"},
    {4, "{type:4, shopId: 888, money: 128.50}"},
    {5, R"json({
"type": 5,
"amount": 500,
"refCode": "R20240101",
"remark": "押金",
"extJsonStr": "{\"room\":\"A101\"}",
})json"},
    {6, R"({
"type": 6,
"userLevelPriceId": "指定的会员等级对应的收费项目的ID,并不是会员等级ID,千万注意",
"isAutoRenew": "到期后是否自动续期 true/false",
"remark": "年度会员"
})"},
    {7, R"({
"type": 7,
"couponRuleId": 1234,
"pwd": "如果是口令优惠券,需要传入口令"
})"},
    {8, R"({
"type": 8,
"token": "京东京励订单信息内存对应token",
"couponId": 9908
})"},
    {9, R"({
"type": 9,
"orderId": 1234,
"couponId": 9908
})"},
    {10, "{type:10, id:1234}"},
    {11, "{type:11, id:1234}"},
    {12, "{type:12}"},
    {13, "{type:13}"},
    {14, "{type:14}"},
    {15, "{type:15, id:1234}"},
    {16, "{type:16, priceId: 88, name:'组织名称', remark: '组织备注'}"},
    {17, "{type:17, organizeId: 77, priceId: 88}"},
    {18, "{type:18, goodsId: 77, number: 88}"},
    {19, "{type:19, orderAddBellId: 77}"},
    {20, "{type:20, taskId: 77}"},
    {21, "{type:21, pullTimes: 10}"},
    {22, "{type:22, boxId: 10}"},
    {23, "{type:23, cpactivityId: 10}"},
    {2, R"({type:2, smsId:111, mobile:{from:"config", key:"SEND_MOBILE"}, postJsonString:{code:1234, product:{from:"config", key:"SMS_PRODUCT_NAME"}}})"},
    {0, R"({type:0, id:129192, nextAction:{type:2, smsId:111, mobile:"13500000000", postJsonString:{code:9988, product:"工厂"}}})"},
};

TEST(NextActionParserTest, EveryDocumentExampleParses) {
  std::vector<bool> seen(24, false);
  for (const auto& example : kDocumentExamples) {
    SCOPED_TRACE(example.text);
    Object::Ptr root;
    ASSERT_NO_THROW(root = parseNextAction(example.text));
    EXPECT_EQ(example.type, root->getValue<int>("type"));
    const auto steps = flattenChain(root);
    ASSERT_FALSE(steps.empty());
    EXPECT_EQ(example.type, steps[0].type);
    seen[static_cast<std::size_t>(example.type)] = true;
  }
  for (int type = 0; type < 24; ++type) EXPECT_TRUE(seen[static_cast<std::size_t>(type)]) << type;
}

TEST(NextActionParserTest, DocumentValuesAreKeptExactly) {
  auto order = parseNextAction(R"({type:0, id:"77,88,99"})");
  EXPECT_EQ("77,88,99", order->getValue<std::string>("id"));

  auto organize = parseNextAction("{type:16, priceId: 88, name:'组织名称', remark: '组织备注'}");
  EXPECT_EQ(88, organize->getValue<int>("priceId"));
  EXPECT_EQ("组织名称", organize->getValue<std::string>("name"));
  EXPECT_EQ("组织备注", organize->getValue<std::string>("remark"));

  auto pay = parseNextAction("{type:4, shopId: 888, money: 128.50}");
  EXPECT_DOUBLE_EQ(128.5, pay->getValue<double>("money"));

  auto deposit = parseNextAction(kDocumentExamples[6].text);
  EXPECT_EQ(5, deposit->getValue<int>("type"));
  EXPECT_EQ(R"({"room":"A101"})", deposit->getValue<std::string>("extJsonStr"));
  EXPECT_EQ("押金", deposit->getValue<std::string>("remark"));

  auto sms = parseNextAction(kDocumentExamples[3].text);
  EXPECT_EQ("13500000000", sms->getValue<std::string>("mobile"));
  EXPECT_EQ("参数2", sms->getObject("postJsonString")->getValue<std::string>("product"));
  EXPECT_EQ(1234, sms->getObject("postJsonString")->getValue<int>("code"));
}

TEST(NextActionParserTest, StrictJsonWithEscapes) {
  auto root = parseNextAction(R"({"type":16,"name":"\u7ec4\u7ec7","emoji":"\ud83d\ude00","esc":"a\"b\\c\/d\n\t","ok":true,"no":false,"none":null})");
  EXPECT_EQ("组织", root->getValue<std::string>("name"));
  EXPECT_EQ("\xF0\x9F\x98\x80", root->getValue<std::string>("emoji"));
  EXPECT_EQ("a\"b\\c/d\n\t", root->getValue<std::string>("esc"));
  EXPECT_TRUE(root->getValue<bool>("ok"));
  EXPECT_FALSE(root->getValue<bool>("no"));
  EXPECT_TRUE(root->isNull("none"));
}

TEST(NextActionParserTest, JsonStringHoldingTheObjectIsUnwrappedOnce) {
  auto strict = parseNextAction(R"(  "{\"type\":0,\"id\":1234}"  )");
  EXPECT_EQ(0, strict->getValue<int>("type"));
  EXPECT_EQ(1234, strict->getValue<int>("id"));

  auto relaxed = parseNextAction(R"("{type:16, name:'组织名称'}")");
  EXPECT_EQ("组织名称", relaxed->getValue<std::string>("name"));

  auto singleQuoted = parseNextAction(R"('{"type":1,"id":7}')");
  EXPECT_EQ(7, singleQuoted->getValue<int>("id"));

  EXPECT_EQ("nextAction 必须是 JSON 对象", errorOf(R"("\"{}\"")"));
}

TEST(NextActionParserTest, SingleQuotedStringsWithQuotesInside) {
  auto root = parseNextAction(R"({type:16, name:'O\'Brien 说 "你好"', remark: '备注\\n'})");
  EXPECT_EQ("O'Brien 说 \"你好\"", root->getValue<std::string>("name"));
  EXPECT_EQ("备注\\n", root->getValue<std::string>("remark"));
  auto quotedKeys = parseNextAction(R"({'type':2, "smsId":111, $x_1:'a'})");
  EXPECT_EQ(111, quotedKeys->getValue<int>("smsId"));
  EXPECT_EQ("a", quotedKeys->getValue<std::string>("$x_1"));
}

TEST(NextActionParserTest, TrailingCommasInObjectsAndArrays) {
  auto root = parseNextAction("{type:0, ids:[1, 2, 3,], inner:{a:1,},}");
  auto ids = root->getArray("ids");
  ASSERT_EQ(3u, ids->size());
  EXPECT_EQ(3, ids->getElement<int>(2));
  EXPECT_EQ(1, root->getObject("inner")->getValue<int>("a"));
  EXPECT_EQ(0u, parseNextAction("{type:0, a:[], b:{}}")->getArray("a")->size());
}

TEST(NextActionParserTest, NumbersAndKeyOrder) {
  auto root = parseNextAction("{type:2, z:-12, a:-0.5e-3, m:1E5, big:18446744073709551615, neg:-9223372036854775808}");
  EXPECT_EQ(-12, root->getValue<int>("z"));
  EXPECT_DOUBLE_EQ(-0.0005, root->getValue<double>("a"));
  EXPECT_DOUBLE_EQ(100000.0, root->getValue<double>("m"));
  EXPECT_EQ(18446744073709551615ull, root->getValue<Poco::UInt64>("big"));
  const std::vector<std::string> names{"type", "z", "a", "m", "big", "neg"};
  EXPECT_EQ(names, root->getNames());
}

TEST(NextActionParserTest, StringifiedResultParsesBackTheSame) {
  // The planner stores the chain as strict JSON and reads it back at settlement.
  auto root = parseNextAction(R"({type:16, name:'组织 "名称"', ctl:'a\u0001b', nextAction:{type:2, p:[1,'二']}})");
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(root, out);
  auto again = parseNextAction(out.str());
  EXPECT_EQ("组织 \"名称\"", again->getValue<std::string>("name"));
  EXPECT_EQ(std::string("a\x01" "b"), again->getValue<std::string>("ctl"));
  EXPECT_EQ("二", again->getObject("nextAction")->getArray("p")->getElement<std::string>(1));
}

TEST(NextActionParserTest, SizeIsCheckedFirst) {
  std::string text = "{type:0}";
  text.resize(8192, ' ');
  EXPECT_NO_THROW(parseNextAction(text));
  text += ' ';
  EXPECT_EQ("nextAction 过长(最多 8192 字节)", errorOf(text));
  // Even a malformed text is refused for its size.
  EXPECT_EQ("nextAction 过长(最多 8192 字节)", errorOf(std::string(9000, '[')));
  NextActionLimits small;
  small.maxBytes = 10;
  EXPECT_EQ("nextAction 过长(最多 10 字节)", errorOf("{type:0, id:1}", small));
}

TEST(NextActionParserTest, DepthIsCountedExactly) {
  // The step object is level 1: seven arrays inside make 8.
  EXPECT_NO_THROW(parseNextAction("{type:0, a:[[[[[[[1]]]]]]]}"));
  EXPECT_EQ("nextAction 嵌套过深(最多 8 层)", errorOf("{type:0, a:[[[[[[[[1]]]]]]]]}"));
  EXPECT_EQ("nextAction 嵌套过深(最多 8 层)", errorOf("{a:{b:{c:{d:{e:{f:{g:{h:{i:1}}}}}}}}}"));
  EXPECT_EQ("nextAction 嵌套过深(最多 8 层)", errorOf(std::string(5000, '[')));
  NextActionLimits two;
  two.maxDepth = 2;
  EXPECT_NO_THROW(parseNextAction("{a:{b:1}}", two));
  EXPECT_EQ("nextAction 嵌套过深(最多 2 层)", errorOf("{a:{b:{}}}", two));
  EXPECT_EQ("nextAction 嵌套过深(最多 2 层)", errorOf("{a:[[]]}", two));
}

std::string objectChain(int steps, const std::string& params = "") {
  std::string text;
  for (int i = 0; i < steps; ++i) text += "{type:" + std::to_string(i) + params + (i + 1 < steps ? ", nextAction:" : "");
  return text + std::string(static_cast<std::size_t>(steps), '}');
}

TEST(NextActionParserTest, EachChainStepHasItsOwnDepth) {
  // Ten steps, each with params seven levels deep: far deeper than 8 in all,
  // but within the limits, which are per step and on the chain length.
  const std::string deep = ", p:[[[[[[[0]]]]]]]";
  EXPECT_NO_THROW(parseNextAction(objectChain(10, deep)));
  EXPECT_EQ("nextAction 嵌套过深(最多 8 层)", errorOf(objectChain(3, ", p:[[[[[[[[0]]]]]]]]")));
  // "nextAction" inside params is an ordinary value, not a step.
  EXPECT_EQ("nextAction 嵌套过深(最多 8 层)", errorOf("{type:0, p:{nextAction:{a:[[[[[[1]]]]]]}}}"));
}

TEST(NextActionParserTest, TooManyStepsIsRefusedWhileParsing) {
  EXPECT_NO_THROW(parseNextAction(objectChain(10)));
  EXPECT_EQ("nextAction 步骤过多(最多 10 步)", errorOf(objectChain(11)));
  EXPECT_EQ("nextAction 步骤过多(最多 10 步)", errorOf(objectChain(300)));
}

TEST(NextActionParserTest, TopLevelMustBeAnObject) {
  for (const std::string text : {"[1]", "5", "true", "null", R"("[1]")", R"("\"x\"")", "'12'"}) {
    EXPECT_EQ("nextAction 必须是 JSON 对象", errorOf(text)) << text;
  }
}

TEST(NextActionParserTest, MalformedInputNamesWhatAndWhere) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "内容为空"},
      {" \n\t ", "内容为空"},
      {"{type:0 id:1}", "第 9 个字符处应为 ',' 或 '}',实际是 'id'"},
      {"{type:4, shopId: 888, money: 消费金额}", "第 30 个字符处应为值,实际是 '消费金额'"},
      {"{type:0，id:1}", "第 8 个字符处应为 ',' 或 '}',实际是 '，'"},
      {"{type:0, a:undefined}", "第 12 个字符处应为值,实际是 'undefined'"},
      {"{type:0, a:True}", "第 12 个字符处应为值,实际是 'True'"},
      {"{type:0, a:.5}", "第 12 个字符处应为值,实际是 '.'"},
      {"{a:xxxxxxxxxxxxxxxxxxxxxxxx}", "第 4 个字符处应为值,实际是 'xxxxxxxxxxxxxxxx…'"},
      {"{,}", "第 2 个字符处应为键名或 '}',实际是 ','"},
      {"{a:1,,}", "第 6 个字符处应为键名或 '}',实际是 ','"},
      {"{名称:1}", "第 2 个字符处应为键名或 '}',实际是 '名称'"},
      {"{type=0}", "第 6 个字符处应为 ':',实际是 '='"},
      {"{a:[1 2]}", "第 7 个字符处应为 ',' 或 ']',实际是 '2'"},
      {"{a:[,]}", "第 5 个字符处应为值或 ']',实际是 ','"},
      {"{a:\x01}", "第 4 个字符处应为值,实际是 控制字符 U+0001"},
      {"{a:\xff}", "第 4 个字符处应为值,实际是 无效的 UTF-8 字节 0xFF"},
      {"{type:0,", "内容意外结束,应为键名或 '}'"},
      {"{type:", "内容意外结束,应为值"},
      {"{type", "内容意外结束,应为 ':'"},
      {"{type:0", "内容意外结束,应为 ',' 或 '}'"},
      {"{a:[1,2", "内容意外结束,应为 ',' 或 ']'"},
      {"{a:[", "内容意外结束,应为值或 ']'"},
      {"{type:0, \"type\":2}", "第 10 个字符处的键 \"type\" 重复"},
      {"{a:01}", "第 4 个字符处的数字格式不正确"},
      {"{a:1.}", "第 4 个字符处的数字格式不正确"},
      {"{a:-}", "第 4 个字符处的数字格式不正确"},
      {"{a:1e}", "第 4 个字符处的数字格式不正确"},
      {"{a:0x1F}", "第 4 个字符处的数字格式不正确"},
      {"{a:12abc}", "第 4 个字符处的数字格式不正确"},
      {"{a:123456789012345678901234}", "第 4 个字符处的数字超出范围"},
      {"{a:1e999}", "第 4 个字符处的数字超出范围"},
  };
  for (const auto& [text, detail] : cases) EXPECT_EQ(kInvalid + detail, errorOf(text)) << text;
}

TEST(NextActionParserTest, BadStringsNameWhatAndWhere) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{type:16, name:'组织名称}", "第 16 个字符处开始的字符串缺少结束引号"},
      {"{type:16, name:\"组织名称}", "第 16 个字符处开始的字符串缺少结束引号"},
      {"{a:'x\\", "第 4 个字符处开始的字符串缺少结束引号"},
      {"\"{type:0}", "第 1 个字符处开始的字符串缺少结束引号"},
      {"{a:'\\q'}", "第 5 个字符处的转义序列无效"},
      {"{a:'\\u12'}", "第 5 个字符处的转义序列无效"},
      {R"({"a":"\ud800"})", "第 7 个字符处的转义序列无效"},
      {R"({"a":"\ud800\u0041"})", "第 7 个字符处的转义序列无效"},
      {R"({"a":"\udc00"})", "第 7 个字符处的转义序列无效"},
      {R"({"a":"\u0000"})", "第 7 个字符处的字符串含有空字符 \\u0000"},
      {"{a:'\xff'}", "第 5 个字符处含有无效的 UTF-8 编码"},
      {"{a:'组\xe7\xbb'}", "第 6 个字符处含有无效的 UTF-8 编码"},
      {"{a:'\xc0\x80'}", "第 5 个字符处含有无效的 UTF-8 编码"},
      {"{a:'x\ny'}", "第 6 个字符处的字符串含有未转义的控制字符"},
  };
  for (const auto& [text, detail] : cases) EXPECT_EQ(kInvalid + detail, errorOf(text)) << text;
}

TEST(NextActionParserTest, TrailingJunkIsRefused) {
  EXPECT_EQ(kInvalid + "第 10 个字符处有多余的内容 'x'", errorOf("{type:0} x"));
  EXPECT_EQ(kInvalid + "第 9 个字符处有多余的内容 '}'", errorOf("{type:0}}"));
  EXPECT_EQ(kInvalid + "第 9 个字符处有多余的内容 '{'", errorOf("{type:0}{type:1}"));
  EXPECT_EQ(kInvalid + "第 15 个字符处有多余的内容 ','", errorOf(R"("{\"type\":0}",)"));
  // Inside the unwrapped string, positions count in its content.
  EXPECT_EQ(kInvalid + "第 9 个字符处有多余的内容 'junk'", errorOf(R"("{type:0}junk")"));
}

TEST(NextActionParserTest, ErrorsHaveNoFieldAtParseLevel) {
  try {
    parseNextAction("{type:0");
    FAIL();
  } catch (const NextActionError& e) {
    EXPECT_EQ("", e.field());
  }
}

}  // namespace
}  // namespace paynext::core::actions
