#pragma once
// One shape for every payment channel (WeChat Pay, Alipay, ...): the payment
// service, the poller, the notify router, the admin API and checkout speak
// only this, and each channel lives in its own folder behind it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/NameValueCollection.h>

#include "paynext/sdk/money.h"

namespace paynext::core::payments {

// What a channel is asked to place: a stored payment's channel part.
struct ChannelOrder {
  std::string method;  // the client kind, one of PaymentChannel::methods()
  std::string outTradeId;
  sdk::Fen money = 0;
  std::string subject;  // shown by the channel; never empty
  std::string body;
  std::string clientIp;
  std::string openid;  // WeChat JSAPI
  std::string returnUrl;  // Alipay WAP: where the browser goes once paid; empty = not sent
  std::string quitUrl;    // Alipay WAP: where it goes when the user leaves; empty = not sent
  std::int64_t timeoutMinutes = 0;  // unpaid after this long, paynext closes it; channels that can are told
  // Notifications for this order go to notifyBaseUrl + <notify path> + "/" + factoryName.
  std::string notifyBaseUrl;
  std::string factoryName;

  std::string notifyUrl(const std::string& notifyPath) const { return notifyBaseUrl + notifyPath + "/" + factoryName; }
};

// What the client needs to pay a placed order, and the channel's own id of it.
struct PlacedOrder {
  std::string prepayId;
  Poco::Dynamic::Var payParams;
};

// What the channel says about a payment, from a notification or a query.
struct PaymentReport {
  std::string outTradeId;
  bool paid = false;  // the money arrived; otherwise there is nothing to settle
  sdk::Fen amount = 0;
  std::string channelTradeNo;
  std::string evidence;  // a query's name, kept with a settlement it makes (a notification keeps its body)
};

// A refund asked of the channel: part or all of a paid order's money back to
// where it came from.
struct ChannelRefund {
  std::string outTradeId;
  std::string outRefundNo;  // the same number again is the same refund
  sdk::Fen amount = 0;      // this refund
  sdk::Fen total = 0;       // what the order paid through the channel
  std::string reason;
  // Refund results go to notifyBaseUrl + <notify path> + "/" + factoryName.
  std::string notifyBaseUrl;
  std::string factoryName;

  std::string notifyUrl(const std::string& notifyPath) const { return notifyBaseUrl + notifyPath + "/" + factoryName; }
};

enum class RefundState { Processing, Succeeded, Failed };

// What the channel says about a refund, from its answer, a query or a notification.
struct RefundReport {
  std::string outRefundNo;
  RefundState state = RefundState::Processing;
  std::string channelRefundId;
  std::string detail;  // the channel's words when it failed
};

// A notification as received: the headers, the body exactly as sent, and when.
struct InboundMessage {
  Poco::Net::NameValueCollection headers;
  std::string body;
  std::int64_t receivedAt = 0;  // epoch seconds
};

// How a notification ended; counted in paynext_notifications_total and
// answered in the channel's own words.
enum class NotifyOutcome {
  Settled,
  Refunded,  // a refund's result recorded
  Duplicate,
  PaymentFailed,  // verified, but no money arrived: acknowledged, nothing to settle
  NotConfigured,
  BadSignature,
  Malformed,
  WrongMerchant,
  UnknownPayment,
  AmountMismatch,
  UnknownFactory,
  Error,
};
// The metric label: settled, duplicate, payment_failed, ...
const std::string& outcomeLabel(NotifyOutcome outcome);
// Whether the channel should stop resending.
bool acknowledged(NotifyOutcome outcome);

// A notification read and verified by a channel: the report to settle, or
// why it is refused (with a detail for the answer and the log).
struct NotificationReading {
  NotifyOutcome refusal = NotifyOutcome::Error;
  std::string detail;
  std::optional<PaymentReport> report;  // a verified pay result
  std::optional<RefundReport> refund;   // a verified refund result

  bool isVerified() const { return report || refund; }
  static NotificationReading verified(PaymentReport report);
  static NotificationReading verified(RefundReport refund);
  static NotificationReading refused(NotifyOutcome why, std::string detail);
};

// An HTTP answer to a notification.
struct NotifyReply {
  int status = 200;
  std::string contentType = "text/plain";
  std::string body;
};

// A factory's merchant account with a channel: its checked settings and the
// calls they allow. Calls throw std::exception on transport errors and on
// answers the channel did not sign; the message never quotes a secret.
class ChannelAccount {
 public:
  virtual ~ChannelAccount() = default;

  // As stored (secrets included) and as admins see them (secrets as set/unset).
  virtual Poco::JSON::Object::Ptr toJson() const = 0;
  virtual Poco::JSON::Object::Ptr redacted() const = 0;
  // The addresses the account calls, checked against the outbound policy when saved.
  virtual std::vector<std::string> gatewayUrls() const = 0;
  // False for a merchant marked as a test one ("test": true in its settings).
  virtual bool live() const = 0;

  // Refuses (sdk::Error naming the field) an order this account cannot place,
  // before anything is stored.
  virtual void checkOrder(const ChannelOrder&) const {}
  virtual PlacedOrder place(const ChannelOrder& order) const = 0;
  // Verifies a notification that came to `notifyPath` (signature, merchant, format).
  virtual NotificationReading readNotification(const std::string& notifyPath, const InboundMessage& message) const = 0;
  // Asks the channel about a payment; nullopt when the channel does not know
  // it (the user never opened it).
  virtual std::optional<PaymentReport> query(const std::string& outTradeId) const = 0;
  // Closes an unpaid order at the channel, so it can no longer be paid there.
  // Returns when it is closed (now or before) or the channel never knew it;
  // throws when it was paid meanwhile or the channel could not be asked.
  virtual void close(const std::string& outTradeId) const = 0;

  // Refuses (sdk::Error) a refund these settings cannot make, before any money moves.
  virtual void checkRefund() const {}
  // Asks the channel to refund. A refusal is a Failed report; throws when the
  // outcome is unknown (the channel could not be reached or asks to retry):
  // the refund stays processing and is asked about, or sent again, later.
  virtual RefundReport refund(const ChannelRefund& refund) const = 0;
  // nullopt when the channel does not know the refund (it was never received).
  virtual std::optional<RefundReport> queryRefund(const std::string& outTradeId,
                                                  const std::string& outRefundNo) const = 0;
};

// A kind of channel, registered once: its name in payments, settings, notify
// paths and admin routes.
class PaymentChannel {
 public:
  virtual ~PaymentChannel() = default;

  virtual const std::string& name() const = 0;   // "wxpay": payments.channel and the settings' key
  virtual const std::string& title() const = 0;  // "微信支付": for messages
  // The client kinds it places orders for ("jsapi", "app", "wap").
  virtual const std::vector<std::string>& methods() const = 0;
  // Where its notifications arrive: /notify/<path>/<factory>.
  virtual const std::vector<std::string>& notifyPaths() const = 0;

  // Reads and checks a factory's settings; throws sdk::Error naming the field
  // (never quoting a secret).
  virtual std::unique_ptr<ChannelAccount> account(const Poco::JSON::Object& settings) const = 0;
  // The answer to a notification at `notifyPath` that ended with `outcome`.
  virtual NotifyReply reply(const std::string& notifyPath, NotifyOutcome outcome, const std::string& detail) const = 0;
};

}  // namespace paynext::core::payments
