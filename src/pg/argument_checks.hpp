// Checks shared by every SQL entry point's argument reading (no PostgreSQL header here).
#pragma once

#include <cstdint>

#include "core/calendar.hpp"

struct FunctionCallInfoBaseData;
struct Node;

namespace synthgen::pg {

// Raises 22004 "<name> must not be NULL" if argument `index` is NULL.
void RequireArgument(FunctionCallInfoBaseData* fcinfo, int index, const char* name);

// Reads a timestamptz argument as an Instant, raising 22004 for NULL and 22023 for +-infinity.
Instant ReadInstantArgument(FunctionCallInfoBaseData* fcinfo, int index, const char* name);

// For planner support functions: the Datum of argument `index` of the call being planned, if the call is a
// function call and that argument a non-NULL constant.
bool ConstantArgument(Node* call, int index, std::uintptr_t& value) noexcept;

}  // namespace synthgen::pg
