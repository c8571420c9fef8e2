// The one entry behind every generator function (no PostgreSQL header here): a set-returning function over a
// C++ batch generator (batch_run.hpp). Called from a function scan, it materialises every row into the tuple
// store PostgreSQL asks for; called from synthgen's streaming scan (streaming_scan.hpp), it hands the started
// generator over, and the scan returns its rows one batch at a time.
#pragma once

#include <cstdint>

#include "pg/batch_run.hpp"

struct FunctionCallInfoBaseData;

namespace synthgen::pg {

// Runs the function: checks that its declared result has `columns` columns, creates the generator from
// `options` (raising its validation error, if any), reports a seed drawn for a NULL seed argument once the
// options are known to be valid, then emits every batch (or hands the generator to the streaming scan).
void MaterializeBatches(FunctionCallInfoBaseData* fcinfo, int columns, const BatchGenerator& calls,
                        const void* options, bool seed_drawn, std::uint64_t seed);

}  // namespace synthgen::pg
