#pragma once
#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "paynext/sdk/money.h"

namespace paynext::plugins::cpmatch {

constexpr int kMale = 1;
constexpr int kFemale = 2;

// A CP activity an admin publishes. Sign-up and payment are open until its
// start (dateStart); when it ends (dateEnd) the pair job pairs its admitted
// participants once and stamps pairedAt. With perGender the capacity is split
// evenly: capacity/2 men and capacity/2 women (capacity is then even), and
// pairs are one man and one woman; without it anyone takes any place and
// pairs are drawn at random.
struct Activity {
  std::int64_t id = 0;
  std::string title;
  sdk::Fen fee = 0;
  std::int64_t capacity = 0;
  bool perGender = false;
  std::int64_t dateStart = 0;  // epoch ms
  std::int64_t dateEnd = 0;    // epoch ms, after dateStart
  bool onSale = true;
  std::int64_t admittedMale = 0;    // paid places taken by men
  std::int64_t admittedFemale = 0;  // paid places taken by women
  std::int64_t pairedAt = 0;        // epoch ms of the pairing, 0 before
  std::int64_t createdAt = 0;
  std::int64_t updatedAt = 0;

  std::int64_t admitted() const { return admittedMale + admittedFemale; }
  std::int64_t admittedOf(int gender) const { return gender == kMale ? admittedMale : admittedFemale; }
  // Places left in all, or (perGender) for one gender.
  std::int64_t placesLeft() const;
  std::int64_t placesLeftFor(int gender) const;
  bool started(std::int64_t nowMs) const { return nowMs >= dateStart; }
  bool ended(std::int64_t nowMs) const { return nowMs >= dateEnd; }
  // CP活动「title」, as refusals name it.
  std::string named() const { return "CP活动「" + title + "」"; }
};

// 男 / 女.
std::string genderName(int gender);

// OPEN (sign-up and payment), STARTED, ENDED (waiting for the pair job) or PAIRED at nowMs.
std::string stateOf(const Activity& activity, std::int64_t nowMs);

// Money in yuan, the schedule in China time, the places left (per gender too).
Poco::JSON::Object::Ptr toJson(const Activity& activity, std::int64_t nowMs);

}  // namespace paynext::plugins::cpmatch
