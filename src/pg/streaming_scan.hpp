// Streaming synthgen's generator functions into queries (no PostgreSQL header here). PostgreSQL materialises
// every set-returning function in FROM into a tuple store before the query sees its first row; beyond
// work_mem the store spills to temporary files (2 GB for ten million user records), and writing it is about
// half of the time a pure generation takes. synthgen's planner hook therefore plans a scan of one of its
// generator functions as a custom scan, "SynthgenStream": it calls the function once, with the same
// arguments, to start the generator, then returns the generator's rows one batch at a time. Memory stays one
// batch whatever the row count, a LIMIT stops the generation, and the rows are exactly those of the function
// scan.
//
// Left to the function scan: WITH ORDINALITY and ROWS FROM, arguments referring to other tables of the query
// (LATERAL), whole-row references to the function's result (SELECT u FROM synth_generate_users(…) u, row
// marks of UPDATE/DELETE … FROM), and every plan while the setting synthgen.stream_scans is off.
#pragma once

#include <cstdint>

#include "pg/batch_run.hpp"

struct FunctionCallInfoBaseData;

namespace synthgen::pg {

// Registers the setting synthgen.stream_scans, the scan's methods and the planner hook (from _PG_init).
void DefineStreamingScan();

// Whether the generator function was called by a streaming scan to start its generator.
bool IsStreamingScanCall(const FunctionCallInfoBaseData* fcinfo);

// For such a call: the number of columns the scan returns.
int StreamingScanColumns(const FunctionCallInfoBaseData* fcinfo);

// For such a call: starts the generator from options and hands it to the scan. A drawn seed is reported the
// first time only (see KeptStreamingSeed).
void StartStreamingScan(FunctionCallInfoBaseData* fcinfo, const BatchGenerator& calls, const void* options,
                        bool seed_drawn, std::uint64_t seed);

// For a NULL seed argument: true, with the seed, when the call restarts a streaming scan that drew a seed
// before and whose arguments have not changed since, so that a rescan repeats its rows as a function scan's
// tuple store does.
bool KeptStreamingSeed(const FunctionCallInfoBaseData* fcinfo, std::int64_t& seed);

}  // namespace synthgen::pg
