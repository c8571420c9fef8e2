// The credit-card world's geography, as the original generator defines it: 26 countries with their IPv4 ranges
// (overlapping, as in the original), raw home-country weights, an ordered neighbour map, the order merchants and
// banks draw countries in, twelve distant country pairs for impossible travel, and the merchant categories.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace synthgen {

// A country of the card world: its position in the original's IP-range table (United States = 0,
// United Kingdom = 1, Germany = 2, France = 3, China = 4, ... Nigeria = 25). Home countries and chain-attack
// countries are drawn in this order.
using CountryIndex = std::uint8_t;
constexpr std::size_t kCardCountryCount = 26;

// An inclusive IPv4 range, addresses as host-order integers.
struct Ipv4Range {
  std::uint32_t first;
  std::uint32_t last;
};

struct CardCountry {
  std::string_view name;
  double home_weight;  // the original's raw weight; effective probability = weight / sum of weights
  const Ipv4Range* ranges;
  std::size_t range_count;
  const CountryIndex* neighbours;  // in the original's order
  std::size_t neighbour_count;
};

extern const CardCountry kCardCountries[kCardCountryCount];

// Merchants draw their country uniformly over this order (United States, China, Japan, Germany, India, ...);
// banks over its first kBankCountryCount entries.
extern const CountryIndex kMerchantCountryOrder[kCardCountryCount];
constexpr std::size_t kBankCountryCount = 19;

// The twelve distant pairs of the original's geographic fraud, in its order (first country first).
struct CountryPair {
  CountryIndex first;
  CountryIndex second;
};
constexpr std::size_t kDistantCountryPairCount = 12;
extern const CountryPair kDistantCountryPairs[kDistantCountryPairCount];

constexpr std::size_t kMerchantCategoryCount = 20;
extern const std::string_view kMerchantCategories[kMerchantCategoryCount];

// The country with this exact name, if any.
std::optional<CountryIndex> FindCardCountry(std::string_view name) noexcept;

}  // namespace synthgen
