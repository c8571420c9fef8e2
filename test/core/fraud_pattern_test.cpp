// Tests fraud pattern names and PatternSelection (order, duplicates, kNone).
#include "core/fraud_pattern.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace synthgen {
namespace {

constexpr FraudPattern kAllPatterns[] = {FraudPattern::kLiquidityCrunch, FraudPattern::kLinkBurst,
                                         FraudPattern::kAto, FraudPattern::kBustOut,
                                         FraudPattern::kSleeperAto};

TEST(FraudPatternTest, NamesAreTheSqlNames) {
  EXPECT_EQ(FraudPatternName(FraudPattern::kLiquidityCrunch), "liquidity_crunch");
  EXPECT_EQ(FraudPatternName(FraudPattern::kLinkBurst), "link_burst");
  EXPECT_EQ(FraudPatternName(FraudPattern::kAto), "ato");
  EXPECT_EQ(FraudPatternName(FraudPattern::kBustOut), "bust_out");
  EXPECT_EQ(FraudPatternName(FraudPattern::kSleeperAto), "sleeper_ato");
  EXPECT_EQ(FraudPatternName(FraudPattern::kNone), "");
}

TEST(FraudPatternTest, NamesRoundTrip) {
  for (FraudPattern pattern : kAllPatterns) {
    const std::string_view name = FraudPatternName(pattern);
    EXPECT_FALSE(name.empty());
    EXPECT_EQ(FindFraudPattern(name), pattern) << name;
  }
}

TEST(FraudPatternTest, UnknownNamesGiveNone) {
  for (std::string_view name : {"", "ATO", "Ato", "ato ", " ato", "bust-out", "bustout", "sleeper", "none",
                                "liquidity_crunch_", "link_burst\n"}) {
    EXPECT_EQ(FindFraudPattern(name), FraudPattern::kNone) << '"' << name << '"';
  }
  // A name with an embedded NUL must not match its prefix.
  EXPECT_EQ(FindFraudPattern(std::string_view("ato\0x", 5)), FraudPattern::kNone);
}

TEST(FraudPatternTest, OutOfRangeValuesHaveNoName) {
  EXPECT_EQ(FraudPatternName(static_cast<FraudPattern>(5)), "");
  EXPECT_EQ(FraudPatternName(static_cast<FraudPattern>(200)), "");
}

TEST(PatternSelectionTest, AllSelectsTheFivePatternsInOrder) {
  const PatternSelection all = PatternSelection::All();
  ASSERT_EQ(all.size(), kFraudPatternCount);
  for (std::size_t i = 0; i < kFraudPatternCount; ++i) {
    EXPECT_EQ(all[i], kAllPatterns[i]);
    EXPECT_TRUE(all.Contains(kAllPatterns[i]));
  }
  EXPECT_FALSE(all.Contains(FraudPattern::kNone));
}

TEST(PatternSelectionTest, AddKeepsSelectionOrder) {
  PatternSelection selection;
  EXPECT_EQ(selection.size(), 0u);
  EXPECT_FALSE(selection.Contains(FraudPattern::kAto));
  selection.Add(FraudPattern::kSleeperAto);
  selection.Add(FraudPattern::kAto);
  selection.Add(FraudPattern::kLiquidityCrunch);
  ASSERT_EQ(selection.size(), 3u);
  EXPECT_EQ(selection[0], FraudPattern::kSleeperAto);
  EXPECT_EQ(selection[1], FraudPattern::kAto);
  EXPECT_EQ(selection[2], FraudPattern::kLiquidityCrunch);
  EXPECT_TRUE(selection.Contains(FraudPattern::kAto));
  EXPECT_FALSE(selection.Contains(FraudPattern::kBustOut));
}

TEST(PatternSelectionTest, AddThrowsInvalidArgumentOnDuplicate) {
  PatternSelection selection;
  selection.Add(FraudPattern::kBustOut);
  try {
    selection.Add(FraudPattern::kBustOut);
    FAIL() << "a duplicate pattern was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(error.what()).find("bust_out"), std::string::npos) << error.what();
  }
  EXPECT_EQ(selection.size(), 1u);
}

TEST(PatternSelectionTest, AddThrowsInvalidArgumentOnNone) {
  PatternSelection selection;
  try {
    selection.Add(FraudPattern::kNone);
    FAIL() << "kNone was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  }
  EXPECT_EQ(selection.size(), 0u);
}

TEST(PatternSelectionTest, TryAddReturnsFalseOnDuplicateAndNone) {
  PatternSelection selection;
  EXPECT_TRUE(selection.TryAdd(FraudPattern::kLinkBurst));
  EXPECT_FALSE(selection.TryAdd(FraudPattern::kLinkBurst));
  EXPECT_FALSE(selection.TryAdd(FraudPattern::kNone));
  EXPECT_EQ(selection.size(), 1u);
  EXPECT_EQ(selection[0], FraudPattern::kLinkBurst);
}

TEST(PatternSelectionTest, AllFivePatternsFitAndNoSixth) {
  PatternSelection selection;
  for (FraudPattern pattern : kAllPatterns) EXPECT_TRUE(selection.TryAdd(pattern));
  EXPECT_EQ(selection.size(), kFraudPatternCount);
  for (FraudPattern pattern : kAllPatterns) EXPECT_FALSE(selection.TryAdd(pattern));
  EXPECT_THROW(selection.Add(FraudPattern::kAto), Error);
  EXPECT_EQ(selection.size(), kFraudPatternCount);
}

}  // namespace
}  // namespace synthgen
