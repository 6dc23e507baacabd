#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/ledger.h"

#include "order_store.h"

namespace paynext::plugins::orders {

// Paying one or several orders from the wallet. The chain step (type 0) and
// /order/pay share it, so both refuse the same things with the same words.
class OrderPayment {
 public:
  static constexpr std::size_t kMaxOrders = 50;

  // Reads the ids from `field` (1234 or "77,88,99"): at most kMaxOrders, no duplicates.
  static std::vector<std::int64_t> parseIds(const Poco::JSON::Object& params, const std::string& field = "id");

  // Loads the orders and checks each exists for the user and is unpaid;
  // throws sdk::Error naming the first order that is not payable.
  OrderPayment(OrderStore& store, std::int64_t userId, const std::vector<std::int64_t>& ids);

  sdk::Fen total() const { return total_; }
  const std::vector<Order>& orders() const { return orders_; }
  // The ledger reference: "orders:77,88,99".
  std::string ledgerReference() const;

  // Debits the total and marks every order paid at paidAt (epoch ms, the
  // scope's clock) with paidReference. Throws sdk::InsufficientFunds when the
  // wallet is short and sdk::Error when an order was paid meanwhile; the
  // caller's transaction then rolls back.
  void pay(sdk::Ledger& ledger, const std::string& paidReference, std::int64_t paidAt);

 private:
  OrderStore& store_;
  std::int64_t userId_;
  std::vector<Order> orders_;
  sdk::Fen total_ = 0;
};

}  // namespace paynext::plugins::orders
