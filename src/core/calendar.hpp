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

constexpr Instant kNoInstant = INT64_MIN;  // SQL NULL for an optional instant

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

// A proleptic Gregorian date.
struct CivilDate {
  std::int64_t year;
  unsigned month;  // 1-12
  unsigned day;    // 1-31
};

// The date of a day counted from 1970-01-01 (Howard Hinnant's civil_from_days; exact for every int64 day that
// an Instant can hold).
constexpr CivilDate CivilFromDays(std::int64_t days) noexcept {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned shifted_month = (5 * day_of_year + 2) / 153;  // March = 0
  const unsigned day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  const unsigned month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  return CivilDate{static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

// The UTC date holding the instant.
constexpr CivilDate CivilDateOf(Instant t) noexcept { return CivilFromDays(DayStart(t) / kMicrosPerDay); }

// The same UTC clock time on the first day of the instant's month.
constexpr Instant FirstOfMonth(Instant t) noexcept {
  return t - static_cast<Instant>(CivilDateOf(t).day - 1) * kMicrosPerDay;
}

// Off-hours means a UTC clock time in [22:00, 06:00).
constexpr bool IsOffHours(Instant t) noexcept {
  const Instant clock = t - DayStart(t);
  return clock >= 22 * kMicrosPerHour || clock < 6 * kMicrosPerHour;
}

}  // namespace synthgen
