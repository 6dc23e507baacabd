#pragma once
// The payment and refund services on a fresh core database, with the
// built-in channels and no modules: what service-level tests start from.
#include "core/actions/chain_planner.h"
#include "core/payments/channel_registry.h"
#include "core/payments/payment_service.h"
#include "core/payments/refund_service.h"
#include "core/plugin_context/service_directory.h"
#include "core/plugin_host/module_registry.h"
#include "core/tenancy/factory_store.h"
#include "tests/support/core_database.h"

namespace paynext::core::payments::testing {

struct PaymentServices {
  paynext::testing::CoreDatabase cdb;
  tenancy::FactoryStore factories{cdb.db()};
  plugin_host::ModuleRegistry registry;
  plugin_context::ServiceDirectory services{registry};
  actions::ChainPlanner planner{registry, services, factories};
  ChannelRegistry channels = builtInChannels();
  PaymentService payments{cdb.db(), factories, planner, channels, PaymentServiceOptions{}};
  RefundService refunds{cdb.db(), payments, "http://127.0.0.1:8080"};
};

}  // namespace paynext::core::payments::testing
