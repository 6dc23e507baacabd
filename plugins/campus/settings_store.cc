#include "settings_store.h"

#include <vector>

#include <Poco/Tuple.h>

namespace paynext::plugins::campus {

using namespace Poco::Data::Keywords;

std::optional<Settings> SettingsStore::find() {
  std::vector<Poco::Tuple<std::string, std::string, Poco::Int64, std::string, std::string, std::string, std::string,
                          std::string, std::string, std::string>>
      rows;
  session_ << "SELECT project_name, project_description, select_type, qr_code, protocol_url, wx_account, "
              "alipay_account, union_pay_account, success_url, cancel_url FROM campus_settings WHERE factory_id = $1",
      use(factoryId_), into(rows), now;
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
  return Settings{r.get<0>(), r.get<1>(), static_cast<int>(r.get<2>()), r.get<3>(), r.get<4>(), r.get<5>(),
                  r.get<6>(), r.get<7>(), r.get<8>(), r.get<9>()};
}

void SettingsStore::save(const Settings& settings) {
  Settings s = settings;  // Poco's use() binds non-const lvalues
  Poco::Int64 selectType = s.selectType;
  session_ << "DELETE FROM campus_settings WHERE factory_id = $1", use(factoryId_), now;
  session_ << "INSERT INTO campus_settings (factory_id, project_name, project_description, select_type, qr_code, "
              "protocol_url, wx_account, alipay_account, union_pay_account, success_url, cancel_url) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      use(factoryId_), use(s.projectName), use(s.projectDescription), use(selectType), use(s.qrCode),
      use(s.protocolUrl), use(s.wxAccount), use(s.alipayAccount), use(s.unionPayAccount), use(s.successUrl),
      use(s.cancelUrl), now;
}

}  // namespace paynext::plugins::campus
