#include "settings_store.h"

#include <vector>

#include <Poco/Tuple.h>

namespace paynext::plugins::errands {

using namespace Poco::Data::Keywords;

SettingsStore::SettingsStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock)
    : session_(session), factoryId_(factoryId), clock_(clock) {}

Settings SettingsStore::get() {
  std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64>> rows;
  session_ << "SELECT min_fee, commission_percent, auto_confirm_hours, unpaid_expiry_minutes "
              "FROM errands_settings WHERE factory_id = $1",
      use(factoryId_), into(rows), now;
  Settings s;
  if (rows.empty()) return s;
  const auto& r = rows.front();
  s.minFee = r.get<0>();
  s.commissionPercent = r.get<1>();
  s.autoConfirmHours = r.get<2>();
  s.unpaidExpiryMinutes = r.get<3>();
  return s;
}

void SettingsStore::save(const Settings& settings) {
  Settings s = settings;
  std::int64_t at = clock_.nowMs();
  int existing = 0;
  session_ << "SELECT COUNT(*) FROM errands_settings WHERE factory_id = $1", use(factoryId_), into(existing), now;
  if (existing == 0) {
    session_ << "INSERT INTO errands_settings (factory_id, min_fee, commission_percent, auto_confirm_hours, "
                "unpaid_expiry_minutes, updated_at) VALUES ($1, $2, $3, $4, $5, $6)",
        use(factoryId_), use(s.minFee), use(s.commissionPercent), use(s.autoConfirmHours),
        use(s.unpaidExpiryMinutes), use(at), now;
    return;
  }
  session_ << "UPDATE errands_settings SET min_fee = $1, commission_percent = $2, auto_confirm_hours = $3, "
              "unpaid_expiry_minutes = $4, updated_at = $5 WHERE factory_id = $6",
      use(s.minFee), use(s.commissionPercent), use(s.autoConfirmHours), use(s.unpaidExpiryMinutes), use(at),
      use(factoryId_), now;
}

}  // namespace paynext::plugins::errands
