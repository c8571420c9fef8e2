// What a caller asks of the graph world: which chunk of which world of users, seed and time, and how many of
// each fraud structure (device-sharing rings, IP-recycling clusters, kiting cycles) the world holds.
#pragma once

#include <cstdint>
#include <optional>

#include "core/calendar.hpp"

namespace synthgen {

// At most this many structures of each kind.
constexpr std::int64_t kMaxGraphStructures = 1'000'000;
// Bounds of a kiting cycle's length (members, accounts and transfers per cycle).
constexpr std::int64_t kMinKitingCycleLength = 3;
constexpr std::int64_t kMaxKitingCycleLength = 64;
// Members per structure: a device ring has 6-15, an IP cluster 5-20 (drawn per structure).
constexpr std::int64_t kMinDeviceRingMembers = 6;
constexpr std::int64_t kMaxDeviceRingMembers = 15;
constexpr std::int64_t kMinIpClusterMembers = 5;
constexpr std::int64_t kMaxIpClusterMembers = 20;

struct GraphWorldOptions {
  std::int64_t count = 0;  // users in this call: [first_user, first_user + count)
  std::uint64_t seed = 0;
  Instant simulation_date = kDefaultSimulationDate;  // "now" of the simulation: no edge lies after it
  std::int64_t first_user = 0;
  std::optional<std::int64_t> world_size;  // none: first_user + count

  std::int64_t device_rings = 2;
  std::int64_t ip_clusters = 2;
  std::int64_t kiting_cycles = 1;
  std::int64_t kiting_cycle_length = 3;

  std::int64_t EffectiveWorldSize() const noexcept { return world_size.value_or(first_user + count); }

  // The fewest users the structures can take (every size at its minimum); the drawn sizes may take more,
  // which GraphStructures checks once it has drawn them.
  std::int64_t MinimumStructureUsers() const noexcept;

  // Throws synthgen::Error naming the offending parameter by its SQL name.
  void Validate() const;
};

}  // namespace synthgen
