// Reading the card world's SQL arguments (no PostgreSQL header here). The transaction and fraud generators
// take the world as seven consecutive arguments: (seed, merchants, banks, accounts, cards, window_start,
// window_end); both take a period as (period_start, period_end).
#pragma once

#include <optional>

#include "core/calendar.hpp"
#include "core/card_world_options.hpp"

struct FunctionCallInfoBaseData;

namespace synthgen::pg {

// Reads the world from argument seed_index on, raising 22004 for a NULL that is not allowed; range checks are
// left to CardWorldOptions::Validate(). Returns true if a NULL seed drew a random one (to report once
// validated).
bool ReadCardWorldArguments(FunctionCallInfoBaseData* fcinfo, int seed_index, CardWorldOptions& world);

// An optional timestamptz argument: none for NULL, 22023 for +-infinity.
std::optional<Instant> ReadOptionalInstantArgument(FunctionCallInfoBaseData* fcinfo, int index, const char* name);

}  // namespace synthgen::pg
