// Argument reading for the card world (see card_world_arguments.hpp). PostgreSQL APIs: fmgr argument access
// and ereport (through argument_checks); only trivially destructible locals.
#include "pg/card_world_arguments.hpp"

#include "pg/argument_checks.hpp"
#include "pg/random_seed.hpp"

extern "C" {
#include "postgres.h"
#include "fmgr.h"
}

namespace synthgen::pg {

bool ReadCardWorldArguments(FunctionCallInfo fcinfo, int seed_index, CardWorldOptions& world) {
  const bool seed_drawn = PG_ARGISNULL(seed_index);
  world.seed = static_cast<std::uint64_t>(seed_drawn ? SeedForNullArgument(fcinfo) : PG_GETARG_INT64(seed_index));
  const char* const counts[] = {"merchants", "banks", "accounts", "cards"};
  std::int64_t* const fields[] = {&world.merchants, &world.banks, &world.accounts, &world.cards};
  for (int i = 0; i < 4; ++i) {
    RequireArgument(fcinfo, seed_index + 1 + i, counts[i]);
    *fields[i] = PG_GETARG_INT64(seed_index + 1 + i);
  }
  world.start_date = ReadInstantArgument(fcinfo, seed_index + 5, "window_start");
  world.end_date = ReadInstantArgument(fcinfo, seed_index + 6, "window_end");
  return seed_drawn;
}

std::optional<Instant> ReadOptionalInstantArgument(FunctionCallInfo fcinfo, int index, const char* name) {
  if (PG_ARGISNULL(index)) return std::nullopt;
  return ReadInstantArgument(fcinfo, index, name);
}

}  // namespace synthgen::pg
