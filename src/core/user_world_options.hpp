// What a caller asks of the user world: how many users, which chunk of which world, fraud mix, seed and time.
#pragma once

#include <cstdint>
#include <optional>

#include "core/calendar.hpp"
#include "core/fraud_pattern.hpp"
#include "core/world_bounds.hpp"

namespace synthgen {

struct UserWorldOptions {
  std::int64_t count = 0;    // users in this call: [first_user, first_user + count)
  double fraud_rate = 0.05;  // fraud users = floor(world_size * fraud_rate)
  std::uint64_t seed = 0;
  Instant simulation_date = kDefaultSimulationDate;  // "now" of the simulation: no record lies after it
  bool legacy = false;                               // one record per user, as the original --legacy mode
  PatternSelection patterns = PatternSelection::All();
  std::int64_t first_user = 0;
  std::optional<std::int64_t> world_size;  // none: first_user + count

  std::int64_t EffectiveWorldSize() const noexcept { return world_size.value_or(first_user + count); }
  std::int64_t FraudUserCount() const noexcept;

  // Throws synthgen::Error naming the offending parameter by its SQL name.
  void Validate() const;
};

}  // namespace synthgen
