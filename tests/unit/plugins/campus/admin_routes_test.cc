#include "plugins/campus/admin_routes.h"

#include "campus_test_support.h"

namespace paynext::plugins::campus::test {
namespace {

class AdminRoutesTest : public CampusTest {
 protected:
  void refused(const std::string& method, const std::string& path, const std::string& json, int code,
               const std::string& msg) {
    const auto before = snapshot();
    const auto r = h.call(method, path, json);
    EXPECT_EQ(r.code, code) << json;
    EXPECT_EQ(r.msg, msg) << json;
    EXPECT_EQ(snapshot(), before) << json;
  }
};

TEST_F(AdminRoutesTest, AreAdminRoutes) {
  for (const auto& r : adminRoutes()) EXPECT_EQ(r.audience, sdk::Audience::Admin) << r.method << r.path;
}

TEST_F(AdminRoutesTest, SettingsAreEmptyUntilPutThenStored) {
  EXPECT_EQ(stringify(admin("GET", "/settings", "{}").data),
            R"({"projectName":"","projectDescription":"","selectType":0,"qrCode":"","protocolUrl":"",)"
            R"("wxAccount":"","alipayAccount":"","unionPayAccount":"","successUrl":"","cancelUrl":""})");
  setUpFactory();
  EXPECT_EQ(stringify(admin("GET", "/settings", "{}").data),
            R"({"projectName":"智慧校园一卡通","projectDescription":"项目描述","selectType":1,"qrCode":"http://q/r.png",)"
            R"("protocolUrl":"http://p/x.html","wxAccount":"wx-acc","alipayAccount":"ali-acc","unionPayAccount":"",)"
            R"("successUrl":"","cancelUrl":""})");
  h.setFactory(2);
  EXPECT_EQ(object(admin("GET", "/settings", "{}").data)->getValue<std::string>("projectName"), "");
}

TEST_F(AdminRoutesTest, SettingsRefuseBadFields) {
  refused("PUT", "/settings", R"({"selectType":0})", 300, "缺少参数 projectName");
  refused("PUT", "/settings", R"({"projectName":"x"})", 300, "缺少参数 selectType");
  refused("PUT", "/settings", R"({"projectName":"x","selectType":2})", 300,
          "参数 selectType 格式错误,应为0(单选)或 1(多选)");
  refused("PUT", "/settings", R"({"projectName":"x","selectType":"a"})", 300,
          "参数 selectType 格式错误,应为0(单选)或 1(多选)");
  refused("PUT", "/settings", R"({"projectName":")" + std::string(101, 'x') + R"(","selectType":0})", 300,
          "参数 projectName 不能超过 100 字节");
  refused("PUT", "/settings", R"({"projectName":"x","selectType":0,"qrCode":[]})", 300,
          "参数 qrCode 格式错误,应为字符串");
  refused("PUT", "/settings", R"({"projectName":"x","selectType":0,"successUrl":"javascript:void"})", 300,
          "参数 successUrl 格式错误,应为http 或 https 地址");
  refused("PUT", "/settings", R"({"projectName":"x","selectType":0,"cancelUrl":"https://x/)" + std::string(510, 'a') +
                                  R"("})",
          300, "参数 cancelUrl 不能超过 512 字节");
  EXPECT_EQ(stringify(admin("GET", "/settings", "{}").data).find("\"projectName\":\"x\""), std::string::npos);
}

