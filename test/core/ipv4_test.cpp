// Tests the card world's IPv4 helpers: formatting, draws inside a country's ranges (uniform by range, not by
// size), the 70/30 split of same-subnet draws, and determinism.
#include "core/ipv4.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "core/random_stream.hpp"

namespace synthgen {
namespace {

std::string Format(Ipv4 address) {
  char text[16];
  FormatIpv4(address, text);
  return text;
}

constexpr Ipv4 Quad(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
  return a << 24 | b << 16 | c << 8 | d;
}

bool InCountry(CountryIndex country, Ipv4 address) {
  const CardCountry& entry = kCardCountries[country];
  for (std::size_t r = 0; r < entry.range_count; ++r) {
    if (entry.ranges[r].first <= address && address <= entry.ranges[r].last) return true;
  }
  return false;
}

TEST(Ipv4Test, FormatsDottedQuads) {
  EXPECT_EQ(Format(0), "0.0.0.0");
  EXPECT_EQ(Format(0xFFFFFFFFu), "255.255.255.255");
  EXPECT_EQ(Format(0x01020304u), "1.2.3.4");
  EXPECT_EQ(Format(Quad(10, 0, 100, 9)), "10.0.100.9");
  EXPECT_EQ(Format(Quad(192, 168, 10, 200)), "192.168.10.200");
  EXPECT_EQ(Format(Quad(117, 128, 0, 0)), "117.128.0.0");
}

TEST(Ipv4Test, CountryDrawsStayInsideTheCountrysRanges) {
  for (CountryIndex country = 0; country < kCardCountryCount; ++country) {
    RandomStream rng(7, StreamId::kCardTransactions, country);
    RandomDraws draws(rng);
    for (int i = 0; i < 20000; ++i) {
      const Ipv4 address = DrawAddressInCountry(country, draws);
      ASSERT_TRUE(InCountry(country, address)) << kCardCountries[country].name << " " << Format(address);
    }
  }
}

// Thailand's first range (1.0.128.0/17) is tiny beside its /9s, yet gets 1/16 of the draws: ranges are picked
// uniformly, as in the original. Tolerance: 0.005 (about 8 standard errors at 160,000 draws).
TEST(Ipv4Test, CountryDrawsPickRangesUniformlyNotBySize) {
  const CountryIndex thailand = FindCardCountry("Thailand").value();
  RandomStream rng(11, StreamId::kCardTransactions, 0);
  RandomDraws draws(rng);
  constexpr int kDraws = 160000;
  int in_first = 0;
  for (int i = 0; i < kDraws; ++i) {
    const Ipv4 address = DrawAddressInCountry(thailand, draws);
    if (address >= Quad(1, 0, 128, 0) && address <= Quad(1, 0, 255, 255)) ++in_first;
  }
  EXPECT_NEAR(static_cast<double>(in_first) / kDraws, 1.0 / 16.0, 0.005);
}

// 70% keep the /24, 30% keep only the /16 (of which 1/254 land in the same /24 by chance). Tolerance 0.01
// (about 7 standard errors at 100,000 draws).
TEST(Ipv4Test, SameSubnetDrawsSplitSeventyThirty) {
  RandomStream rng(13, StreamId::kCardTransactions, 0);
  RandomDraws draws(rng);
  const Ipv4 previous = Quad(86, 23, 145, 7);
  constexpr int kDraws = 100000;
  int same_24 = 0;
  for (int i = 0; i < kDraws; ++i) {
    const Ipv4 address = DrawAddressInSameSubnet(previous, draws);
    ASSERT_EQ(address & 0xFFFF0000u, previous & 0xFFFF0000u) << Format(address);
    const std::uint32_t third = address >> 8 & 0xFFu;
    const std::uint32_t fourth = address & 0xFFu;
    ASSERT_GE(fourth, 1u);
    ASSERT_LE(fourth, 254u);
    if (third == 145) {
      ++same_24;
    } else {
      ASSERT_GE(third, 1u);
      ASSERT_LE(third, 254u);
    }
  }
  EXPECT_NEAR(static_cast<double>(same_24) / kDraws, 0.7 + 0.3 / 254.0, 0.01);
}

TEST(Ipv4Test, DrawsAreAPureFunctionOfTheStream) {
  RandomStream first_rng(42, StreamId::kCardTransactions, 5);
  RandomStream second_rng(42, StreamId::kCardTransactions, 5);
  RandomDraws first(first_rng);
  RandomDraws second(second_rng);
  for (int i = 0; i < 100; ++i) {
    const auto country = static_cast<CountryIndex>(i % kCardCountryCount);
    const Ipv4 a = DrawAddressInCountry(country, first);
    ASSERT_EQ(a, DrawAddressInCountry(country, second));
    ASSERT_EQ(DrawAddressInSameSubnet(a, first), DrawAddressInSameSubnet(a, second));
  }
}

}  // namespace
}  // namespace synthgen
