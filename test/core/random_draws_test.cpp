// Tests UniformInt: it must draw exactly what Boost.Random's uniform_int_distribution draws from the same
// stream, for every kind of range (the output's definition depends on it).
#include "core/random_draws.hpp"

#include <gtest/gtest.h>

#include <boost/random/uniform_int_distribution.hpp>
#include <cstdint>
#include <limits>
#include <vector>

namespace synthgen {
namespace {

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

// Draws count numbers in [lo, hi] both ways from two copies of one stream and expects the same numbers, and
// the streams left in the same state (the same number of rejections).
void ExpectSameAsBoost(std::int64_t lo, std::int64_t hi, int count) {
  RandomStream ours(5, StreamId::kHistory, static_cast<std::uint64_t>(lo) ^ static_cast<std::uint64_t>(hi));
  RandomStream boosts = ours;
  boost::random::uniform_int_distribution<std::int64_t> distribution(lo, hi);
  for (int i = 0; i < count; ++i) {
    const std::int64_t value = UniformInt(ours, lo, hi);
    ASSERT_EQ(value, distribution(boosts)) << "[" << lo << ", " << hi << "] draw " << i;
    ASSERT_GE(value, lo);
    ASSERT_LE(value, hi);
  }
  EXPECT_EQ(ours(), boosts());
}

TEST(UniformIntTest, SmallConstantRangesMatchBoost) {
  for (std::int64_t hi = 0; hi < 200; ++hi) ExpectSameAsBoost(0, hi, 200);
  ExpectSameAsBoost(6, 21, 10000);
  ExpectSameAsBoost(22, 29, 10000);
  ExpectSameAsBoost(0, 3599, 10000);
  ExpectSameAsBoost(-5, 5, 10000);
}

// Ranges just below and above powers of two, where rejection is most frequent (up to half the draws).
TEST(UniformIntTest, RangesAroundPowersOfTwoMatchBoost) {
  for (int bits = 1; bits < 63; ++bits) {
    const std::int64_t power = std::int64_t{1} << bits;
    for (std::int64_t delta = -2; delta <= 2; ++delta) {
      if (power + delta - 1 >= 0) ExpectSameAsBoost(0, power + delta - 1, 2000);
    }
    ExpectSameAsBoost(-power, power, 2000);
  }
}

// The edges of the 64-bit domain: the whole range, one short of it, and bounds at the type's limits.
TEST(UniformIntTest, ExtremeRangesMatchBoost) {
  ExpectSameAsBoost(kMin, kMax, 1000);
  ExpectSameAsBoost(kMin + 1, kMax, 1000);
  ExpectSameAsBoost(kMin, kMax - 1, 1000);
  ExpectSameAsBoost(kMin, 0, 1000);
  ExpectSameAsBoost(0, kMax, 1000);
  ExpectSameAsBoost(-1, kMax, 1000);
  ExpectSameAsBoost(kMin, kMin + 7, 1000);
  ExpectSameAsBoost(kMax - 7, kMax, 1000);
  ExpectSameAsBoost(kMax, kMax, 10);
  ExpectSameAsBoost(kMin, kMin, 10);
}

TEST(UniformIntTest, RandomRangesMatchBoost) {
  RandomStream bounds(9, StreamId::kHistory, 0);
  for (int i = 0; i < 20000; ++i) {
    const auto a = static_cast<std::int64_t>(bounds());
    // Spans of every magnitude, from a few values to most of the domain.
    const auto span = static_cast<std::int64_t>(bounds() >> (1 + bounds() % 63));
    const std::int64_t lo = a > kMax - span ? kMax - span : a;
    ExpectSameAsBoost(lo, lo + span, 20);
  }
}

}  // namespace
}  // namespace synthgen
