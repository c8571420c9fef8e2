// Names and selection of fraud patterns (see fraud_pattern.hpp).
#include "core/fraud_pattern.hpp"

#include <string>

#include "core/error.hpp"

namespace synthgen {
namespace {

constexpr std::string_view kNames[kFraudPatternCount] = {"liquidity_crunch", "link_burst", "ato", "bust_out",
                                                         "sleeper_ato"};

constexpr bool NamesFit() {
  for (const std::string_view name : kNames) {
    if (name.size() > kMaxFraudPatternNameLength) return false;
  }
  return true;
}
static_assert(NamesFit(), "kMaxFraudPatternNameLength is a bound on every pattern name");

}  // namespace

std::string_view FraudPatternName(FraudPattern pattern) noexcept {
  const auto index = static_cast<std::size_t>(pattern);
  return index < kFraudPatternCount ? kNames[index] : std::string_view();
}

FraudPattern FindFraudPattern(std::string_view name) noexcept {
  for (std::size_t i = 0; i < kFraudPatternCount; ++i) {
    if (kNames[i] == name) return static_cast<FraudPattern>(i);
  }
  return FraudPattern::kNone;
}

PatternSelection PatternSelection::All() noexcept {
  PatternSelection all;
  for (std::size_t i = 0; i < kFraudPatternCount; ++i) all.patterns_[i] = static_cast<FraudPattern>(i);
  all.size_ = kFraudPatternCount;
  return all;
}

bool PatternSelection::Contains(FraudPattern pattern) const noexcept {
  for (std::size_t i = 0; i < size_; ++i) {
    if (patterns_[i] == pattern) return true;
  }
  return false;
}

bool PatternSelection::TryAdd(FraudPattern pattern) noexcept {
  if (pattern == FraudPattern::kNone || Contains(pattern)) return false;
  patterns_[size_++] = pattern;
  return true;
}

void PatternSelection::Add(FraudPattern pattern) {
  if (pattern == FraudPattern::kNone) throw Error(ErrorCode::kInvalidArgument, "unknown fraud pattern");
  if (!TryAdd(pattern)) {
    throw Error(ErrorCode::kInvalidArgument,
                "fraud pattern \"" + std::string(FraudPatternName(pattern)) + "\" is selected twice");
  }
}

}  // namespace synthgen
