#pragma once
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "signup.h"

namespace paynext::plugins::cpmatch {

// How an activity's admitted sign-ups are paired: the pairs (as sign-ups)
// and whoever is left over.
struct Pairing {
  std::vector<std::pair<Signup, Signup>> pairs;
  std::vector<Signup> unpaired;
};

// perGender: each pair is one man and one woman, both drawn at random; the
// larger side's surplus is left unpaired. Otherwise everyone is shuffled and
// paired in turn; an odd one out is left unpaired.
Pairing pairUp(std::vector<Signup> admitted, bool perGender, std::mt19937_64& random);

}  // namespace paynext::plugins::cpmatch
