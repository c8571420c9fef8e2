// Shared by the card-world libFuzzer targets: the checks on a generated transaction that both the legitimate
// and the fraud generators must pass (an address inside its country's ranges, a well-formed merchant id).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "core/card_geography.hpp"
#include "fuzz_input.hpp"

namespace synthgen::fuzz {

inline bool InCountryRanges(CountryIndex country, Ipv4 ip) {
  const CardCountry& entry = kCardCountries[country];
  for (std::size_t i = 0; i < entry.range_count; ++i) {
    if (ip >= entry.ranges[i].first && ip <= entry.ranges[i].last) return true;
  }
  return false;
}

// The merchant index of "MERCH_" + 8 digits.
inline std::int64_t MerchantIndex(const char* id) {
  SYNTHGEN_FUZZ_REQUIRE(std::strncmp(id, "MERCH_", 6) == 0 && std::strlen(id) == 14);
  return std::strtoll(id + 6, nullptr, 10);
}

}  // namespace synthgen::fuzz
