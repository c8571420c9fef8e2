// Tests the shim's instant conversion (src/pg/timestamp_conversion.hpp, free of PostgreSQL headers): exact
// inside the core's range, and defined at both ends of PostgreSQL's finite timestamps.
#include "pg/timestamp_conversion.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace synthgen::pg {
namespace {

// PostgreSQL's finite timestamptz range (datatype/timestamp.h): [MIN_TIMESTAMP, END_TIMESTAMP).
constexpr std::int64_t kPostgresMinTimestamp = -211'813'488'000'000'000LL;
constexpr std::int64_t kPostgresEndTimestamp = 9'223'371'331'200'000'000LL;

TEST(TimestampConversion, RoundTripsTheCoreRange) {
  for (const Instant instant : {kMinSimulationDate, kDefaultSimulationDate, kMaxSimulationDate, Instant{0}}) {
    EXPECT_EQ(FromPostgresTimestamp(ToPostgresTimestamp(instant)), instant);
  }
  EXPECT_EQ(ToPostgresTimestamp(kDefaultSimulationDate), 820'540'800'000'000LL);  // 2026-01-01 in PostgreSQL
}

TEST(TimestampConversion, EarliestPostgresTimestampIsExact) {
  EXPECT_EQ(FromPostgresTimestamp(kPostgresMinTimestamp), kPostgresMinTimestamp + kPostgresEpochInUnixMicros);
  EXPECT_LT(FromPostgresTimestamp(kPostgresMinTimestamp), kMinSimulationDate);
}

// The last ~30 years of PostgreSQL's range (294247-294276 AD) overflowed an int64 and wrapped to instants
// before 1900; they saturate, so they stay after year 9999 and order is kept.
TEST(TimestampConversion, LatestPostgresTimestampsSaturate) {
  constexpr std::int64_t kLargest = std::numeric_limits<std::int64_t>::max();
  const std::int64_t last_exact = kLargest - kPostgresEpochInUnixMicros;
  EXPECT_EQ(FromPostgresTimestamp(last_exact), kLargest);
  EXPECT_EQ(FromPostgresTimestamp(last_exact + 1), kLargest);
  EXPECT_EQ(FromPostgresTimestamp(kPostgresEndTimestamp - 1), kLargest);
  EXPECT_GT(FromPostgresTimestamp(kPostgresEndTimestamp - 1), kMaxSimulationDate);
  EXPECT_LE(FromPostgresTimestamp(last_exact - 1), FromPostgresTimestamp(kPostgresEndTimestamp - 1));
}

}  // namespace
}  // namespace synthgen::pg
