// Simulated time: instants are whole microseconds since the Unix epoch, UTC. Clock times (for the off-hours
// rule) are read in UTC, so output never depends on the server's time zone.
#pragma once

#include <cstdint>

namespace synthgen {

using Instant = std::int64_t;  // microseconds since 1970-01-01 00:00:00 UTC

constexpr Instant kMicrosPerSecond = 1'000'000;
constexpr Instant kMicrosPerMinute = 60 * kMicrosPerSecond;
constexpr Instant kMicrosPerHour = 60 * kMicrosPerMinute;
constexpr Instant kMicrosPerDay = 24 * kMicrosPerHour;

// The default simulation date: 2026-01-01 00:00:00 UTC. A fixed, documented instant, never the wall clock.
constexpr Instant kDefaultSimulationDate = 1'767'225'600LL * kMicrosPerSecond;

// Bounds for a simulation date: histories reach 200 days back, and PostgreSQL timestamps span years 4713 BC
// to 294276 AD; synthgen accepts years 1900 to 9999.
constexpr Instant kMinSimulationDate = -2'208'988'800LL * kMicrosPerSecond;   // 1900-01-01
constexpr Instant kMaxSimulationDate = 253'402'300'799LL * kMicrosPerSecond;  // 9999-12-31 23:59:59

// Start of the UTC day holding the instant (floor, also for instants before 1970).
constexpr Instant DayStart(Instant t) noexcept {
  const Instant remainder = t % kMicrosPerDay;
  return remainder >= 0 ? t - remainder : t - remainder - kMicrosPerDay;
}

// Off-hours means a UTC clock time in [22:00, 06:00).
constexpr bool IsOffHours(Instant t) noexcept {
  const Instant clock = t - DayStart(t);
  return clock >= 22 * kMicrosPerHour || clock < 6 * kMicrosPerHour;
}

}  // namespace synthgen
