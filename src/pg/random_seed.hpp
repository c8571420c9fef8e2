// Random seeds for calls that pass seed => NULL (no PostgreSQL header here).
#pragma once

#include <cstdint>

struct FunctionCallInfoBaseData;

namespace synthgen::pg {

// A seed in [0, 2^53) from a strong random source, so that it survives any JSON or floating-point round trip.
// Raises a PostgreSQL error if no random bytes are available.
std::int64_t DrawRandomSeed();

// The seed a call with a NULL seed argument uses: a drawn one, or the one a restarted streaming scan drew
// before (streaming_scan.hpp).
std::int64_t SeedForNullArgument(const FunctionCallInfoBaseData* fcinfo);

// Reports a drawn seed in a NOTICE, with a hint to pass it to reproduce the output.
void ReportDrawnSeed(std::int64_t seed);

}  // namespace synthgen::pg
