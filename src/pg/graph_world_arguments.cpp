// Argument reading for the graph world (see graph_world_arguments.hpp). PostgreSQL APIs: fmgr argument access
// and ereport (through argument_checks); only trivially destructible locals.
#include "pg/graph_world_arguments.hpp"

#include <algorithm>

#include "pg/argument_checks.hpp"
#include "pg/random_seed.hpp"

extern "C" {
#include "postgres.h"
#include "fmgr.h"
}

namespace synthgen::pg {
namespace {

enum Argument {
  kN,
  kSeed,
  kSimulationDate,
  kDeviceRings,
  kIpClusters,
  kKitingCycles,
  kKitingCycleLength,
  kFirstUser,
  kWorldSize,
  kArgumentCount
};
constexpr const char* kArgumentNames[kArgumentCount] = {
    "n",           "seed",          "simulation_date",     "device_rings",
    "ip_clusters", "kiting_cycles", "kiting_cycle_length", "first_user",
    "world_size"};

}  // namespace

bool ReadGraphWorldArguments(FunctionCallInfo fcinfo, int base, GraphWorldOptions& options) {
  for (int argument : {kN, kDeviceRings, kIpClusters, kKitingCycles, kKitingCycleLength, kFirstUser}) {
    RequireArgument(fcinfo, base + argument, kArgumentNames[argument]);
  }
  options.count = PG_GETARG_INT64(base + kN);
  const bool seed_drawn = PG_ARGISNULL(base + kSeed);
  options.seed = static_cast<std::uint64_t>(seed_drawn ? SeedForNullArgument(fcinfo) : PG_GETARG_INT64(base + kSeed));
  options.simulation_date = ReadInstantArgument(fcinfo, base + kSimulationDate, kArgumentNames[kSimulationDate]);
  options.device_rings = PG_GETARG_INT64(base + kDeviceRings);
  options.ip_clusters = PG_GETARG_INT64(base + kIpClusters);
  options.kiting_cycles = PG_GETARG_INT64(base + kKitingCycles);
  options.kiting_cycle_length = PG_GETARG_INT32(base + kKitingCycleLength);
  options.first_user = PG_GETARG_INT64(base + kFirstUser);
  if (!PG_ARGISNULL(base + kWorldSize)) options.world_size = PG_GETARG_INT64(base + kWorldSize);
  return seed_drawn;
}

bool EstimateGraphWorldArguments(Node* call, GraphWorldOptions& options) noexcept {
  std::uintptr_t n;
  if (!ConstantArgument(call, kN, n)) return false;
  options.count = std::max<std::int64_t>(0, DatumGetInt64(n));
  return true;
}

}  // namespace synthgen::pg
