// Tests UserWorldOptions: validation errors (code, parameter name), fraud user count and date bounds.
#include "core/user_world_options.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "core/error.hpp"
#include "core/user_world_generator.hpp"
#include "expect_error.hpp"

namespace synthgen {
namespace {

UserWorldOptions ValidOptions() {
  UserWorldOptions options;
  options.count = 100;
  options.seed = 1;
  return options;
}

// Validate() and the generator's constructor both reject options with this code and a message naming
// parameter.
void ExpectRejected(const UserWorldOptions& options, ErrorCode code, const std::string& parameter) {
  ExpectError([&] { options.Validate(); }, code, parameter, "Validate()");
  ExpectError([&] { UserWorldGenerator generator(options); }, code, parameter, "the generator");
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t DaysFromCivil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

TEST(UserWorldOptionsTest, DefaultsAreValid) {
  EXPECT_NO_THROW(ValidOptions().Validate());
  UserWorldOptions options;
  EXPECT_EQ(options.count, 0);
  EXPECT_EQ(options.fraud_rate, 0.05);
  EXPECT_EQ(options.simulation_date, kDefaultSimulationDate);
  EXPECT_FALSE(options.legacy);
  EXPECT_EQ(options.patterns.size(), kFraudPatternCount);
  EXPECT_EQ(options.first_user, 0);
  EXPECT_NO_THROW(options.Validate());
}

TEST(UserWorldOptionsTest, SimulationDateConstantsAreTheDocumentedInstants) {
  EXPECT_EQ(kDefaultSimulationDate, DaysFromCivil(2026, 1, 1) * kMicrosPerDay);
  EXPECT_EQ(kMinSimulationDate, DaysFromCivil(1900, 1, 1) * kMicrosPerDay);
  EXPECT_EQ(kMaxSimulationDate, DaysFromCivil(9999, 12, 31) * kMicrosPerDay + 86399 * kMicrosPerSecond);
}

TEST(UserWorldOptionsTest, NegativeCountIsOutOfRange) {
  UserWorldOptions options = ValidOptions();
  options.count = -1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "n");
}

TEST(UserWorldOptionsTest, CountAboveMaxWorldSizeIsOutOfRange) {
  UserWorldOptions options = ValidOptions();
  options.count = kMaxWorldSize + 1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "n");
  options.count = std::numeric_limits<std::int64_t>::max();
  ExpectRejected(options, ErrorCode::kOutOfRange, "n");
}

TEST(UserWorldOptionsTest, NanFraudRateIsInvalid) {
  UserWorldOptions options = ValidOptions();
  options.fraud_rate = std::numeric_limits<double>::quiet_NaN();
  ExpectRejected(options, ErrorCode::kInvalidArgument, "fraud_rate");
}

TEST(UserWorldOptionsTest, FraudRateOutsideZeroToOneIsOutOfRange) {
  for (double rate : {-0.1, 1.5, -std::numeric_limits<double>::min(), std::nextafter(1.0, 2.0),
                      std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()}) {
    SCOPED_TRACE("fraud_rate " + std::to_string(rate));
    UserWorldOptions options = ValidOptions();
    options.fraud_rate = rate;
    ExpectRejected(options, ErrorCode::kOutOfRange, "fraud_rate");
  }
}

TEST(UserWorldOptionsTest, FraudRateBoundsAreValid) {
  UserWorldOptions options = ValidOptions();
  options.fraud_rate = 0.0;
  EXPECT_NO_THROW(options.Validate());
  options.fraud_rate = 1.0;
  EXPECT_NO_THROW(options.Validate());
}

TEST(UserWorldOptionsTest, SimulationDateOutsideYears1900To9999IsOutOfRange) {
  UserWorldOptions options = ValidOptions();
  options.simulation_date = kMinSimulationDate - 1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "simulation_date");
  options.simulation_date = DaysFromCivil(1899, 12, 31) * kMicrosPerDay;
  ExpectRejected(options, ErrorCode::kOutOfRange, "simulation_date");
  options.simulation_date = kMaxSimulationDate + 1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "simulation_date");
  options.simulation_date = DaysFromCivil(10000, 1, 1) * kMicrosPerDay;
  ExpectRejected(options, ErrorCode::kOutOfRange, "simulation_date");
  options.simulation_date = std::numeric_limits<Instant>::min();
  ExpectRejected(options, ErrorCode::kOutOfRange, "simulation_date");
}

TEST(UserWorldOptionsTest, SimulationDateBoundsAreValid) {
  UserWorldOptions options = ValidOptions();
  options.simulation_date = kMinSimulationDate;
  EXPECT_NO_THROW(options.Validate());
  options.simulation_date = kMaxSimulationDate;
  EXPECT_NO_THROW(options.Validate());
}

TEST(UserWorldOptionsTest, NegativeFirstUserIsOutOfRange) {
  UserWorldOptions options = ValidOptions();
  options.first_user = -1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "first_user");
}

