#pragma once
#include <cstdint>
#include <string>

#include "paynext/sdk/wallets.h"

#include "goods_store.h"
#include "order_store.h"

namespace paynext::plugins::orders {

// An admin's cancel of a paid order (before the platform refunds it to the
// channel): the order becomes CANCELLED with the reason at cancelledAt (epoch
// ms), its goods' stock goes back as paying took it, and its buyer's wallet
// is credited what the pay step debited for it (ledger reason
// 订单取消退款:<reason>, reference order-cancel:<id>). All in the caller's
// transaction. Refuses, changing nothing, an order that is not of this
// factory (700 订单 N 不存在) or not paid (unpaid, closed, already cancelled).
Order cancelPaidOrder(OrderStore& orders, GoodsStore& goods, sdk::Wallets& wallets, std::int64_t id,
                      const std::string& reason, std::int64_t cancelledAt);

}  // namespace paynext::plugins::orders
