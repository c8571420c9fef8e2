// Validation and derived counts of UserWorldOptions.
#include "core/user_world_options.hpp"

#include <cmath>
#include <string>

#include "core/error.hpp"

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
  const std::string max_text = std::to_string(kMaxWorldSize);
  if (count < 0) throw Error(ErrorCode::kOutOfRange, "n must not be negative");
  if (count > kMaxWorldSize) throw Error(ErrorCode::kOutOfRange, "n must be at most " + max_text);
  if (std::isnan(fraud_rate)) throw Error(ErrorCode::kInvalidArgument, "fraud_rate must not be NaN");
  if (!(fraud_rate >= 0.0 && fraud_rate <= 1.0)) {
    throw Error(ErrorCode::kOutOfRange, "fraud_rate must be between 0 and 1");
  }
  if (simulation_date < kMinSimulationDate || simulation_date > kMaxSimulationDate) {
    throw Error(ErrorCode::kOutOfRange, "simulation_date must lie between years 1900 and 9999");
  }
  if (first_user < 0) throw Error(ErrorCode::kOutOfRange, "first_user must not be negative");
  if (world_size && *world_size < 0) throw Error(ErrorCode::kOutOfRange, "world_size must not be negative");
  if ((world_size && *world_size > kMaxWorldSize) || first_user > kMaxWorldSize - count) {
    throw Error(ErrorCode::kOutOfRange, "world_size must be at most " + max_text);
  }
  if (first_user + count > EffectiveWorldSize()) {
    throw Error(ErrorCode::kOutOfRange, "users " + std::to_string(first_user) + " to " +
                                            std::to_string(first_user + count - 1) +
                                            " lie outside a world of " +
                                            std::to_string(EffectiveWorldSize()) + " users (world_size)");
  }
  if (patterns.size() == 0 && FraudUserCount() > 0) {
    throw Error(ErrorCode::kInvalidArgument,
                "patterns must name at least one fraud pattern when fraud_rate is above 0");
  }
}

}  // namespace synthgen
