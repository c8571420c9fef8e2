// Validation shared by every world's options: the chunk of users a call generates, users
// [first_user, first_user + count) of a world of world_size users, and the simulation date.
#pragma once

#include <cstdint>
#include <optional>

#include "core/calendar.hpp"

namespace synthgen {

// The largest world synthgen generates: identifiers stay unique up to here (see identity.hpp).
constexpr std::int64_t kMaxWorldSize = 1'000'000'000'000LL;

// Throws synthgen::Error (kOutOfRange) naming n, first_user or world_size by their SQL names.
void ValidateWorldChunk(std::int64_t count, std::int64_t first_user,
                        const std::optional<std::int64_t>& world_size);

// Throws synthgen::Error (kOutOfRange) naming simulation_date unless it lies in years 1900 to 9999.
void ValidateSimulationDate(Instant simulation_date);

}  // namespace synthgen
