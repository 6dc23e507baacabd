#include "core/app/server.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <thread>

#include <Poco/Exception.h>
#include <Poco/Logger.h>

#include "core/actions/chain_planner.h"
#include "core/app/outbound_settings.h"
#include "core/app/secrets_settings.h"
#include "core/app/setting_values.h"
#include "core/app/transport_settings.h"
#include "core/common/clock.h"
#include "core/actions/step_worker.h"
#include "core/http/api_router.h"
#include "core/http/core_mobile_paths.h"
#include "core/jobs/job_scheduler.h"
#include "core/net/outbound_http_client.h"
#include "core/plugin_context/service_directory.h"
#include "core/net/gateway_session.h"
#include "core/net/outbound_policy.h"
#include "core/net/outbound_session.h"
#include "core/http/services.h"
#include "core/identity/admin_accounts.h"
#include "core/identity/attempt_limiter.h"
#include "core/identity/hashing_pool.h"
#include "core/identity/user_service.h"
#include "core/payments/payment_poller.h"
#include "core/payments/payment_service.h"
#include "core/payments/channel_notify.h"
#include "core/payments/channel_registry.h"
#include "core/plugin_host/module_registry.h"
#include "core/plugin_host/plugin_loader.h"
#include "core/storage/core_schema.h"
#include "core/storage/database.h"
#include "core/storage/migrator.h"
#include "core/transport/http_transport.h"
#include "core/tenancy/factory_store.h"

namespace paynext::core::app {

namespace {

Poco::Logger& log() { return Poco::Logger::get("paynext"); }

std::unique_ptr<plugin_host::ModuleRegistry> loadPlugins(const std::string& dir) {
  auto registry = std::make_unique<plugin_host::ModuleRegistry>(http::kCoreOwner, http::kCoreMobilePaths);
  for (const auto& file : plugin_host::pluginFiles(dir)) {
    try {
      auto module = plugin_host::loadPlugin(file);
      std::string types;
      for (const auto& t : module->actionTypes) types += (types.empty() ? "" : ",") + std::to_string(t.code);
      log().information("loaded module %s %s (%s) types [%s] from %s", module->name, module->version, module->title,
                        types, file);
      registry->add(std::move(module));
    } catch (const plugin_host::PluginRefused& e) {
      log().error(e.what());
      registry->refuse({e.file(), e.reason()});
    }
  }
  return registry;
}

// identity.login.* and identity.register.*, documented in etc/paynext.properties.
identity::AttemptLimits attemptLimits(const Poco::Util::AbstractConfiguration& c) {
  identity::AttemptLimits l;
  l.account.freeFailures = c.getInt("identity.login.freeFailures", l.account.freeFailures);
  l.account.lockoutFailures = c.getInt("identity.login.lockoutFailures", l.account.lockoutFailures);
  l.account.firstDelayMs = c.getInt64("identity.login.firstDelaySeconds", l.account.firstDelayMs / 1000) * 1000;
  l.account.lockoutMs = c.getInt64("identity.login.lockoutSeconds", l.account.lockoutMs / 1000) * 1000;
  l.address.freeFailures = c.getInt("identity.login.addressFreeFailures", l.address.freeFailures);
  l.address.lockoutFailures = c.getInt("identity.login.addressLockoutFailures", l.address.lockoutFailures);
  l.address.firstDelayMs = l.account.firstDelayMs;
  l.address.lockoutMs = l.account.lockoutMs;
  l.forgetMs = c.getInt64("identity.login.forgetSeconds", l.forgetMs / 1000) * 1000;
  l.registrationsPerAddress = c.getInt("identity.register.perAddress", l.registrationsPerAddress);
  l.registrationWindowMs = c.getInt64("identity.register.windowSeconds", l.registrationWindowMs / 1000) * 1000;
  return l;
}

// worker.inlineSteps: true, false, or auto (the default): on SQLite, where
// writers take turns anyway, running steps with their settlement saves two
// transactions per step; on PostgreSQL, steps running concurrently in many
// settlements make SERIALIZABLE transactions conflict over the index pages
// of the rows they add (measured in tools/bench: half the chains per second),
// so there the worker runs them.
bool inlineSteps(const Poco::Util::AbstractConfiguration& c, storage::Dialect dialect) {
  const std::string value = c.getString("worker.inlineSteps", "auto");
  if (value == "auto") return dialect == storage::Dialect::Sqlite;
  if (value != "true" && value != "false") {
    throw Poco::InvalidArgumentException("worker.inlineSteps must be true, false or auto");
  }
  return value == "true";
}

// tenancy.cacheMs, identity.tokenCacheMs: how long what was read from the
// database (a factory, module switch, system parameter or channel setting; a
// valid login token) is trusted (0: not kept). At most a second, the longest
// another instance's change may take to apply here.
std::chrono::milliseconds cacheTtl(const Poco::Util::AbstractConfiguration& c, const std::string& key) {
  const int ms = c.getInt(key, 500);
  if (ms < 0 || ms > 1000) throw Poco::InvalidArgumentException(key + " must be within [0, 1000] ms");
  return std::chrono::milliseconds(ms);
}

// worker.threads: a positive number, or auto (the default): one on SQLite,
// whose one writer runs steps in turn anyway; four on PostgreSQL, where a
// step's round trips and commit leave the database idle for the others
// (claims skip locked rows). Measured in tools/bench: 1.7x the chains per
// second of one thread; at eight, SERIALIZABLE conflicts cost more than that.
int workerThreads(const Poco::Util::AbstractConfiguration& c, storage::Dialect dialect) {
  if (c.getString("worker.threads", "auto") == "auto") return dialect == storage::Dialect::Sqlite ? 1 : 4;
  return static_cast<int>(positiveSetting(c, "worker.threads", 1));
}

}  // namespace

struct Server::Impl {
  explicit Impl(const Poco::Util::AbstractConfiguration& c) : config(c) {}

