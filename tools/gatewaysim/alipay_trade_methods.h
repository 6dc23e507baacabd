#pragma once
// The business rules of the gateway's trade methods, each answering the
// text of its response node (signed by the caller):
//   alipay.trade.query, alipay.trade.close (only a trade waiting for the
//   buyer), alipay.trade.refund (only a paid trade; the refunds' sum never
//   above the total; idempotent by out_request_no) and
//   alipay.trade.fastpay.refund.query.
// A trade exists once the buyer opened the cashier (the control API's pay);
// before that every method answers ACQ.TRADE_NOT_EXIST.
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

#include "tools/gatewaysim/alipay_order_store.h"

namespace paynext::tools::gatewaysim {

std::string queryTrade(const AlipayOrderStore& store, const std::string& appId, const Poco::JSON::Object& biz);
std::string closeTrade(AlipayOrderStore& store, const std::string& appId, const Poco::JSON::Object& biz);
std::string refundTrade(AlipayOrderStore& store, const std::string& appId, const Poco::JSON::Object& biz);
std::string queryRefund(const AlipayOrderStore& store, const std::string& appId, const Poco::JSON::Object& biz);

// The sub_msg of a refund refusal the control API may arm for a trade's next
// refund (ACQ.SELLER_BALANCE_NOT_ENOUGH, ACQ.SYSTEM_ERROR,
// ACQ.TRADE_NOT_ALLOW_REFUND, ACQ.REASON_TRADE_BEEN_FREEZEN); nullopt for
// any other sub_code.
std::optional<std::string> armableRefundFailure(const std::string& subCode);

}  // namespace paynext::tools::gatewaysim