TEST_F(AdminRoutesTest, PackagesAreListedWithDetailsReplacedAndDeleted) {
  setUpFactory();
  const auto list = admin("GET", "/packages", "{}");
  const auto text = stringify(list.data);
  EXPECT_EQ(list.data.extract<Poco::JSON::Array::Ptr>()->size(), 3u);
  EXPECT_NE(text.find(R"({"id":"10000002","type":0,"itemName":"B套餐-含定位","itemPrice":"¥188元/年","price":18800,)"
                      R"("durationDays":365,"description":"包含进出校考勤","payTypes":[0,1],"enabled":true,"details":[)"
                      R"({"icon":"http://oss/att.png","title":"进出校考勤","content":"每天到校离校通知"},)"
                      R"({"icon":"http://oss/ans.png","title":"答题器功能","content":"课堂答题"}]})"),
            std::string::npos)
      << text;
  admin("PUT", "/packages",
        R"({"id":"10000002","type":0,"itemName":"B2","itemPrice":"¥1元","price":100,"enabled":false,)"
        R"("details":[{"title":"只有一项"}]})");
  EXPECT_NE(stringify(admin("GET", "/packages", "{}").data)
                .find(R"({"id":"10000002","type":0,"itemName":"B2","itemPrice":"¥1元","price":100,"durationDays":365,)"
                      R"("description":"","payTypes":[0],"enabled":false,"details":[{"icon":"","title":"只有一项","content":""}]})"),
            std::string::npos);
  EXPECT_EQ(stringify(admin("DELETE", "/packages", R"({"id":"10000002"})").data), R"({"deleted":"10000002"})");
  EXPECT_EQ(admin("GET", "/packages", "{}").data.extract<Poco::JSON::Array::Ptr>()->size(), 2u);
  refused("DELETE", "/packages", R"({"id":"10000002"})", 700, "套餐 10000002 不存在");
  h.setFactory(2);
  EXPECT_EQ(admin("GET", "/packages", "{}").data.extract<Poco::JSON::Array::Ptr>()->size(), 0u);
}

TEST_F(AdminRoutesTest, PackagesRefuseBadFields) {
  const std::string ok = R"("type":0,"itemName":"A","itemPrice":"¥1元","price":100)";
  refused("PUT", "/packages", "{" + ok + "}", 300, "缺少参数 id");
  refused("PUT", "/packages", R"({"id":"a,b",)" + ok + "}", 300,
          "参数 id 格式错误,应为不超过 32 个字母、数字、_ 或 - 的编号");
  refused("PUT", "/packages", R"({"id":"1","type":2,"itemName":"A","itemPrice":"x","price":1})", 300,
          "参数 type 格式错误,应为0(一卡通付费套餐)或 1(短信套餐)");
  refused("PUT", "/packages", R"({"id":"1","type":0,"itemName":"A","itemPrice":"x","price":1.5})", 300,
          "参数 price 格式错误,应为以分为单位的正整数(1 元填 100)");
  refused("PUT", "/packages", R"({"id":"1","type":0,"itemName":"A","itemPrice":"x","price":-1})", 300,
          "参数 price 格式错误,应为以分为单位的正整数(1 元填 100)");
  refused("PUT", "/packages", R"({"id":"1","type":0,"itemName":"A","itemPrice":"x","price":"0"})", 300,
          "参数 price 格式错误,应为以分为单位的正整数(1 元填 100)");
  refused("PUT", "/packages", R"({"id":"1",)" + ok + R"(,"durationDays":0})", 300,
          "参数 durationDays 格式错误,应为1 到 3660 之间的天数");
  refused("PUT", "/packages", R"({"id":"1",)" + ok + R"(,"payTypes":[2]})", 300,
          "参数 payTypes 格式错误,应为由 0(正常购买)和 1(升级)组成的数组");
  refused("PUT", "/packages", R"({"id":"1",)" + ok + R"(,"payTypes":"0"})", 300, "参数 payTypes 格式错误,应为数组");
  refused("PUT", "/packages", R"({"id":"1",)" + ok + R"(,"details":[{"icon":"x"}]})", 300,
          "缺少参数 details[0].title");
  refused("PUT", "/packages", R"({"id":"1",)" + ok + R"(,"details":[{"title":")" + std::string(101, 'x') + R"("}]})",
          300, "参数 details[0].title 不能超过 100 字节");
  refused("PUT", "/packages", R"({"id":"1",)" + ok + R"(,"details":[1]})", 300, "参数 details[0] 格式错误,应为对象");
}

TEST_F(AdminRoutesTest, CardHoldersArePerUser) {
  refused("GET", "/holders", R"({"userId":7})", 700, "用户 7 没有校园卡信息");
  setUpFactory();
  EXPECT_EQ(stringify(admin("GET", "/holders", R"({"userId":"7"})").data),
            R"({"userId":7,"empName":"陈雅诺","photo":"http://oss/p.jpg","cardNo":"335731330","imei":"8600001",)"
            R"("sim":"1440001","gradeName":"三年级","className":"2班","mobile":"13800000000"})");
  refused("PUT", "/holders", R"({"empName":"x"})", 300, "缺少参数 userId");
  refused("PUT", "/holders", R"({"userId":0,"empName":"x"})", 300, "参数 userId 格式错误,应为正整数");
  refused("PUT", "/holders", R"({"userId":8})", 300, "缺少参数 empName");
  refused("PUT", "/holders", R"({"userId":8,"empName":"x","mobile":"13x"})", 300, "参数 mobile 格式错误,应为手机号码");
  refused("PUT", "/holders", R"({"userId":8,"empName":"x","sim":")" + std::string(51, '1') + R"("})", 300,
          "参数 sim 不能超过 50 字节");
}

TEST_F(AdminRoutesTest, CardHoldersAreOnlyForUsersOfTheFactory) {
  setUpFactory();
  const auto before = snapshot();
  const auto put = h.callAs(sdk::Audience::Admin, "PUT", "/holders", R"({"userId":9,"empName":"无此人"})");
  EXPECT_EQ(put.code, 700);
  EXPECT_EQ(put.msg, sdk::messages::userNotFound(9));
  EXPECT_EQ(put.msg, "用户 9 不存在");
  EXPECT_EQ(snapshot(), before);
  refused("GET", "/holders", R"({"userId":9})", 700, "用户 9 不存在");
  refused("GET", "/records", R"({"userId":9})", 700, "用户 9 不存在");

  h.users().add(9, "新同学");
  EXPECT_EQ(h.callAs(sdk::Audience::Admin, "PUT", "/holders", R"({"userId":9,"empName":"新同学"})").code, 0);
  EXPECT_EQ(object(admin("GET", "/holders", R"({"userId":9})").data)->getValue<std::string>("empName"), "新同学");
  EXPECT_EQ(admin("GET", "/records", R"({"userId":9})").data.extract<Poco::JSON::Array::Ptr>()->size(), 0u);
}

TEST_F(AdminRoutesTest, RecordsAreListedNewestFirst) {
  setUpFactory();
  seedRecord("10000001", 0, kJan1, kJan1 + kDayMs, "PN1");
  seedRecord("10000002", 0, kJan1 + 5, kJan1 + kDayMs, "PN2", 8);
  const auto all = admin("GET", "/records", "{}").data.extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(all->getObject(0)->getValue<std::string>("id"), "PN2-10000002");
  const auto mine = admin("GET", "/records", R"({"userId":7})").data.extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(mine->getObject(0)->getValue<std::string>("outTradeId"), "PN1");
  refused("GET", "/records", R"({"limit":0})", 300, "参数 limit 格式错误,应为1 到 500 之间的整数");
}

}  // namespace
}  // namespace paynext::plugins::campus::test
