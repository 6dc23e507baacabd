#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/ledger.h"

#include "goods_store.h"
#include "order_store.h"

namespace paynext::plugins::orders {

// Paying one or several orders from the wallet. The chain step (type 0) and
// /order/pay share it, so both refuse the same things with the same words.
class OrderPayment {
 public:
  static constexpr std::size_t kMaxOrders = 50;

  // Reads the ids from `field` (1234 or "77,88,99"): at most kMaxOrders, no
  // duplicates, and no order numbers (OD...) given instead of ids.
  static std::vector<std::int64_t> parseIds(const Poco::JSON::Object& params, const std::string& field = "id");

  // Loads the orders and checks each exists for the user and is unpaid, and
  // that their goods are on sale with the stock they need; throws sdk::Error
  // naming the first order or goods that is not payable.
  OrderPayment(OrderStore& store, GoodsStore& goods, std::int64_t userId, const std::vector<std::int64_t>& ids);

  sdk::Fen total() const { return total_; }
  const std::vector<Order>& orders() const { return orders_; }
  // The ledger reference: "orders:77,88,99".
  std::string ledgerReference() const;

  // Marks every order paid at paidAt (epoch ms, the scope's clock) with
  // paidReference, takes the goods' stock and debits the total: every place
  // that pays an order pays it here. Throws sdk::InsufficientFunds when the
  // wallet is short and sdk::Error when an order was paid or closed or a
  // goods sold out or taken off sale meanwhile; the caller's transaction then
  // rolls back.
  void pay(sdk::Ledger& ledger, const std::string& paidReference, std::int64_t paidAt);

 private:
  OrderStore& store_;
  GoodsStore& goods_;
  std::int64_t userId_;
  std::vector<Order> orders_;
  std::vector<OrderLine> lines_;  // all the orders' goods
  sdk::Fen total_ = 0;
};

}  // namespace paynext::plugins::orders
