// Validation of GraphWorldOptions.
#include "core/graph_options.hpp"

#include <string>

#include "core/error.hpp"
#include "core/world_bounds.hpp"

namespace synthgen {
namespace {

void ValidateStructureCount(std::int64_t value, const char* name) {
  if (value < 0) throw Error(ErrorCode::kOutOfRange, std::string(name) + " must not be negative");
  if (value > kMaxGraphStructures) {
    throw Error(ErrorCode::kOutOfRange,
                std::string(name) + " must be at most " + std::to_string(kMaxGraphStructures));
  }
}

}  // namespace

std::int64_t GraphWorldOptions::MinimumStructureUsers() const noexcept {
  return device_rings * kMinDeviceRingMembers + ip_clusters * kMinIpClusterMembers +
         kiting_cycles * kiting_cycle_length;
}

void GraphWorldOptions::Validate() const {
  ValidateWorldChunk(count, first_user, world_size);
  ValidateSimulationDate(simulation_date);
  ValidateStructureCount(device_rings, "device_rings");
  ValidateStructureCount(ip_clusters, "ip_clusters");
  ValidateStructureCount(kiting_cycles, "kiting_cycles");
  if (kiting_cycle_length < kMinKitingCycleLength || kiting_cycle_length > kMaxKitingCycleLength) {
    throw Error(ErrorCode::kOutOfRange, "kiting_cycle_length must be between " +
                                            std::to_string(kMinKitingCycleLength) + " and " +
                                            std::to_string(kMaxKitingCycleLength));
  }
  // Every member is a distinct user of the world, so the structures must fit in it.
  if (MinimumStructureUsers() > EffectiveWorldSize()) {
    throw Error(ErrorCode::kOutOfRange, "device_rings, ip_clusters and kiting_cycles need at least " +
                                            std::to_string(MinimumStructureUsers()) +
                                            " users but world_size is " +
                                            std::to_string(EffectiveWorldSize()));
  }
}

}  // namespace synthgen
