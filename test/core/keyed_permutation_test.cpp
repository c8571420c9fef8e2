// Tests Permute48, Permute48Run and IndexPermutation: bijectivity, range, dependence on the key, and the
// inverse.
#include "core/keyed_permutation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace synthgen {
namespace {

constexpr std::uint64_t k48BitLimit = std::uint64_t{1} << 48;

// True when every value is distinct (sorts a copy).
bool AllDistinct(std::vector<std::uint64_t> values) {
  std::sort(values.begin(), values.end());
  return std::adjacent_find(values.begin(), values.end()) == values.end();
}

TEST(Permute48Test, IsInjectiveOverLowIndexesAndStaysBelow2To48) {
  constexpr std::uint64_t kKey = 0x0123456789abcdefULL;
  constexpr std::uint64_t kSample = 200000;
  std::vector<std::uint64_t> outputs;
  outputs.reserve(kSample);
  for (std::uint64_t i = 0; i < kSample; ++i) {
    const std::uint64_t value = Permute48(kKey, i);
    ASSERT_LT(value, k48BitLimit) << "index " << i;
    outputs.push_back(value);
  }
  EXPECT_TRUE(AllDistinct(outputs));
}

TEST(Permute48Test, IsInjectiveNearTheTopOfTheDomain) {
  constexpr std::uint64_t kKey = 42;
  constexpr std::uint64_t kSample = 100000;
  std::vector<std::uint64_t> outputs;
  outputs.reserve(2 * kSample);
  for (std::uint64_t i = 0; i < kSample; ++i) {
    const std::uint64_t index = k48BitLimit - 1 - i;
    const std::uint64_t value = Permute48(kKey, index);
    ASSERT_LT(value, k48BitLimit) << "index " << index;
    outputs.push_back(value);
    outputs.push_back(Permute48(kKey, i));  // low and high indexes must not collide either
  }
  EXPECT_TRUE(AllDistinct(outputs));
}

TEST(Permute48Test, RunGivesPermute48OfEachIndex) {
  // Every run length, starting at zero, mid-domain, and just below 2^48 (where the run wraps into the
  // domain's start as Permute48's own masking does).
  for (const std::uint64_t first : {std::uint64_t{0}, std::uint64_t{123456789}, k48BitLimit - 5}) {
    for (int count = 0; count <= kPermute48RunMax; ++count) {
      std::uint64_t run[kPermute48RunMax];
      Permute48Run(0x5eed, first, count, run);
      for (int i = 0; i < count; ++i) {
        ASSERT_EQ(run[i], Permute48(0x5eed, first + static_cast<std::uint64_t>(i)))
            << "first " << first << ", count " << count << ", index " << i;
      }
    }
  }
}

TEST(Permute48Test, IsDeterministicAndDependsOnTheKey) {
  int same = 0;
  for (std::uint64_t i = 0; i < 1000; ++i) {
    EXPECT_EQ(Permute48(7, i), Permute48(7, i));
    if (Permute48(7, i) == Permute48(8, i)) ++same;
  }
  EXPECT_LE(same, 1);
}

TEST(Permute48Test, LooksScrambled) {
  // Consecutive indexes should not map to consecutive outputs, nor to the identity.
  int identity = 0;
  int adjacent = 0;
  for (std::uint64_t i = 0; i < 10000; ++i) {
    const std::uint64_t a = Permute48(99, i);
    const std::uint64_t b = Permute48(99, i + 1);
    if (a == i) ++identity;
    if (b == a + 1) ++adjacent;
  }
  EXPECT_LE(identity, 1);
  EXPECT_LE(adjacent, 1);
}

class IndexPermutationSizeTest : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(IndexPermutationSizeTest, IsABijectionOfItsDomain) {
  const std::uint64_t size = GetParam();
  for (std::uint64_t key : {std::uint64_t{0}, std::uint64_t{42}, std::uint64_t{0xfedcba9876543210ULL}}) {
    const IndexPermutation permutation(key, size);
    std::vector<bool> seen(size, false);
    for (std::uint64_t i = 0; i < size; ++i) {
      const std::uint64_t value = permutation(i);
      ASSERT_LT(value, size) << "key " << key << " index " << i;
      ASSERT_FALSE(seen[value]) << "key " << key << " index " << i << " repeats " << value;
      seen[value] = true;
    }
  }
}

TEST_P(IndexPermutationSizeTest, InverseUndoesIt) {
  const std::uint64_t size = GetParam();
  for (std::uint64_t key : {std::uint64_t{0}, std::uint64_t{42}, std::uint64_t{0xfedcba9876543210ULL}}) {
    const IndexPermutation permutation(key, size);
    for (std::uint64_t i = 0; i < size; ++i) {
      ASSERT_EQ(permutation.Inverse(permutation(i)), i) << "key " << key << " index " << i;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Sizes, IndexPermutationSizeTest,
                         ::testing::Values(1, 2, 3, 4, 5, 17, 1000, 1024, 65536, 65537, 100003));

TEST(IndexPermutationTest, DifferentKeysGiveDifferentPermutations) {
  constexpr std::uint64_t kSize = 1000;
  const IndexPermutation a(1, kSize);
  const IndexPermutation b(2, kSize);
  int same = 0;
  for (std::uint64_t i = 0; i < kSize; ++i) {
    if (a(i) == b(i)) ++same;
  }
  // Two independent random permutations agree on about one point; allow generous slack.
  EXPECT_LT(same, 10);
}

TEST(IndexPermutationTest, IsNotTheIdentityOrAShift) {
  constexpr std::uint64_t kSize = 100003;
  const IndexPermutation permutation(12345, kSize);
  int fixed = 0;
  int shifted = 0;
  for (std::uint64_t i = 0; i + 1 < kSize; ++i) {
    const std::uint64_t value = permutation(i);
    if (value == i) ++fixed;
    if (permutation(i + 1) == (value + 1) % kSize) ++shifted;
  }
  EXPECT_LT(fixed, 10);
  EXPECT_LT(shifted, 10);
}

TEST(IndexPermutationTest, LowRanksAreSpreadOverTheWholeDomain) {
  // The indexes that land on the first 5% of ranks (the fraud users) must be scattered, not clustered.
  constexpr std::uint64_t kSize = 100000;
  const IndexPermutation permutation(777, kSize);
  int per_decile[10] = {};
  for (std::uint64_t i = 0; i < kSize; ++i) {
    if (permutation(i) < kSize / 20) ++per_decile[i / (kSize / 10)];
  }
  for (int decile = 0; decile < 10; ++decile) {
    EXPECT_NEAR(per_decile[decile], 500, 120) << "decile " << decile;  // about 5.5 standard deviations
  }
}

TEST(IndexPermutationTest, IsAPureFunctionOfKeySizeAndIndex) {
  const IndexPermutation a(5, 65537);
  const IndexPermutation b(5, 65537);
  for (std::uint64_t i = 0; i < 65537; i += 97) EXPECT_EQ(a(i), b(i));
}

}  // namespace
}  // namespace synthgen
