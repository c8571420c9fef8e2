// Converting the core's instants (microseconds since 1970-01-01 UTC) to and from PostgreSQL's timestamptz
// (microseconds since 2000-01-01 UTC). No PostgreSQL header here; synth_generate_users.cpp checks the
// constant against PostgreSQL's own epoch definitions.
#pragma once

#include <cstdint>

#include "core/calendar.hpp"

namespace synthgen::pg {

constexpr std::int64_t kPostgresEpochInUnixMicros = 10'957LL * kMicrosPerDay;  // 2000-01-01 - 1970-01-01

constexpr std::int64_t ToPostgresTimestamp(Instant instant) { return instant - kPostgresEpochInUnixMicros; }
constexpr Instant FromPostgresTimestamp(std::int64_t timestamp) {
  return timestamp + kPostgresEpochInUnixMicros;
}

}  // namespace synthgen::pg
