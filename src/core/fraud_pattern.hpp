// The five fraud patterns of the user world and the set a caller selects from them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace synthgen {

enum class FraudPattern : std::uint8_t {
  kLiquidityCrunch = 0,
  kLinkBurst = 1,
  kAto = 2,
  kBustOut = 3,
  kSleeperAto = 4,
  kNone = 255,
};

constexpr std::size_t kFraudPatternCount = 5;

// The SQL-facing name ("liquidity_crunch", ...); "" for kNone.
std::string_view FraudPatternName(FraudPattern pattern) noexcept;

// No pattern's name is longer than this (in bytes).
constexpr std::size_t kMaxFraudPatternNameLength = 16;

// The pattern with this name, or kNone if there is none.
FraudPattern FindFraudPattern(std::string_view name) noexcept;

// An ordered selection of distinct patterns (selection order decides how fraud users are dealt out).
class PatternSelection {
 public:
  static PatternSelection All() noexcept;

  // Appends a pattern; throws synthgen::Error if it is kNone or already selected.
  void Add(FraudPattern pattern);
  // The same without throwing: false (and nothing added) if it is kNone or already selected.
  bool TryAdd(FraudPattern pattern) noexcept;
  bool Contains(FraudPattern pattern) const noexcept;

  std::size_t size() const noexcept { return size_; }
  FraudPattern operator[](std::size_t i) const noexcept { return patterns_[i]; }

 private:
  FraudPattern patterns_[kFraudPatternCount] = {};
  std::size_t size_ = 0;
};

}  // namespace synthgen
