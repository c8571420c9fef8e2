// Tests the card world's geography tables against the original generator's: countries and their order, IP
// range counts and end points, home weights, neighbour lists, merchant and bank country order, distant pairs
// and merchant categories.
#include "core/card_geography.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "core/ipv4.hpp"

namespace synthgen {
namespace {

// The original's COUNTRY_IP_RANGES key order.
const std::vector<std::string_view> kIpTableOrder = {
    "United States", "United Kingdom", "Germany",   "France",       "China",       "Japan",  "India",
    "Canada",        "Australia",      "Brazil",    "Russia",       "South Korea", "Mexico", "Spain",
    "Italy",         "Netherlands",    "Indonesia", "Saudi Arabia", "Turkey",      "Taiwan", "Belgium",
    "Argentina",     "Thailand",       "Israel",    "Poland",       "Nigeria"};

CountryIndex Index(std::string_view name) {
  const auto index = FindCardCountry(name);
  EXPECT_TRUE(index.has_value()) << name;
  return index.value_or(0);
}

std::string Name(CountryIndex country) { return std::string(kCardCountries[country].name); }

std::string FormatRange(const Ipv4Range& range) {
  char first[16];
  char last[16];
  FormatIpv4(range.first, first);
  FormatIpv4(range.last, last);
  return std::string(first) + "-" + last;
}

TEST(CardGeographyTest, HoldsTheTwentySixCountriesInIpTableOrder) {
  ASSERT_EQ(kIpTableOrder.size(), kCardCountryCount);
  for (std::size_t i = 0; i < kCardCountryCount; ++i) {
    EXPECT_EQ(kCardCountries[i].name, kIpTableOrder[i]) << i;
    EXPECT_EQ(FindCardCountry(kIpTableOrder[i]), std::optional<CountryIndex>(static_cast<CountryIndex>(i)));
  }
  EXPECT_FALSE(FindCardCountry("Austria").has_value());
  EXPECT_FALSE(FindCardCountry("united states").has_value());
  EXPECT_FALSE(FindCardCountry("").has_value());
}

TEST(CardGeographyTest, RangeCountsMatchTheOriginal) {
  const std::vector<std::size_t> expected = {18, 5, 3,  4, 19, 6, 3, 4, 4, 5,  23, 18, 3,
                                             6,  7, 10, 7, 5,  9, 9, 9, 4, 16, 9,  11, 6};
  for (std::size_t i = 0; i < kCardCountryCount; ++i) {
    EXPECT_EQ(kCardCountries[i].range_count, expected[i]) << kCardCountries[i].name;
  }
}

TEST(CardGeographyTest, RangesAreOrderedAndNonEmpty) {
  for (const CardCountry& country : kCardCountries) {
    ASSERT_NE(country.ranges, nullptr) << country.name;
    for (std::size_t r = 0; r < country.range_count; ++r) {
      EXPECT_LE(country.ranges[r].first, country.ranges[r].last) << country.name << " range " << r;
    }
  }
}

// The first and last range of every country, and a few in between, exactly as the original lists them.
TEST(CardGeographyTest, RangeEndPointsMatchTheOriginal) {
  struct Expected {
    std::string_view country;
    std::size_t position;
    std::string range;
  };
  const std::vector<Expected> expected = {
      {"United States", 0, "8.0.0.0-8.255.255.255"},
      {"United States", 3, "50.0.0.0-50.127.255.255"},
      {"United States", 17, "108.0.0.0-108.255.255.255"},
      {"United Kingdom", 0, "81.0.0.0-81.255.255.255"},
      {"United Kingdom", 4, "94.0.0.0-94.255.255.255"},
      {"Germany", 0, "46.0.0.0-46.255.255.255"},
      {"Germany", 2, "91.0.0.0-91.255.255.255"},
      {"France", 0, "80.0.0.0-80.255.255.255"},
      {"France", 3, "90.0.0.0-90.127.255.255"},
      {"China", 0, "1.0.0.0-1.63.255.255"},
      {"China", 12, "117.0.0.0-117.127.255.255"},
      {"China", 18, "123.0.0.0-123.255.255.255"},
      {"Japan", 0, "60.0.0.0-60.255.255.255"},
      {"Japan", 5, "211.0.0.0-211.255.255.255"},
      {"India", 0, "14.0.0.0-14.255.255.255"},
      {"India", 2, "117.128.0.0-117.255.255.255"},
      {"Canada", 0, "70.0.0.0-70.255.255.255"},
      {"Canada", 3, "184.0.0.0-184.127.255.255"},
      {"Australia", 0, "1.128.0.0-1.159.255.255"},
      {"Australia", 1, "27.32.0.0-27.47.255.255"},
      {"Australia", 3, "103.0.0.0-103.127.255.255"},
      {"Brazil", 0, "177.0.0.0-177.255.255.255"},
      {"Brazil", 4, "191.0.0.0-191.255.255.255"},
      {"Russia", 0, "5.0.0.0-5.255.255.255"},
      {"Russia", 3, "46.0.0.0-46.255.255.255"},
      {"Russia", 22, "95.0.0.0-95.127.255.255"},
      {"South Korea", 0, "1.224.0.0-1.255.255.255"},
      {"South Korea", 16, "121.0.0.0-121.255.255.255"},
      {"South Korea", 17, "175.0.0.0-175.255.255.255"},
      {"Mexico", 0, "187.0.0.0-187.255.255.255"},
      {"Mexico", 2, "201.0.0.0-201.255.255.255"},
      {"Spain", 0, "80.0.0.0-80.127.255.255"},
      {"Spain", 2, "83.0.0.0-83.255.255.255"},
      {"Spain", 5, "88.0.0.0-88.127.255.255"},
      {"Italy", 0, "79.0.0.0-79.255.255.255"},
      {"Italy", 6, "151.0.0.0-151.255.255.255"},
      {"Netherlands", 0, "77.0.0.0-77.255.255.255"},
      {"Netherlands", 9, "213.0.0.0-213.255.255.255"},
      {"Indonesia", 0, "36.64.0.0-36.127.255.255"},
      {"Indonesia", 6, "125.0.0.0-125.127.255.255"},
      {"Saudi Arabia", 0, "37.128.0.0-37.255.255.255"},
      {"Saudi Arabia", 4, "188.0.0.0-188.255.255.255"},
      {"Turkey", 0, "78.160.0.0-78.191.255.255"},
      {"Turkey", 8, "185.0.0.0-185.255.255.255"},
      {"Taiwan", 0, "1.160.0.0-1.175.255.255"},
      {"Taiwan", 2, "36.224.0.0-36.239.255.255"},
      {"Taiwan", 8, "125.0.0.0-125.127.255.255"},
      {"Belgium", 0, "77.0.0.0-77.127.255.255"},
      {"Belgium", 8, "85.0.0.0-85.127.255.255"},
      {"Argentina", 0, "181.0.0.0-181.255.255.255"},
      {"Argentina", 3, "200.0.0.0-200.127.255.255"},
      {"Thailand", 0, "1.0.128.0-1.0.255.255"},
      {"Thailand", 15, "125.0.0.0-125.127.255.255"},
      {"Israel", 0, "2.0.0.0-2.127.255.255"},
      {"Israel", 8, "85.0.0.0-85.127.255.255"},
      {"Poland", 0, "5.0.0.0-5.127.255.255"},
      {"Poland", 10, "89.0.0.0-89.127.255.255"},
      {"Nigeria", 0, "41.0.0.0-41.127.255.255"},
      {"Nigeria", 5, "197.0.0.0-197.127.255.255"},
  };
  for (const Expected& e : expected) {
    const CardCountry& country = kCardCountries[Index(e.country)];
    ASSERT_LT(e.position, country.range_count) << e.country;
    EXPECT_EQ(FormatRange(country.ranges[e.position]), e.range) << e.country << " range " << e.position;
  }
}

// 80.0.0.0-80.127.255.255 (or all of 80/8) is listed for ten countries, as in the original.
TEST(CardGeographyTest, RangesOverlapBetweenCountriesAsInTheOriginal) {
  const Ipv4 address = 80u << 24 | 1u << 16 | 2u << 8 | 3u;
  std::vector<std::string> holders;
  for (const CardCountry& country : kCardCountries) {
    for (std::size_t r = 0; r < country.range_count; ++r) {
      if (country.ranges[r].first <= address && address <= country.ranges[r].last) {
        holders.emplace_back(country.name);
        break;
      }
    }
  }
  const std::vector<std::string> expected = {"France",       "Russia", "Spain",   "Italy",  "Netherlands",
                                             "Saudi Arabia", "Turkey", "Belgium", "Israel", "Poland"};
  EXPECT_EQ(holders, expected);
}

TEST(CardGeographyTest, HomeWeightsAreTheOriginalRawWeights) {
  double total = 0.0;
  for (const CardCountry& country : kCardCountries) {
    const std::string_view name = country.name;
    double expected = 0.01;
    if (name == "United States") {
      expected = 0.35;
    } else if (name == "United Kingdom" || name == "Germany" || name == "France" || name == "Canada" ||
               name == "China" || name == "Japan") {
      expected = 0.08;
    } else if (name == "India" || name == "Brazil" || name == "Australia" || name == "Spain" ||
               name == "Italy") {
      expected = 0.04;
    }
    EXPECT_DOUBLE_EQ(country.home_weight, expected) << name;
    total += country.home_weight;
  }
  EXPECT_NEAR(total, 1.17, 1e-12);
  // The effective probabilities the original's normalisation gives.
  EXPECT_NEAR(kCardCountries[Index("United States")].home_weight / total, 0.2991, 0.0001);
  EXPECT_NEAR(kCardCountries[Index("China")].home_weight / total, 0.0684, 0.0001);
  EXPECT_NEAR(kCardCountries[Index("Nigeria")].home_weight / total, 0.00855, 0.00001);
}

TEST(CardGeographyTest, NeighbourListsMatchTheOriginalInOrder) {
  const std::vector<std::pair<std::string_view, std::vector<std::string>>> expected = {
      {"United States", {"Canada", "Mexico"}},
      {"Canada", {"United States"}},
      {"Mexico", {"United States"}},
      {"United Kingdom", {"France", "Germany", "Netherlands", "Belgium", "Spain", "Italy"}},
      {"France", {"United Kingdom", "Germany", "Spain", "Italy", "Belgium", "Netherlands"}},
      {"Germany", {"France", "Netherlands", "Belgium", "Poland"}},
      {"Spain", {"France", "Italy"}},
      {"Italy", {"France", "Spain", "Germany"}},
      {"Netherlands", {"Germany", "Belgium", "United Kingdom", "France"}},
      {"Belgium", {"France", "Netherlands", "Germany", "United Kingdom"}},
      {"Poland", {"Germany", "Russia"}},
      {"China", {"Japan", "South Korea", "India", "Russia"}},
      {"Japan", {"China", "South Korea", "Taiwan"}},
      {"South Korea", {"Japan", "China"}},
      {"Taiwan", {"Japan", "China"}},
      {"India", {"China", "Thailand"}},
      {"Thailand", {"India", "Indonesia"}},
      {"Indonesia", {"Thailand", "Australia"}},
      {"Australia", {"Indonesia"}},
      {"Brazil", {"Argentina"}},
      {"Argentina", {"Brazil"}},
      {"Russia", {"Poland", "China"}},
      {"Saudi Arabia", {"Turkey", "Israel"}},
      {"Turkey", {"Saudi Arabia", "Israel"}},
      {"Israel", {"Turkey", "Saudi Arabia"}},
      {"Nigeria", {}},
  };
  ASSERT_EQ(expected.size(), kCardCountryCount);
  for (const auto& [name, neighbours] : expected) {
    const CardCountry& country = kCardCountries[Index(name)];
    std::vector<std::string> actual;
    for (std::size_t i = 0; i < country.neighbour_count; ++i) actual.push_back(Name(country.neighbours[i]));
    EXPECT_EQ(actual, neighbours) << name;
  }
}

TEST(CardGeographyTest, MerchantCountryOrderIsTheOriginalList) {
  const std::vector<std::string> expected = {
      "United States", "China",     "Japan",       "Germany",      "India",       "United Kingdom", "France",
      "Italy",         "Brazil",    "Canada",      "Russia",       "South Korea", "Australia",      "Spain",
      "Mexico",        "Indonesia", "Netherlands", "Saudi Arabia", "Turkey",      "Taiwan",         "Belgium",
      "Argentina",     "Thailand",  "Israel",      "Poland",       "Nigeria"};
  std::vector<std::string> actual;
  for (CountryIndex country : kMerchantCountryOrder) actual.push_back(Name(country));
  EXPECT_EQ(actual, expected);
  // Banks use the first 19: United States ... Turkey.
  EXPECT_EQ(kBankCountryCount, 19u);
  EXPECT_EQ(Name(kMerchantCountryOrder[kBankCountryCount - 1]), "Turkey");
}

TEST(CardGeographyTest, DistantPairsMatchTheOriginalInOrder) {
  const std::vector<std::pair<std::string, std::string>> expected = {{"United States", "China"},
                                                                     {"United States", "Japan"},
                                                                     {"United States", "Australia"},
                                                                     {"United Kingdom", "Australia"},
                                                                     {"United Kingdom", "Japan"},
                                                                     {"Germany", "China"},
                                                                     {"France", "India"},
                                                                     {"Canada", "Russia"},
                                                                     {"Brazil", "China"},
                                                                     {"Spain", "Australia"},
                                                                     {"Italy", "Japan"},
                                                                     {"Mexico", "India"}};
  ASSERT_EQ(expected.size(), kDistantCountryPairCount);
  for (std::size_t i = 0; i < kDistantCountryPairCount; ++i) {
    EXPECT_EQ(Name(kDistantCountryPairs[i].first), expected[i].first) << i;
    EXPECT_EQ(Name(kDistantCountryPairs[i].second), expected[i].second) << i;
  }
}

TEST(CardGeographyTest, MerchantCategoriesMatchTheOriginalInOrder) {
  const std::vector<std::string_view> expected = {
      "Groceries",   "Travel",           "Fashion",       "Healthcare", "Restaurants",  "Gas Stations",
      "Electronics", "Home Improvement", "Entertainment", "Education",  "Insurance",    "Automotive",
      "Books",       "Sports",           "Beauty",        "Jewelry",    "Pet Supplies", "Furniture",
      "Pharmacy",    "Department Stores"};
  ASSERT_EQ(expected.size(), kMerchantCategoryCount);
  for (std::size_t i = 0; i < kMerchantCategoryCount; ++i)
    EXPECT_EQ(kMerchantCategories[i], expected[i]) << i;
}

}  // namespace
}  // namespace synthgen
