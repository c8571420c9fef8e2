// Shared world validation (see world_bounds.hpp).
#include "core/world_bounds.hpp"

#include <string>

#include "core/error.hpp"

namespace synthgen {

void ValidateWorldChunk(std::int64_t count, std::int64_t first_user,
                        const std::optional<std::int64_t>& world_size) {
  const std::string max_text = std::to_string(kMaxWorldSize);
  if (count < 0) throw Error(ErrorCode::kOutOfRange, "n must not be negative");
  if (count > kMaxWorldSize) throw Error(ErrorCode::kOutOfRange, "n must be at most " + max_text);
  if (first_user < 0) throw Error(ErrorCode::kOutOfRange, "first_user must not be negative");
  if (world_size && *world_size < 0) throw Error(ErrorCode::kOutOfRange, "world_size must not be negative");
  if ((world_size && *world_size > kMaxWorldSize) || first_user > kMaxWorldSize - count) {
    throw Error(ErrorCode::kOutOfRange, "world_size must be at most " + max_text);
  }
  const std::int64_t world = world_size.value_or(first_user + count);
  if (first_user + count > world) {
    throw Error(ErrorCode::kOutOfRange,
                "users " + std::to_string(first_user) + " to " + std::to_string(first_user + count - 1) +
                    " lie outside a world of " + std::to_string(world) + " users (world_size)");
  }
}

void ValidateSimulationDate(Instant simulation_date) {
  if (simulation_date < kMinSimulationDate || simulation_date > kMaxSimulationDate) {
    throw Error(ErrorCode::kOutOfRange, "simulation_date must lie between years 1900 and 9999");
  }
}

}  // namespace synthgen
