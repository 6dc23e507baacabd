#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

#include "core/actions/chain_planner.h"
#include "core/identity/user_service.h"
#include "core/ledger/wallet_ledger.h"
#include "core/payments/channel_registry.h"
#include "core/storage/database.h"
#include "core/tenancy/factory_store.h"
#include "paynext/sdk/checkout.h"
#include "paynext/sdk/money.h"

namespace paynext::core::payments {

struct PayRequest {
  sdk::Fen money = 0;       // through the channel
  std::int64_t points = 0;  // the wallet's points, converted when the payment is settled
  std::string payName;
  std::string remark;
  std::string nextAction;
  std::string clientIp;
  std::string openid;
  std::string returnUrl;  // Alipay WAP
  std::string quitUrl;    // Alipay WAP
};

// A payment as created: its trade id, status and the channel's pay params.
using CreatedPayment = sdk::CheckoutResult;

struct PaymentView {
  std::string outTradeId;
  std::string channel;
  sdk::Fen amount = 0;
  std::string status;  // CREATED, PAID, CLOSED
  std::string payName;
  std::string remark;
  std::int64_t createdAt = 0;
  std::int64_t paidAt = 0;
  std::int64_t points = 0;
};

enum class SettleOutcome { Settled, AlreadyPaid, UnknownPayment, AmountMismatch };

// A payment still waiting for its money, as the poller sees it.
struct PendingPayment {
  std::int64_t factoryId = 0;
  std::string outTradeId;
  std::string channel;
  std::int64_t createdAt = 0;
};

struct PaymentServiceOptions {
  std::string publicBaseUrl = "http://127.0.0.1:8080";  // where channels send notifications
  int gatewayTimeoutMs = 10000;
  std::int64_t expiryMs = 2 * 60 * 60 * 1000;  // unpaid after this long: closed by the poller
};

// The system parameter giving what one point is worth, in fen.
inline const std::string kPointsRateKey = "points.fenPerPoint";

// Creating payments (validate the chain, ask the channel for a prepay order)
// and settling them once the channel confirms the money.
class PaymentService {
 public:
  PaymentService(storage::Database& db, tenancy::FactoryStore& factories, actions::ChainPlanner& planner,
                 const ChannelRegistry& channels, PaymentServiceOptions options);

  // Called after a settlement committed, to wake the step worker.
  void onSettled(std::function<void()> callback) { onSettled_ = std::move(callback); }
  // Called in the settlement's transaction once its chain is written, to run
  // at once what can run there (StepWorker::runInline).
  void onChainWritten(std::function<void(Poco::Data::Session&, std::int64_t paymentId)> runner) {
    onChainWritten_ = std::move(runner);
  }

  // Through a channel: the factory's account places the order (method is
  // the client kind, e.g. "app"); stored once placed, or CLOSED when the
  // channel refuses it. Refuses (sdk::Error) with nothing stored when the
  // request, its chain or the channel's settings do not allow it.
  CreatedPayment create(const tenancy::Factory& factory, const identity::User& user, const PayRequest& request,
                        const std::string& channel, const std::string& method);
  // Points only: the points are converted and the chain written at once.
  CreatedPayment createPointsOnly(const tenancy::Factory& factory, const identity::User& user,
                                  const PayRequest& request);
  // What `points` are worth at the factory's rate; refuses when none is set.
  sdk::Fen pointsValue(std::int64_t factoryId, std::int64_t points);

  std::optional<PaymentView> find(std::int64_t factoryId, std::int64_t userId, const std::string& outTradeId);

  // Marks the payment paid (once), credits the wallet and writes the chain.
  SettleOutcome settle(std::int64_t factoryId, const std::string& channel, const std::string& outTradeId,
                       sdk::Fen paid, const std::string& channelTradeNo, const std::string& notification);

  const ChannelRegistry& channels() const { return channels_; }
  // The factory's account with channel; throws sdk::Error (400) when the
  // factory has not configured it.
  std::unique_ptr<ChannelAccount> account(const PaymentChannel& channel, std::int64_t factoryId);

  // CREATED payments not polled since `notPolledSince`, oldest first; each is
  // marked polled now, so pollers take turns instead of repeating work.
  std::vector<PendingPayment> takePending(std::int64_t notPolledSince, int limit);
  struct StatusCount {
    std::string channel;
    std::string status;
    std::int64_t count = 0;
  };
  // Payments by channel and status, for /metrics.
  std::vector<StatusCount> statusCounts();

  // CREATED -> CLOSED; false when the payment was no longer CREATED.
  bool close(std::int64_t factoryId, const std::string& outTradeId);

 private:
  std::string newOutTradeId() const;
  struct Checked {
    CreatedPayment payment;  // not yet stored
    std::string chain;       // the normalized nextAction
  };
  // Validates the request, its points and its chain; refuses (sdk::Error)
  // with nothing stored.
  Checked check(const tenancy::Factory& factory, const identity::User& user, const PayRequest& request);
  void insert(Poco::Data::Session& s, const tenancy::Factory& factory, const identity::User& user,
              const PayRequest& request, const std::string& channel, const Checked& checked,
              const std::string& status = "CREATED", const std::string& prepayId = "");
  // check for a channel payment (money > 0), not yet stored: it is stored once
  // the channel has placed it (place), so creating it commits once.
  Checked checkChannelPayment(const tenancy::Factory& factory, const identity::User& user, const PayRequest& request);
  // Stores the checked payment CREATED with what the channel answered.
  void place(const tenancy::Factory& factory, const identity::User& user, const PayRequest& request,
             const std::string& channel, const Checked& checked, const std::string& prepayId);
  storage::Database::Isolation settlementIsolation() const;
  // A repeated notification of a paid payment, counted.
  void recordRepeat(Poco::Data::Session& s, std::int64_t factoryId, std::int64_t paymentId, const std::string& channel,
                    const std::string& notification, std::int64_t at);
  // CREATED -> PAID: credits what was paid, converts the points, grants what
  // the factory's points rule (read before the transaction) earns, writes the chain.
  void applySettlement(Poco::Data::Session& s, std::int64_t factoryId, std::int64_t paymentId,
                       std::int64_t userId, const std::string& outTradeId, sdk::Fen paid, std::int64_t points,
                       sdk::Fen pointsFen, const std::string& chain, const std::optional<std::string>& pointsRule);
  // The points the factory's points.perYuan rule grants for `paid` channel
  // money, credited with the payment as reference.
  void grantEarnedPoints(std::int64_t factoryId, ledger::WalletLedger& wallet, const std::string& outTradeId,
                         sdk::Fen paid, const std::optional<std::string>& rule);
  // The channel would not take the payment: it is stored closed, never paid.
  void abandon(const tenancy::Factory& factory, const identity::User& user, const PayRequest& request,
               const std::string& channel, const Checked& checked, const std::string& why);

  storage::Database& db_;
  tenancy::FactoryStore& factories_;
  actions::ChainPlanner& planner_;
  const ChannelRegistry& channels_;
  PaymentServiceOptions options_;
  std::function<void()> onSettled_;
  std::function<void(Poco::Data::Session&, std::int64_t)> onChainWritten_;
};

}  // namespace paynext::core::payments
