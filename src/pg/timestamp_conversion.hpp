// Converting the core's instants (microseconds since 1970-01-01 UTC) to and from PostgreSQL's timestamptz
// (microseconds since 2000-01-01 UTC). No PostgreSQL header here; synth_generate_users.cpp checks the
// constant against PostgreSQL's own epoch definitions.
#pragma once

#include <cstdint>
#include <limits>

#include "core/calendar.hpp"

namespace synthgen::pg {

constexpr std::int64_t kPostgresEpochInUnixMicros = 10'957LL * kMicrosPerDay;  // 2000-01-01 - 1970-01-01

constexpr std::int64_t ToPostgresTimestamp(Instant instant) { return instant - kPostgresEpochInUnixMicros; }
// PostgreSQL's last finite timestamps (from year 294247 on) lie past the largest Instant: they saturate to
// it, which every bound of the core refuses like any instant after year 9999.
constexpr Instant FromPostgresTimestamp(std::int64_t timestamp) {
  constexpr std::int64_t kLargest = std::numeric_limits<Instant>::max();
  return timestamp > kLargest - kPostgresEpochInUnixMicros ? kLargest
                                                           : timestamp + kPostgresEpochInUnixMicros;
}

}  // namespace synthgen::pg
