#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "paynext/sdk/clock.h"

#include "membership.h"

namespace paynext::plugins::membership {

// membership_members, membership_purchases and membership_renewals of one
// factory: who holds which level until when, and how they came to.
class MemberStore {
 public:
  MemberStore(Poco::Data::Session& session, std::int64_t factoryId, const sdk::Clock& clock);

  std::optional<Member> findMember(std::int64_t userId);
  // Creates or replaces the user's row; updatedAt is the clock's now.
  void saveMember(Member member);
  std::vector<Member> members(std::optional<std::int64_t> userId, int offset, int limit);
  // Auto-renewing members whose level has expired by nowMs.
  std::vector<Member> dueForRenewal(std::int64_t nowMs);

  Purchase addPurchase(Purchase purchase);
  std::optional<Purchase> findPurchase(const std::string& reference);
  std::vector<Purchase> purchases(std::optional<std::int64_t> userId, int offset, int limit);  // newest first

  Renewal addRenewal(Renewal renewal);
  std::vector<Renewal> renewals(std::optional<std::int64_t> userId, int offset, int limit);  // newest first

 private:
  Poco::Data::Session& session_;
  std::int64_t factoryId_;
  const sdk::Clock& clock_;
};

}  // namespace paynext::plugins::membership
