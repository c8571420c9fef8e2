// Feistel-network bijections keyed by a 64-bit key (see keyed_permutation.hpp).
#include "core/keyed_permutation.hpp"

#include "core/random_stream.hpp"

namespace synthgen {
namespace {

constexpr int kRounds = 4;
constexpr unsigned k48HalfBits = 24;
constexpr std::uint64_t k48HalfMask = (std::uint64_t{1} << k48HalfBits) - 1;
constexpr std::uint64_t k48Mask = (std::uint64_t{1} << 48) - 1;

std::uint64_t RoundFunction(std::uint64_t key, int round, std::uint64_t half) noexcept {
  return Mix64(key ^ Mix64(half + static_cast<std::uint64_t>(round) * 0x632be59bd9b4e019ULL));
}

// One round: (left, right) becomes (right, left ^ F(right)).
void FeistelRound(std::uint64_t key, int round, std::uint64_t half_mask, std::uint64_t& left,
                  std::uint64_t& right) noexcept {
  const std::uint64_t next = left ^ (RoundFunction(key, round, right) & half_mask);
  left = right;
  right = next;
}

std::uint64_t Feistel(std::uint64_t key, unsigned half_bits, std::uint64_t half_mask,
                      std::uint64_t value) noexcept {
  std::uint64_t left = value >> half_bits;
  std::uint64_t right = value & half_mask;
  for (int round = 0; round < kRounds; ++round) FeistelRound(key, round, half_mask, left, right);
  return (left << half_bits) | right;
}

// Undoes Feistel: the rounds in reverse order, each recovering the previous halves.
std::uint64_t InverseFeistel(std::uint64_t key, unsigned half_bits, std::uint64_t half_mask,
                             std::uint64_t value) noexcept {
  std::uint64_t left = value >> half_bits;
  std::uint64_t right = value & half_mask;
  for (int round = kRounds - 1; round >= 0; --round) {
    const std::uint64_t previous = right ^ (RoundFunction(key, round, left) & half_mask);
    right = left;
    left = previous;
  }
  return (left << half_bits) | right;
}

}  // namespace

std::uint64_t Permute48(std::uint64_t key, std::uint64_t index) noexcept {
  return Feistel(key, k48HalfBits, k48HalfMask, index & k48Mask);
}

void Permute48Run(std::uint64_t key, std::uint64_t first, int count, std::uint64_t* out) noexcept {
  std::uint64_t left[kPermute48RunMax];
  std::uint64_t right[kPermute48RunMax];
  for (int i = 0; i < count; ++i) {
    const std::uint64_t value = (first + static_cast<std::uint64_t>(i)) & k48Mask;
    left[i] = value >> k48HalfBits;
    right[i] = value & k48HalfMask;
  }
  for (int round = 0; round < kRounds; ++round) {
    for (int i = 0; i < count; ++i) FeistelRound(key, round, k48HalfMask, left[i], right[i]);
  }
  for (int i = 0; i < count; ++i) out[i] = (left[i] << k48HalfBits) | right[i];
}

IndexPermutation::IndexPermutation(std::uint64_t key, std::uint64_t size) noexcept : key_(key), size_(size) {
  unsigned bits = 2;
  while (bits < 62 && (std::uint64_t{1} << bits) < size) bits += 2;
  half_bits_ = bits / 2;
  half_mask_ = (std::uint64_t{1} << half_bits_) - 1;
}

std::uint64_t IndexPermutation::Encrypt(std::uint64_t value) const noexcept {
  return Feistel(key_, half_bits_, half_mask_, value);
}

std::uint64_t IndexPermutation::Decrypt(std::uint64_t value) const noexcept {
  return InverseFeistel(key_, half_bits_, half_mask_, value);
}

std::uint64_t IndexPermutation::operator()(std::uint64_t index) const noexcept {
  // Cycle walking: the domain is at most 4x the size, so few steps are expected; it always ends because the
  // Feistel network is a permutation of the domain and index lies in [0, size).
  std::uint64_t value = Encrypt(index);
  while (value >= size_) value = Encrypt(value);
  return value;
}

std::uint64_t IndexPermutation::Inverse(std::uint64_t value) const noexcept {
  // Cycle walking backwards: the walk forward from index passed only through values outside [0, size), so
  // decrypting from value retraces it and stops at the first value inside, which is index.
  std::uint64_t index = Decrypt(value);
  while (index >= size_) index = Decrypt(index);
  return index;
}

}  // namespace synthgen
