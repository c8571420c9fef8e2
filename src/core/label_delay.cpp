// Label delay sampling (see label_delay.hpp).
#include "core/label_delay.hpp"

#include <algorithm>
#include <boost/random/lognormal_distribution.hpp>
#include <cmath>

#include "core/random_stream.hpp"

namespace synthgen {

Instant LabelDelay(std::uint64_t seed, std::int64_t user_index) noexcept {
  RandomStream rng(seed, StreamId::kLabelDelay, static_cast<std::uint64_t>(user_index));
  const double mu = std::log(kLabelDelayMeanDays) - kLabelDelaySigma * kLabelDelaySigma / 2.0;
  boost::random::lognormal_distribution<double> delay_days(mu, kLabelDelaySigma);
  const double days = std::clamp(delay_days(rng), 1.0 / 24.0, 60.0);
  return static_cast<Instant>(std::llround(days * 86400.0)) * kMicrosPerSecond;
}

}  // namespace synthgen
