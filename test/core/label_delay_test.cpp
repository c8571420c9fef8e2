// Tests the label delay: its bounds, its log-normal mean and median, whole seconds and determinism.
#include "core/label_delay.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace synthgen {
namespace {

constexpr std::int64_t kUsers = 200000;

std::vector<Instant> Delays(std::uint64_t seed) {
  std::vector<Instant> delays;
  delays.reserve(kUsers);
  for (std::int64_t user = 0; user < kUsers; ++user) delays.push_back(LabelDelay(seed, user));
  return delays;
}

TEST(LabelDelayTest, EveryDelayLiesBetweenOneHourAndSixtyDays) {
  const std::vector<Instant> delays = Delays(2024);
  for (std::size_t i = 0; i < delays.size(); ++i) {
    ASSERT_GE(delays[i], kMicrosPerHour) << "user " << i;
    ASSERT_LE(delays[i], 60 * kMicrosPerDay) << "user " << i;
  }
}

TEST(LabelDelayTest, LongTailIsClampedAtSixtyDays) {
  // P(LogNormal(ln 5 - 0.32, 0.8) > 60 days) is about 2.3e-4: some 46 of 200,000 delays sit exactly on the
  // clamp, and about 0.4% exceed 30 days.
  const std::vector<Instant> delays = Delays(2024);
  const auto at_clamp = std::count(delays.begin(), delays.end(), 60 * kMicrosPerDay);
  const auto above_30_days =
      std::count_if(delays.begin(), delays.end(), [](Instant delay) { return delay > 30 * kMicrosPerDay; });
  EXPECT_GE(at_clamp, 15);
  EXPECT_LE(at_clamp, 100);
  EXPECT_GE(above_30_days, 500);
  EXPECT_LE(above_30_days, 1200);
}

TEST(LabelDelayTest, DelaysAreWholeSeconds) {
  for (std::int64_t user = 0; user < 10000; ++user) {
    EXPECT_EQ(LabelDelay(3, user) % kMicrosPerSecond, 0) << "user " << user;
  }
}

TEST(LabelDelayTest, MeanIsFiveDays) {
  const std::vector<Instant> delays = Delays(2024);
  long double sum = 0;
  for (Instant delay : delays) sum += static_cast<long double>(delay) / kMicrosPerDay;
  const double mean = static_cast<double>(sum / static_cast<long double>(delays.size()));
  EXPECT_NEAR(mean, 5.0, 0.1);
}

TEST(LabelDelayTest, MedianIsAbout3Point63Days) {
  // The median of LogNormal(ln 5 - 0.32, 0.8) is e^(ln 5 - 0.32) = 3.631 days.
  std::vector<Instant> delays = Delays(2024);
  std::nth_element(delays.begin(), delays.begin() + kUsers / 2, delays.end());
  const double median = static_cast<double>(delays[kUsers / 2]) / kMicrosPerDay;
  EXPECT_NEAR(median, std::exp(std::log(5.0) - 0.32), 0.1);
  EXPECT_NEAR(median, 3.631, 0.1);
}

TEST(LabelDelayTest, SpreadMatchesSigma) {
  // ln(delay) has standard deviation 0.8 (clamping barely touches it).
  const std::vector<Instant> delays = Delays(77);
  long double sum = 0;
  long double sum_squares = 0;
  for (Instant delay : delays) {
    const long double log_days = std::log(static_cast<long double>(delay) / kMicrosPerDay);
    sum += log_days;
    sum_squares += log_days * log_days;
  }
  const long double n = static_cast<long double>(delays.size());
  const long double mean = sum / n;
  const double stddev = static_cast<double>(std::sqrt((sum_squares - n * mean * mean) / (n - 1)));
  EXPECT_NEAR(static_cast<double>(mean), std::log(5.0) - 0.32, 0.01);
  EXPECT_NEAR(stddev, kLabelDelaySigma, 0.01);
}

TEST(LabelDelayTest, IsDeterministicPerSeedAndUser) {
  for (std::int64_t user = 0; user < 1000; ++user) {
    EXPECT_EQ(LabelDelay(42, user), LabelDelay(42, user)) << "user " << user;
  }
  // Different seeds and different users give different delays (almost always).
  int same_across_seeds = 0;
  int same_as_next_user = 0;
  for (std::int64_t user = 0; user < 1000; ++user) {
    if (LabelDelay(42, user) == LabelDelay(43, user)) ++same_across_seeds;
    if (LabelDelay(42, user) == LabelDelay(42, user + 1)) ++same_as_next_user;
  }
  EXPECT_LT(same_across_seeds, 5);
  EXPECT_LT(same_as_next_user, 5);
}

}  // namespace
}  // namespace synthgen
