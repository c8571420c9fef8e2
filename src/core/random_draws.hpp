// The handful of draws the simulations use, on Boost.Random's distributions (the same algorithms on every
// platform, unlike std:: distributions). Amounts are whole cents, instants whole seconds.
#pragma once

#include <algorithm>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>
#include <cstdint>
#include <limits>

#include "core/calendar.hpp"
#include "core/random_stream.hpp"

namespace synthgen {

// Uniform integer in [lo, hi], both inclusive, drawn exactly as Boost.Random's uniform_int_distribution draws
// from a 64-bit engine (equal buckets of the engine's range, rejecting the remainder), so the same stream
// gives the same numbers (tested against Boost). Written out because Boost's general version, which also
// handles engines narrower than the range, is not inlined: here constant bounds fold into multiplications.
inline std::int64_t UniformInt(RandomStream& rng, std::int64_t lo, std::int64_t hi) noexcept {
  constexpr std::uint64_t kEngineRange = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t range = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
  if (range == 0) return lo;
  if (range == kEngineRange) return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + rng());
  std::uint64_t bucket_size = kEngineRange / (range + 1);
  if (kEngineRange % (range + 1) == range) ++bucket_size;
  for (;;) {
    const std::uint64_t bucket = rng() / bucket_size;
    if (bucket <= range) return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + bucket);
  }
}

class RandomDraws {
 public:
  explicit RandomDraws(RandomStream& rng) noexcept : rng_(rng) {}

  // Uniform integer in [lo, hi], both inclusive.
  std::int64_t Int(std::int64_t lo, std::int64_t hi) noexcept { return UniformInt(rng_, lo, hi); }
  // Uniform real in [lo, hi).
  double Real(double lo, double hi) { return boost::random::uniform_real_distribution<double>(lo, hi)(rng_); }
  bool Chance(double p) { return Real(0.0, 1.0) < p; }

  // Uniform whole-second instant in [lo, hi); lo when the interval holds less than a second.
  Instant Between(Instant lo, Instant hi) {
    const std::int64_t seconds = (hi - lo) / kMicrosPerSecond;
    return seconds <= 0 ? lo : lo + Int(0, seconds - 1) * kMicrosPerSecond;
  }

  // Log-normal amount with the given arithmetic mean (mu = ln(mean) - sigma^2 / 2), clamped to
  // [0.01, 50,000.00] and rounded to cents, as the original generator does.
  std::int64_t LogNormalCents(double mean, double sigma) {
    boost::random::lognormal_distribution<double> amount(std::log(mean) - sigma * sigma / 2.0, sigma);
    return std::llround(std::clamp(amount(rng_), 0.01, 50'000.0) * 100.0);
  }
  std::int64_t UniformCents(double lo, double hi) { return std::llround(Real(lo, hi) * 100.0); }

  // A clock time of day: daytime (06:00-21:59) with probability 0.95, otherwise off-hours (22:00-05:59).
  Instant DiurnalClock() {
    const bool daytime = Chance(0.95);
    const std::int64_t hour = daytime ? Int(6, 21) : (Int(22, 29) % 24);
    return hour * kMicrosPerHour + Int(0, 3599) * kMicrosPerSecond;
  }
  // An off-hours clock time in [22:00, 05:00) (an hour short of 06:00, so no later adjustment leaves
  // off-hours).
  Instant OffHoursClock() { return (Int(22, 28) % 24) * kMicrosPerHour + Int(0, 3599) * kMicrosPerSecond; }

  // An everyday activity instant in [lo, hi): a uniform day, then a diurnal clock time; a few tries, then any
  // instant of the interval (narrow intervals).
  Instant ActivityTime(Instant lo, Instant hi) {
    if (hi - lo >= kMicrosPerHour) {
      const Instant first_day = DayStart(lo);
      const std::int64_t days = (DayStart(hi - 1) - first_day) / kMicrosPerDay;
      for (int attempt = 0; attempt < 8; ++attempt) {
        const Instant t = first_day + Int(0, days) * kMicrosPerDay + DiurnalClock();
        if (t >= lo && t < hi) return t;
      }
    }
    return Between(lo, hi);
  }

 private:
  RandomStream& rng_;
};

}  // namespace synthgen