  const Poco::Util::AbstractConfiguration& config;
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<plugin_host::ModuleRegistry> modules;
  std::unique_ptr<plugin_context::ServiceDirectory> serviceDirectory;
  std::unique_ptr<net::OutboundHttpClient> outbound;
  std::unique_ptr<jobs::JobScheduler> jobs;
  std::unique_ptr<tenancy::FactoryStore> factories;
  HostClock clock;
  std::unique_ptr<identity::AttemptLimiter> limiter;
  std::unique_ptr<identity::HashingPool> hashing;
  std::unique_ptr<identity::UserService> users;
  std::unique_ptr<actions::ChainPlanner> planner;
  std::unique_ptr<actions::StepWorker> worker;
  payments::ChannelRegistry channels = payments::builtInChannels();
  std::unique_ptr<payments::PaymentService> payments;
  std::unique_ptr<payments::RefundService> refunds;
  metrics::MetricsRegistry metrics;
  std::unique_ptr<payments::PaymentQueries> paymentQueries;
  std::unique_ptr<identity::UserQueries> userQueries;
  std::unique_ptr<audit::AuditLog> audit;
  std::unique_ptr<identity::AdminAccounts> admins;
  std::unique_ptr<payments::ChannelNotify> notify;
  std::unique_ptr<payments::PaymentPoller> poller;
  std::unique_ptr<http::Services> services;
  std::unique_ptr<http::ApiRouter> router;
  std::unique_ptr<transport::HttpTransport> transport;
};

Server::Server(const Poco::Util::AbstractConfiguration& config) : impl_(new Impl(config)) {
  auto& c = config;
  auto& i = *impl_;
  // Bound first, so the notification URL can default to the real port.
  const std::string host = c.getString("http.host", "127.0.0.1");
  i.transport = std::make_unique<transport::HttpTransport>(transportSettings(c));
  auto secrets = secretsSettings(c);  // checked before the database is touched
  const auto factoryCache = cacheTtl(c, "tenancy.cacheMs");
  const auto tokenCache = cacheTtl(c, "identity.tokenCacheMs");
  net::setGatewayCaFile(c.getString("tls.caFile", ""));
  // One policy for every call whose address a factory's settings can set.
  std::shared_ptr<const net::OutboundPolicy> outboundPolicy =
      std::make_shared<net::OutboundPolicy>(net::OutboundPolicy::forThisHost(c.getString("outbound.allow", "")));
  net::setGatewayOutboundPolicy(outboundPolicy);
  const auto outboundSettings = outboundHttpSettings(c);
  storage::DatabaseOptions dbOptions;
  dbOptions.url = c.getString("storage.url", "sqlite:var/paynext.db");
  dbOptions.poolSize = c.getInt("storage.poolSize", 64);
  dbOptions.poolMinSize = c.getInt("storage.poolMinSize", std::min(16, dbOptions.poolSize));
  dbOptions.busyTimeoutMs = c.getInt("storage.busyTimeoutMs", 5000);
  i.db = std::make_unique<storage::Database>(dbOptions);
  storage::Migrator migrator(*i.db);
  migrator.apply("core", storage::coreMigrations());

  // A refused plugin is logged, listed and left out; a type code or a route
  // claimed twice stops start-up.
  i.modules = loadPlugins(c.getString("plugins.dir", "plugins"));
  for (const auto& m : i.modules->modules()) migrator.apply(m->name, m->migrations);
  i.serviceDirectory = std::make_unique<plugin_context::ServiceDirectory>(*i.modules);
  i.outbound = std::make_unique<net::OutboundHttpClient>(outboundSettings, outboundPolicy);
  // Only test servers let the clock be moved; say so where operators look.
  if (c.getBool("testing.clockControl", false)) log().warning("testing.clockControl is on: the clock can be moved");

  const bool sealing = secrets.enabled();
  i.factories = std::make_unique<tenancy::FactoryStore>(*i.db, std::move(secrets), factoryCache);
  if (!sealing) {
    log().warning("secrets.key is not set: payment channel secrets are stored in plain text (README: Secrets at rest)");
  } else if (const auto resealed = i.factories->resealChannelConfigs()) {
    log().information("sealed %z channel settings with the current secrets key", resealed);
  }
  identity::UserServiceOptions userOptions;
  userOptions.passwordIterations = static_cast<unsigned>(c.getInt("identity.passwordIterations", 100000));
  userOptions.tokenTtlMs = c.getInt64("identity.tokenTtlSeconds", 7 * 24 * 3600) * 1000;
  userOptions.tokenCacheTtl = tokenCache;
  i.limiter = std::make_unique<identity::AttemptLimiter>(*i.db, attemptLimits(c), i.clock);
  // Default: one hashing per core; a few more may wait, the rest are refused.
  const int hashingSlots = c.getInt("identity.hashing.threads", 0);
  i.hashing = std::make_unique<identity::HashingPool>(
      hashingSlots > 0 ? static_cast<unsigned>(hashingSlots) : std::max(1u, std::thread::hardware_concurrency()),
      static_cast<unsigned>(std::max(0, c.getInt("identity.hashing.queue", 8))));
  i.users = std::make_unique<identity::UserService>(*i.db, userOptions, i.limiter.get(), i.hashing.get());

  actions::NextActionLimits limits;
  limits.maxBytes = static_cast<std::size_t>(c.getInt("nextAction.maxBytes", 8192));
  limits.maxDepth = c.getInt("nextAction.maxDepth", 8);
  limits.maxSteps = c.getInt("nextAction.maxSteps", 10);
  i.planner = std::make_unique<actions::ChainPlanner>(*i.modules, *i.serviceDirectory, *i.factories, limits);

  actions::StepWorkerOptions workerOptions;
  workerOptions.threads = workerThreads(c, i.db->dialect());
  workerOptions.pollIntervalMs = c.getInt("worker.pollIntervalMs", 500);
  workerOptions.leaseMs = c.getInt64("worker.leaseMs", 30000);
  workerOptions.maxAttempts = c.getInt("worker.maxAttempts", 8);
  workerOptions.backoffBaseMs = c.getInt64("worker.backoffBaseMs", 1000);
  workerOptions.backoffCapMs = c.getInt64("worker.backoffCapMs", 300000);
  workerOptions.inlineSteps = inlineSteps(c, i.db->dialect());
  const std::int64_t longestCall = outboundSettings.connectTimeoutMs + outboundSettings.timeoutMs;
  if (workerOptions.leaseMs <= longestCall) {
    log().warning("worker.leaseMs (%?d ms) is not longer than an outside call may take (%?d ms, "
                  "http.client.connectTimeoutMs + timeoutMs): another worker may take a slow step over "
                  "and make its call twice",
                  workerOptions.leaseMs, longestCall);
  }
  i.worker = std::make_unique<actions::StepWorker>(*i.db, *i.modules, *i.serviceDirectory, *i.outbound, workerOptions);
  jobs::JobSchedulerOptions jobOptions;
  jobOptions.tickMs = c.getInt("jobs.tickMs", 1000);
  jobOptions.leaseMs = c.getInt64("jobs.leaseMs", 300000);
  i.jobs = std::make_unique<jobs::JobScheduler>(*i.db, *i.modules, *i.serviceDirectory, jobOptions);

  payments::PaymentServiceOptions payOptions;
  payOptions.publicBaseUrl = c.getString("public.baseUrl", "http://" + host + ":" + std::to_string(i.transport->port()));
  payOptions.expiryMs = c.getInt64("payments.expiryMs", payOptions.expiryMs);
  i.payments = std::make_unique<payments::PaymentService>(*i.db, *i.factories, *i.planner, i.channels, payOptions);
  i.payments->onSettled([worker = i.worker.get()] { worker->wake(); });
  if (workerOptions.inlineSteps) {
    i.payments->onChainWritten(
        [worker = i.worker.get()](Poco::Data::Session& s, std::int64_t paymentId) { worker->runInline(s, paymentId); });
  }
  i.refunds = std::make_unique<payments::RefundService>(*i.db, *i.payments, payOptions.publicBaseUrl);
  i.notify = std::make_unique<payments::ChannelNotify>(*i.payments, *i.refunds, i.metrics);
  payments::PaymentPollerOptions pollerOptions;
  pollerOptions.intervalMs = c.getInt("poller.intervalMs", 5000);
  pollerOptions.delayMs = c.getInt64("poller.delayMs", 60000);
  pollerOptions.expiryMs = payOptions.expiryMs;
  i.poller = std::make_unique<payments::PaymentPoller>(*i.payments, *i.refunds, pollerOptions);

  http::BodyLimits bodyLimits;
  bodyLimits.maxBytes = static_cast<std::size_t>(c.getInt("http.maxBodyBytes", 64 * 1024));
  bodyLimits.maxJsonDepth = c.getInt("http.maxJsonDepth", 16);
  i.paymentQueries = std::make_unique<payments::PaymentQueries>(*i.db);
  i.userQueries = std::make_unique<identity::UserQueries>(*i.db);
  i.audit = std::make_unique<audit::AuditLog>(*i.db);
  i.admins = std::make_unique<identity::AdminAccounts>(*i.db, userOptions.passwordIterations,
                                                       c.getInt64("admin.tokenTtlSeconds", 3600) * 1000,
                                                       i.limiter.get(), i.hashing.get());
  i.services.reset(new http::Services{*i.db,       *i.factories,
                                      *i.users,    *i.payments,
                                      *i.refunds,                *i.notify,
                                      *i.modules,  *i.serviceDirectory, *i.outbound, i.metrics,
                                      *i.paymentQueries, *i.userQueries, *i.audit, *i.admins,
                                      [worker = i.worker.get()] { worker->wake(); },
                                      c.getString("admin.token", ""), bodyLimits,
                                      c.getBool("testing.clockControl", false)});
}

Server::~Server() { stop(); }

void Server::start() {
  auto& c = impl_->config;
  auto& i = *impl_;
  i.router = std::make_unique<http::ApiRouter>(*i.services);
  i.transport->start([router = i.router.get()](Poco::Net::HTTPServerRequest& request,
                                               Poco::Net::HTTPServerResponse& response) {
    router->serve(request, response);
  });
  if (i.transport->httpsPort() > 0) {
    log().information("paynextd listening for HTTPS on %s:%d", c.getString("http.host", "127.0.0.1"),
                      i.transport->httpsPort());
  }
  i.worker->start();
  i.jobs->start();
  i.poller->start();
  log().information("paynextd listening on %s:%d", c.getString("http.host", "127.0.0.1"), i.transport->port());
}

void Server::stop() {
  if (!impl_) return;
  if (impl_->transport) impl_->transport->stop();  // requests being served finish
  if (impl_->poller) impl_->poller->stop();
  if (impl_->jobs) impl_->jobs->stop();
  if (impl_->worker) impl_->worker->stop();
}

int Server::port() const { return impl_->transport->port(); }

int Server::httpsPort() const { return impl_->transport->httpsPort(); }

}  // namespace paynext::core::app
