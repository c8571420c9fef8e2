// Validation and derived counts of UserWorldOptions.
#include "core/user_world_options.hpp"

#include <cmath>
#include <string>

#include "core/error.hpp"
#include "core/world_bounds.hpp"

namespace synthgen {

std::int64_t UserWorldOptions::FraudUserCount() const noexcept {
  // floor(world_size * fraud_rate), computed so that rates like 0.05 give the exact decimal answer.
  const long double product =
      static_cast<long double>(EffectiveWorldSize()) * static_cast<long double>(fraud_rate);
  auto fraud = static_cast<std::int64_t>(std::floor(product + 1e-9L));
  if (fraud > EffectiveWorldSize()) fraud = EffectiveWorldSize();
  return fraud < 0 ? 0 : fraud;
}

void UserWorldOptions::Validate() const {
  ValidateWorldChunk(count, first_user, world_size);
  if (std::isnan(fraud_rate)) throw Error(ErrorCode::kInvalidArgument, "fraud_rate must not be NaN");
  if (!(fraud_rate >= 0.0 && fraud_rate <= 1.0)) {
    throw Error(ErrorCode::kOutOfRange, "fraud_rate must be between 0 and 1");
  }
  ValidateSimulationDate(simulation_date);
  if (patterns.size() == 0 && FraudUserCount() > 0) {
    throw Error(ErrorCode::kInvalidArgument,
                "patterns must name at least one fraud pattern when fraud_rate is above 0");
  }
}

}  // namespace synthgen
