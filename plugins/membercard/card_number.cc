#include "card_number.h"

#include <random>

namespace paynext::plugins::membercard {

std::string randomCardNumber() {
  // random_device reads the OS's generator: numbers cannot be predicted from earlier ones.
  static thread_local std::random_device device;
  std::uniform_int_distribution<int> first(1, 9), digit(0, 9);
  std::string number(1, static_cast<char>('0' + first(device)));
  while (number.size() < kCardNumberDigits) number += static_cast<char>('0' + digit(device));
  return number;
}

}  // namespace paynext::plugins::membercard
