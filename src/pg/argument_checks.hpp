// Checks shared by every SQL entry point's argument reading (no PostgreSQL header here).
#pragma once

#include "core/calendar.hpp"

struct FunctionCallInfoBaseData;

namespace synthgen::pg {

// Raises 22004 "<name> must not be NULL" if argument `index` is NULL.
void RequireArgument(FunctionCallInfoBaseData* fcinfo, int index, const char* name);

// Reads a timestamptz argument as an Instant, raising 22004 for NULL and 22023 for +-infinity.
Instant ReadInstantArgument(FunctionCallInfoBaseData* fcinfo, int index, const char* name);

}  // namespace synthgen::pg
