// Tests RandomStream and Mix64: pinned golden outputs and independence of seeds, streams and entities.
#include "core/random_stream.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <vector>

namespace synthgen {
namespace {

std::vector<std::uint64_t> Take(RandomStream rng, int count) {
  std::vector<std::uint64_t> out;
  for (int i = 0; i < count; ++i) out.push_back(rng());
  return out;
}

// These values define synthgen's output format: they must only change with a deliberate, documented change.
TEST(RandomStreamTest, GoldenOutputsForSeed42HistoryEntity7) {
  RandomStream rng(42, StreamId::kHistory, 7);
  EXPECT_EQ(rng(), 0x4cd234cb1b1bf776ULL);
  EXPECT_EQ(rng(), 0x8fdcb6b66c294ddaULL);
  EXPECT_EQ(rng(), 0xb5f99a0cba4148deULL);
}

TEST(RandomStreamTest, GoldenMix64) {
  EXPECT_EQ(Mix64(0), 0x0000000000000000ULL);
  EXPECT_EQ(Mix64(1), 0x5692161d100b05e5ULL);
}

TEST(RandomStreamTest, StreamIdNumbersArePartOfTheFormat) {
  EXPECT_EQ(static_cast<std::uint64_t>(StreamId::kFraudAssignment), 1u);
  EXPECT_EQ(static_cast<std::uint64_t>(StreamId::kIdentity), 2u);
  EXPECT_EQ(static_cast<std::uint64_t>(StreamId::kHistory), 3u);
  EXPECT_EQ(static_cast<std::uint64_t>(StreamId::kUserIdKey), 4u);
  EXPECT_EQ(static_cast<std::uint64_t>(StreamId::kRecordIdKey), 5u);
  EXPECT_EQ(static_cast<std::uint64_t>(StreamId::kLabelDelay), 6u);
}

TEST(RandomStreamTest, SameArgumentsGiveTheSameSequence) {
  EXPECT_EQ(Take(RandomStream(123, StreamId::kIdentity, 99), 16),
            Take(RandomStream(123, StreamId::kIdentity, 99), 16));
}

TEST(RandomStreamTest, DifferentSeedsStreamsAndEntitiesGiveDifferentSequences) {
  const std::vector<std::uint64_t> base = Take(RandomStream(42, StreamId::kHistory, 7), 8);
  EXPECT_NE(base, Take(RandomStream(43, StreamId::kHistory, 7), 8));
  EXPECT_NE(base, Take(RandomStream(42, StreamId::kIdentity, 7), 8));
  EXPECT_NE(base, Take(RandomStream(42, StreamId::kHistory, 8), 8));
  EXPECT_NE(base, Take(RandomStream(0, StreamId::kHistory, 7), 8));
}

TEST(RandomStreamTest, FirstOutputsAreDistinctAcrossManyStreams) {
  // One first output per (seed, stream, entity) over a grid: a collision would mean correlated streams.
  const StreamId streams[] = {StreamId::kFraudAssignment, StreamId::kIdentity,    StreamId::kHistory,
                              StreamId::kUserIdKey,       StreamId::kRecordIdKey, StreamId::kLabelDelay};
  std::set<std::uint64_t> firsts;
  int total = 0;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    for (StreamId stream : streams) {
      for (std::uint64_t entity = 0; entity < 200; ++entity) {
        firsts.insert(RandomStream(seed, stream, entity)());
        ++total;
      }
    }
  }
  EXPECT_EQ(firsts.size(), static_cast<std::size_t>(total));
}

TEST(RandomStreamTest, OutputsLookUniform) {
  // Each bit of the output is set about half the time (a gross bias check over 100,000 outputs).
  RandomStream rng(5, StreamId::kHistory, 0);
  constexpr int kDraws = 100000;
  int ones[64] = {};
  for (int i = 0; i < kDraws; ++i) {
    const std::uint64_t value = rng();
    for (int bit = 0; bit < 64; ++bit) ones[bit] += static_cast<int>((value >> bit) & 1u);
  }
  for (int bit = 0; bit < 64; ++bit) {
    EXPECT_NEAR(ones[bit], kDraws / 2, 1000) << "bit " << bit;  // about 6 standard deviations
  }
}

TEST(RandomStreamTest, StreamKeyIsTheFirstOutputOfEntityZero) {
  EXPECT_EQ(StreamKey(42, StreamId::kUserIdKey), RandomStream(42, StreamId::kUserIdKey, 0)());
  EXPECT_NE(StreamKey(42, StreamId::kUserIdKey), StreamKey(42, StreamId::kRecordIdKey));
  EXPECT_NE(StreamKey(42, StreamId::kUserIdKey), StreamKey(41, StreamId::kUserIdKey));
}

}  // namespace
}  // namespace synthgen
