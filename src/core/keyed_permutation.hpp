// Keyed bijections: a 48-bit one that makes unique, random-looking identifiers from indexes, and one over [0,
// n) that scatters which users of a world are fraudulent without storing anything.
#pragma once

#include <cstdint>

namespace synthgen {

// A bijection on [0, 2^48): distinct indexes give distinct outputs for the same key.
std::uint64_t Permute48(std::uint64_t key, std::uint64_t index) noexcept;
// out[i] = Permute48(key, first + i) for i in [0, count), count <= kPermute48RunMax: the same values,
// computed round by round across the run so that the processor works on several indexes at once.
constexpr int kPermute48RunMax = 64;
void Permute48Run(std::uint64_t key, std::uint64_t first, int count, std::uint64_t* out) noexcept;

// A bijection on [0, size): a Feistel network on the smallest even power-of-two domain that holds size, with
// cycle walking. Evaluating one index, or inverting one value, costs a few rounds; nothing depends on other
// indexes.
class IndexPermutation {
 public:
  IndexPermutation(std::uint64_t key, std::uint64_t size) noexcept;
  std::uint64_t operator()(std::uint64_t index) const noexcept;
  // The index that maps to value (value < size): Inverse((*this)(i)) == i.
  std::uint64_t Inverse(std::uint64_t value) const noexcept;

 private:
  std::uint64_t Encrypt(std::uint64_t value) const noexcept;
  std::uint64_t Decrypt(std::uint64_t value) const noexcept;

  std::uint64_t key_;
  std::uint64_t size_;
  unsigned half_bits_;
  std::uint64_t half_mask_;
};

}  // namespace synthgen
