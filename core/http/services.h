#pragma once
#include <functional>
#include <string>

#include "core/actions/step_worker.h"
#include "core/audit/audit_log.h"
#include "core/http/request_body.h"
#include "core/identity/admin_accounts.h"
#include "core/identity/user_queries.h"
#include "core/identity/user_service.h"
#include "core/metrics/metrics_registry.h"
#include "core/payments/channel_notify.h"
#include "core/payments/payment_queries.h"
#include "core/payments/payment_service.h"
#include "core/payments/refund_service.h"
#include "core/plugin_context/service_directory.h"
#include "core/plugin_host/module_registry.h"
#include "core/storage/database.h"
#include "core/tenancy/factory_store.h"

namespace paynext::core::http {

// What the HTTP layer calls into; owned by the application.
struct Services {
  storage::Database& db;
  tenancy::FactoryStore& factories;
  identity::UserService& users;
  payments::PaymentService& payments;
  payments::RefundService& refunds;
  payments::ChannelNotify& notify;
  const plugin_host::ModuleRegistry& modules;
  const plugin_context::ServiceDirectory& serviceDirectory;
  sdk::HttpClient& http;  // plugins' outside calls
  metrics::MetricsRegistry& metrics;
  payments::PaymentQueries& paymentQueries;
  identity::UserQueries& userQueries;
  audit::AuditLog& audit;
  identity::AdminAccounts& admins;
  std::function<void()> wakeWorker;
  std::string adminToken;
  BodyLimits limits;
  bool clockControl = false;  // testing.clockControl: PUT /admin/api/testing/clock moves the clock
};

}  // namespace paynext::core::http
