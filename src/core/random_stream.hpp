// Counter-based randomness: every stream is a pure function of (seed, stream id, entity index), so output
// never depends on call order, batch size or how a world is split into chunks.
#pragma once

#include <cstdint>
#include <limits>

namespace synthgen {

// SplitMix64's finaliser: a strong 64-bit bijective mixer.
constexpr std::uint64_t Mix64(std::uint64_t x) noexcept {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Independent purposes draw from independent streams; the numbers are part of the output's definition.
enum class StreamId : std::uint64_t {
  kFraudAssignment = 1,
  kIdentity = 2,
  kHistory = 3,
  kUserIdKey = 4,
  kRecordIdKey = 5,
  kLabelDelay = 6,
  kMerchant = 7,
  kBank = 8,
  kAccount = 9,
  kCard = 10,
  kCardNumberKey = 11,
  kCardTransactions = 12,
  kCardFraud = 13,
};

// A SplitMix64 generator satisfying UniformRandomBitGenerator, so Boost.Random's distributions can draw from
// it.
class RandomStream {
 public:
  using result_type = std::uint64_t;

  RandomStream(std::uint64_t seed, StreamId stream, std::uint64_t entity) noexcept
      : state_(Mix64(Mix64(seed ^ Mix64(static_cast<std::uint64_t>(stream) * 0x9e3779b97f4a7c15ULL)) +
                     entity)) {}

  static constexpr result_type min() noexcept { return 0; }
  static constexpr result_type max() noexcept { return std::numeric_limits<result_type>::max(); }

  result_type operator()() noexcept {
    state_ += 0x9e3779b97f4a7c15ULL;
    return Mix64(state_);
  }

 private:
  std::uint64_t state_;
};

// A key for a keyed function derived from (seed, stream) alone.
inline std::uint64_t StreamKey(std::uint64_t seed, StreamId stream) noexcept {
  return RandomStream(seed, stream, 0)();
}

}  // namespace synthgen
