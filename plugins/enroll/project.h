#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

#include "form.h"

namespace paynext::plugins::enroll {

// An enrollment project (报名项目) an admin publishes: its fee, how many may
// enroll (paid applications count against capacity), until when, and the
// form applicants fill in.
struct Project {
  std::int64_t id = 0;
  std::string title;
  std::string description;
  sdk::Fen fee = 0;
  std::int64_t capacity = 0;
  std::int64_t paid = 0;      // seats taken by paid applications
  std::int64_t deadline = 0;  // epoch ms, 0 for none; applying and paying end after it
  std::vector<FormField> fields;
  bool enabled = true;
  std::int64_t createdAt = 0;
  std::int64_t updatedAt = 0;

  // Why nobody can apply or pay now (stopped, past the deadline, full); nullopt when open.
  std::optional<std::string> closedReason(std::int64_t nowMs) const;
  std::string named() const { return "报名项目「" + title + "」"; }
};

// Fee in yuan, seats left, deadline in China time; the same for users and admins.
Poco::JSON::Object::Ptr toJson(const Project& project);

}  // namespace paynext::plugins::enroll
