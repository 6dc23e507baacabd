#pragma once
// Shared set-up for the campus plugin tests: a harness over CampusModule whose
// clock starts at kJan1 (tests move h.clock()), the document's packages, and a
// snapshot of every table so a refusal can be shown to have changed nothing.
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "paynext/sdk/testing/harness.h"
#include "plugins/campus/activation_record.h"
#include "plugins/campus/campus_module.h"
#include "plugins/campus/record_store.h"

namespace paynext::plugins::campus::test {

inline std::string stringify(const Poco::Dynamic::Var& v) {
  std::ostringstream out;
  if (v.type() == typeid(Poco::JSON::Object::Ptr)) v.extract<Poco::JSON::Object::Ptr>()->stringify(out);
  else if (v.type() == typeid(Poco::JSON::Array::Ptr)) v.extract<Poco::JSON::Array::Ptr>()->stringify(out);
  else out << v.toString();
  return out.str();
}

inline Poco::JSON::Object::Ptr object(const Poco::Dynamic::Var& v) { return v.extract<Poco::JSON::Object::Ptr>(); }

inline std::string refusalBody(const std::string& message) {
  return "{\"error\":1,\"message\":\"" + message + "\",\"data\":null}";
}

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
// 2024-01-01 00:00:00 UTC
constexpr std::int64_t kJan1 = 1704067200000LL;

class CampusTest : public ::testing::Test {
 protected:
  CampusTest() { h.clock().now = kJan1; }

  sdk::testing::Harness h{std::make_shared<CampusModule>(), 1, 7};

  sdk::RouteResponse admin(const std::string& method, const std::string& path, const std::string& json) {
    auto r = h.call(method, path, json);
    EXPECT_EQ(r.code, 0) << method << " " << path << ": " << r.msg;
    return r;
  }

  void setUpFactory() {
    admin("PUT", "/settings",
          R"({"projectName":"智慧校园一卡通","projectDescription":"项目描述","selectType":1,"qrCode":"http://q/r.png",)"
          R"("protocolUrl":"http://p/x.html","wxAccount":"wx-acc","alipayAccount":"ali-acc","unionPayAccount":""})");
    addPackage("10000001", 0, 15800, "A套餐-不含定位", "[0]");
    addPackage("10000002", 0, 18800, "B套餐-含定位", "[0,1]");
    addPackage("20000001", 1, 3000, "短信套餐", "[0]", 30);
    admin("PUT", "/holders",
          R"({"userId":7,"empName":"陈雅诺","photo":"http://oss/p.jpg","cardNo":"335731330","imei":"8600001",)"
          R"("sim":"1440001","gradeName":"三年级","className":"2班","mobile":"13800000000"})");
  }

  void addPackage(const std::string& id, int type, sdk::Fen price, const std::string& name, const std::string& payTypes,
                  int days = 365) {
    admin("PUT", "/packages",
          "{\"id\":\"" + id + "\",\"type\":" + std::to_string(type) + ",\"itemName\":\"" + name +
              "\",\"itemPrice\":\"¥" + std::to_string(price / 100) + "元/年\",\"price\":" + std::to_string(price) +
              ",\"durationDays\":" + std::to_string(days) + ",\"description\":\"包含进出校考勤\",\"payTypes\":" +
              payTypes +
              ",\"details\":[{\"icon\":\"http://oss/att.png\",\"title\":\"进出校考勤\",\"content\":\"每天到校离校通知\"},"
              "{\"icon\":\"http://oss/ans.png\",\"title\":\"答题器功能\",\"content\":\"课堂答题\"}]}");
  }

  static std::string activation(const std::string& itemIds, int payType) {
    return "{\"itemIDs\":\"" + itemIds + "\",\"payType\":" + std::to_string(payType) + "}";
  }

  // Activates packages as the step of the payment `run` would, for the harness
  // user, with money enough. Its records are "<run.outTradeId>-<item>".
  sdk::StepResult activate(const std::string& itemIds, int payType, const sdk::testing::StepRun& run) {
    h.ledger().balance_ += 1000000;
    return h.execute(2001, activation(itemIds, payType), run);
  }

  // A record an earlier payment left, for renew and upgrade.
  void seedRecord(const std::string& packageId, int packageType, std::int64_t start, std::int64_t end,
                  const std::string& outTradeId = "PN0", std::int64_t userId = 7) {
    RecordStore(h.session(), 1)
        .insert({recordId(outTradeId, packageId), userId, packageId, "旧套餐", packageType, 0, outTradeId, "", start, end,
                 "old-" + outTradeId, start});
  }

  // Every row of the module's tables, so a refusal can be shown to change nothing.
  std::string snapshot() {
    using namespace Poco::Data::Keywords;
    std::string out;
    for (const std::string table :
         {"campus_settings", "campus_packages", "campus_package_details", "campus_card_holders", "campus_records"}) {
      Poco::Int64 count = 0;
      h.session() << "SELECT COUNT(*) FROM " + table, into(count), now;
      out += table + "=" + std::to_string(count) + ";";
    }
    std::vector<std::string> records;
    h.session() << "SELECT id || '/' || start_at || '/' || end_at FROM campus_records ORDER BY id", into(records), now;
    for (const auto& r : records) out += r + ";";
    return out;
  }

  // (start, end) of a record, formatted as SearchSuccessData does.
  static std::string period(std::int64_t startMs, std::int64_t endMs) {
    return formatLocal(startMs) + " ~ " + formatLocal(endMs);
  }
};

}  // namespace paynext::plugins::campus::test
