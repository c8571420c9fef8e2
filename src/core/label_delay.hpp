// How long a fraud event takes to be confirmed: log-normal with an arithmetic mean of 5 days and sigma 0.8
// (mu = ln 5 - 0.32, median about 3.63 days), clamped to [1 hour, 60 days], whole seconds.
#pragma once

#include <cstdint>

#include "core/calendar.hpp"

namespace synthgen {

constexpr double kLabelDelayMeanDays = 5.0;
constexpr double kLabelDelaySigma = 0.8;

// The delay for one user's fraud event; a pure function of (seed, user index).
Instant LabelDelay(std::uint64_t seed, std::int64_t user_index) noexcept;

}  // namespace synthgen