TEST(UserWorldOptionsTest, NegativeWorldSizeIsOutOfRange) {
  UserWorldOptions options = ValidOptions();
  options.count = 0;
  options.world_size = -1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "world_size");
}

TEST(UserWorldOptionsTest, WorldSizeAboveMaximumIsOutOfRange) {
  UserWorldOptions options = ValidOptions();
  options.world_size = kMaxWorldSize + 1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "world_size");
  options.world_size = kMaxWorldSize;
  EXPECT_NO_THROW(options.Validate());
}

TEST(UserWorldOptionsTest, ChunkBeyondTheWorldIsOutOfRange) {
  UserWorldOptions options = ValidOptions();
  options.first_user = 950;
  options.count = 100;
  options.world_size = 1000;
  ExpectRejected(options, ErrorCode::kOutOfRange, "world_size");
  options.count = 50;
  EXPECT_NO_THROW(options.Validate());
  options.first_user = 1000;
  options.count = 1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "world_size");
  options.count = 0;
  EXPECT_NO_THROW(options.Validate());
}

TEST(UserWorldOptionsTest, FirstUserPlusCountOverflowingIsOutOfRange) {
  // first_user + count must not wrap around: such a chunk can only lie beyond the largest world.
  UserWorldOptions options = ValidOptions();
  options.count = kMaxWorldSize;
  options.first_user = std::numeric_limits<std::int64_t>::max() - 10;
  options.world_size = kMaxWorldSize;
  ExpectRejected(options, ErrorCode::kOutOfRange, "world_size");
}

TEST(UserWorldOptionsTest, EmptyPatternSelectionWithFraudUsersIsInvalid) {
  UserWorldOptions options = ValidOptions();
  options.patterns = PatternSelection();
  options.fraud_rate = 0.05;  // 5 fraud users in 100
  ExpectRejected(options, ErrorCode::kInvalidArgument, "patterns");
  options.fraud_rate = 0.01;  // exactly 1
  ExpectRejected(options, ErrorCode::kInvalidArgument, "patterns");
}

TEST(UserWorldOptionsTest, EmptyPatternSelectionWithoutFraudIsValid) {
  UserWorldOptions options = ValidOptions();
  options.patterns = PatternSelection();
  options.fraud_rate = 0.0;
  EXPECT_NO_THROW(options.Validate());
  UserWorldGenerator generator(options);
  std::size_t records = 0;
  for (std::size_t n; (n = generator.NextBatch()) > 0;) {
    for (std::size_t i = 0; i < n; ++i) EXPECT_FALSE(generator.records()[i].is_fraud_event);
    records += n;
  }
  EXPECT_GE(records, 100u);
}

TEST(UserWorldOptionsTest, EffectiveWorldSizeDefaultsToTheEndOfTheChunk) {
  UserWorldOptions options = ValidOptions();
  options.first_user = 40;
  options.count = 60;
  EXPECT_EQ(options.EffectiveWorldSize(), 100);
  options.world_size = 500;
  EXPECT_EQ(options.EffectiveWorldSize(), 500);
}

std::int64_t FraudUsers(std::int64_t world_size, double rate) {
  UserWorldOptions options;
  options.count = world_size;
  options.fraud_rate = rate;
  return options.FraudUserCount();
}

TEST(UserWorldOptionsTest, FraudUserCountIsTheExactFloor) {
  EXPECT_EQ(FraudUsers(1000, 0.05), 50);
  EXPECT_EQ(FraudUsers(999, 0.05), 49);
  EXPECT_EQ(FraudUsers(100, 0.07), 7);
  EXPECT_EQ(FraudUsers(10, 0.3), 3);
  EXPECT_EQ(FraudUsers(10000, 0.0333), 333);
  EXPECT_EQ(FraudUsers(1000, 0.001), 1);
  EXPECT_EQ(FraudUsers(999, 0.001), 0);
  EXPECT_EQ(FraudUsers(100, 0.29), 29);
  EXPECT_EQ(FraudUsers(100, 0.57), 57);
  EXPECT_EQ(FraudUsers(kMaxWorldSize, 0.05), 50'000'000'000LL);
  EXPECT_EQ(FraudUsers(0, 0.5), 0);
}

TEST(UserWorldOptionsTest, FraudUserCountAtRateOneAndZero) {
  for (std::int64_t world :
       {std::int64_t{1}, std::int64_t{7}, std::int64_t{1000}, std::int64_t{123457}, kMaxWorldSize}) {
    EXPECT_EQ(FraudUsers(world, 1.0), world) << "world " << world;
    EXPECT_EQ(FraudUsers(world, 0.0), 0) << "world " << world;
  }
}

TEST(UserWorldOptionsTest, FraudUserCountUsesTheWorldNotTheChunk) {
  UserWorldOptions options;
  options.first_user = 100;
  options.count = 10;
  options.world_size = 1000;
  options.fraud_rate = 0.05;
  EXPECT_EQ(options.FraudUserCount(), 50);
}

}  // namespace
}  // namespace synthgen
