#include "purchase_payment.h"

#include "paynext/sdk/errors.h"

namespace paynext::plugins::knowledge {

namespace {

const std::string kReason = "支付知识付费订单";

std::string alreadyPaid(std::int64_t id) { return "知识付费订单 " + std::to_string(id) + " 已支付,不能重复支付"; }

}  // namespace

PurchasePayment::PurchasePayment(PurchaseStore& purchases, ItemStore& items, std::int64_t userId,
                                 const std::vector<std::int64_t>& ids, const std::string& reference)
    : purchases_(purchases), userId_(userId), ids_(ids) {
  for (const auto id : ids) {
    const auto purchase = purchases_.findForUser(userId_, id);
    // Another user's purchase is reported as missing: its existence is not the caller's business.
    if (!purchase) throw sdk::Error(sdk::codes::kNoData, "知识付费订单 " + std::to_string(id) + " 不存在");
    if (purchase->status != kPending) {
      if (!reference.empty() && purchase->paidReference == reference) continue;
      throw sdk::Error(sdk::codes::kBadRequest, alreadyPaid(id));
    }
    const auto item = items.find(purchase->itemId);
    if (!item || !item->onSale) {
      throw sdk::Error(sdk::codes::kBadRequest, "知识付费内容「" + purchase->title + "」已下架,订单 " +
                                                    std::to_string(id) + " 不能支付");
    }
    // The id count is capped and prices stay below 10^17 fen: no overflow.
    total_ += item->price;
    pending_.push_back({id, item->price});
  }
}

std::string PurchasePayment::ledgerReference() const {
  std::string ref = "knowledge:";
  for (std::size_t i = 0; i < ids_.size(); ++i) {
    if (i) ref += ",";
    ref += std::to_string(ids_[i]);
  }
  return ref;
}

void PurchasePayment::pay(sdk::Ledger& ledger, const std::string& reference) {
  if (pending_.empty()) return;
  for (const auto& due : pending_) {
    if (!purchases_.markPaid(userId_, due.id, due.price, reference)) {
      throw sdk::Error(sdk::codes::kBadRequest, alreadyPaid(due.id));
    }
  }
  ledger.debit(total_, kReason, ledgerReference());
}

}  // namespace paynext::plugins::knowledge
