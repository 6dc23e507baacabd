#include "core/http/ops_endpoints.h"

#include <Poco/Logger.h>

#include "core/actions/step_worker.h"
#include "core/http/json_response.h"

namespace paynext::core::http {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

void OpsEndpoints::healthz(Poco::Net::HTTPServerResponse& response) { sendText(response, 200, "text/plain", "ok\n"); }

void OpsEndpoints::readyz(Poco::Net::HTTPServerResponse& response) {
  const std::size_t modules = services_.modules.modules().size();
  try {
    Poco::Data::Session s = services_.db.session();
    int one = 0;
    s << "SELECT 1", into(one), now;
  } catch (const std::exception& e) {
    Poco::Logger::get("paynext.http").warning("readyz: database unreachable: %s", std::string(e.what()));
    return sendText(response, 503, "text/plain", "database unreachable\n");
  }
  if (modules == 0) return sendText(response, 503, "text/plain", "no plugins loaded\n");
  sendText(response, 200, "text/plain", "ready: database ok, " + std::to_string(modules) + " plugins\n");
}

void OpsEndpoints::metrics(Poco::Net::HTTPServerResponse& response) {
  std::string text = services_.metrics.render();
  // Gauges read from the database at scrape time, across all factories.
  text += "# HELP paynext_payments Payments by channel and status.\n# TYPE paynext_payments gauge\n";
  for (const auto& c : services_.payments.statusCounts()) {
    text += metrics::sampleLine("paynext_payments", {{"channel", c.channel}, {"status", c.status}},
                                std::to_string(c.count));
  }
  text += "# HELP paynext_chain_steps Chain steps by action type and status.\n# TYPE paynext_chain_steps gauge\n";
  for (const auto& c : actions::stepCounts(services_.db)) {
    text += metrics::sampleLine("paynext_chain_steps", {{"type", std::to_string(c.type)}, {"status", c.status}},
                                std::to_string(c.count));
  }
  // Read from the registry, which start-up fixed: 0 is a real sample, so an alert can test > 0.
  text += "# HELP paynext_plugins_refused Plugin files refused at start-up (GET /admin/api/plugins says why).\n"
          "# TYPE paynext_plugins_refused gauge\n";
  text += metrics::sampleLine("paynext_plugins_refused", {}, std::to_string(services_.modules.refused().size()));
  text += "# HELP paynext_worker_lag_seconds Age of the oldest chain step that is due and not yet run.\n"
          "# TYPE paynext_worker_lag_seconds gauge\n";
  text += metrics::sampleLine("paynext_worker_lag_seconds", {},
                              std::to_string(static_cast<double>(actions::workerLagMs(services_.db)) / 1000.0));
  sendText(response, 200, "text/plain; version=0.0.4", text);
}

}  // namespace paynext::core::http
