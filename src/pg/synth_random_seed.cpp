// synth_random_seed(): a fresh random seed, for callers who want to choose (and record) one themselves; also
// the helper behind every NULL seed. PostgreSQL APIs: pg_strong_random, ereport; no C++ objects.
#include "pg/random_seed.hpp"

#include <cinttypes>

#include "pg/streaming_scan.hpp"

extern "C" {
#include "postgres.h"
#include "fmgr.h"

PG_FUNCTION_INFO_V1(synthgen_synth_random_seed);
}

namespace synthgen::pg {

std::int64_t DrawRandomSeed() {
  std::uint64_t bits = 0;
  if (!pg_strong_random(&bits, sizeof bits)) {
    ereport(ERROR, (errcode(ERRCODE_INTERNAL_ERROR),
                    errmsg("synthgen internal error: could not generate a random seed")));
  }
  return static_cast<std::int64_t>(bits >> 11);
}

std::int64_t SeedForNullArgument(const FunctionCallInfoBaseData* fcinfo) {
  std::int64_t seed;
  return KeptStreamingSeed(fcinfo, seed) ? seed : DrawRandomSeed();
}

void ReportDrawnSeed(std::int64_t seed) {
  ereport(NOTICE, (errmsg("seed is NULL, using seed %" PRId64, seed),
                   errhint("Pass seed => %" PRId64 " to reproduce this output.", seed)));
}

}  // namespace synthgen::pg

extern "C" PGDLLEXPORT Datum synthgen_synth_random_seed(PG_FUNCTION_ARGS) {
  PG_RETURN_INT64(synthgen::pg::DrawRandomSeed());
}
