#include "pairing.h"

#include <algorithm>

namespace paynext::plugins::cpmatch {

Pairing pairUp(std::vector<Signup> admitted, bool perGender, std::mt19937_64& random) {
  Pairing out;
  if (!perGender) {
    std::shuffle(admitted.begin(), admitted.end(), random);
    std::size_t i = 0;
    for (; i + 1 < admitted.size(); i += 2) out.pairs.emplace_back(admitted[i], admitted[i + 1]);
    if (i < admitted.size()) out.unpaired.push_back(admitted[i]);
    return out;
  }
  std::vector<Signup> men, women;
  for (const auto& s : admitted) (s.gender == kMale ? men : women).push_back(s);
  std::shuffle(men.begin(), men.end(), random);
  std::shuffle(women.begin(), women.end(), random);
  const std::size_t n = std::min(men.size(), women.size());
  for (std::size_t i = 0; i < n; ++i) out.pairs.emplace_back(men[i], women[i]);
  for (std::size_t i = n; i < men.size(); ++i) out.unpaired.push_back(men[i]);
  for (std::size_t i = n; i < women.size(); ++i) out.unpaired.push_back(women[i]);
  return out;
}

}  // namespace paynext::plugins::cpmatch
