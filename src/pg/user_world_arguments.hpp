// Reading the user world's SQL arguments into UserWorldOptions (no PostgreSQL header here). The SQL signature
// is (n, fraud_rate, seed, simulation_date, legacy, patterns, first_user, world_size).
#pragma once

#include "core/user_world_options.hpp"

struct FunctionCallInfoBaseData;
struct Node;

namespace synthgen::pg {

// Reads and checks the arguments, raising a PostgreSQL error (22004 for NULLs, 22023 for unknown or repeated
// patterns) that names the parameter. Range checks are left to UserWorldOptions::Validate(). A NULL seed
// draws a random one; the function returns true then, and the caller reports it with ReportDrawnSeed
// (random_seed.hpp) once the options have been validated. The arguments start at `base` (synth_insert_users
// has its target tables first).
bool ReadUserWorldArguments(FunctionCallInfoBaseData* fcinfo, int base, UserWorldOptions& options);

// For the planner: fills what it can from constant arguments of the call; false if n is not a constant.
bool EstimateUserWorldArguments(Node* call, UserWorldOptions& options) noexcept;

}  // namespace synthgen::pg
