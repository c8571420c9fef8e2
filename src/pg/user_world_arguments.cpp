// Argument reading for the user world (see user_world_arguments.hpp). PostgreSQL APIs: fmgr argument access,
// deconstruct_array for text[], pg_strong_random, ereport. Only trivially destructible locals live here, and
// the only core calls are noexcept.
#include "pg/user_world_arguments.hpp"

#include <algorithm>
#include <cinttypes>
#include <string_view>

#include "core/fraud_pattern.hpp"
#include "pg/argument_checks.hpp"
#include "pg/random_seed.hpp"

extern "C" {
#include "postgres.h"
#include "fmgr.h"
#include "catalog/pg_type_d.h"
#include "utils/array.h"
#include "utils/builtins.h"
}

namespace synthgen::pg {
namespace {

enum Argument {
  kN,
  kFraudRate,
  kSeed,
  kSimulationDate,
  kLegacy,
  kPatterns,
  kFirstUser,
  kWorldSize,
  kArgumentCount
};
constexpr const char* kArgumentNames[kArgumentCount] = {
    "n", "fraud_rate", "seed", "simulation_date", "legacy", "patterns", "first_user", "world_size"};

void ReadPatterns(ArrayType* array, PatternSelection& selection) {
  if (ARR_NDIM(array) > 1) {
    ereport(ERROR,
            (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("patterns must be a one-dimensional array")));
  }
  Datum* elements;
  bool* element_nulls;
  int count;
  deconstruct_array(array, TEXTOID, -1, false, TYPALIGN_INT, &elements, &element_nulls, &count);
  selection = PatternSelection();
  for (int i = 0; i < count; ++i) {
    if (element_nulls[i]) {
      ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED), errmsg("patterns must not contain NULL")));
    }
    const char* name = TextDatumGetCString(elements[i]);
    const FraudPattern pattern = FindFraudPattern(name);
    if (pattern == FraudPattern::kNone) {
      ereport(
          ERROR,
          (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("unknown fraud pattern \"%s\" in patterns", name),
           errhint("Valid patterns are liquidity_crunch, link_burst, ato, bust_out and sleeper_ato.")));
    }
    if (!selection.TryAdd(pattern)) {
      ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                      errmsg("fraud pattern \"%s\" appears more than once in patterns", name)));
    }
  }
}


}  // namespace

bool ReadUserWorldArguments(FunctionCallInfo fcinfo, int base, UserWorldOptions& options) {
  for (int argument : {kN, kFraudRate, kLegacy, kPatterns, kFirstUser}) {
    RequireArgument(fcinfo, base + argument, kArgumentNames[argument]);
  }
  options.count = PG_GETARG_INT64(base + kN);
  options.fraud_rate = PG_GETARG_FLOAT8(base + kFraudRate);
  const bool seed_drawn = PG_ARGISNULL(base + kSeed);
  options.seed = static_cast<std::uint64_t>(seed_drawn ? SeedForNullArgument(fcinfo) : PG_GETARG_INT64(base + kSeed));
  options.simulation_date =
      ReadInstantArgument(fcinfo, base + kSimulationDate, kArgumentNames[kSimulationDate]);
  options.legacy = PG_GETARG_BOOL(base + kLegacy);
  ReadPatterns(PG_GETARG_ARRAYTYPE_P(base + kPatterns), options.patterns);
  options.first_user = PG_GETARG_INT64(base + kFirstUser);
  if (!PG_ARGISNULL(base + kWorldSize)) options.world_size = PG_GETARG_INT64(base + kWorldSize);
  return seed_drawn;
}

bool EstimateUserWorldArguments(Node* call, UserWorldOptions& options) noexcept {
  std::uintptr_t value;
  if (!ConstantArgument(call, kN, value)) return false;
  options.count = std::max<std::int64_t>(0, DatumGetInt64(value));
  if (ConstantArgument(call, kFraudRate, value)) {
    const double rate = DatumGetFloat8(value);
    if (rate >= 0.0 && rate <= 1.0) options.fraud_rate = rate;
  }
  if (ConstantArgument(call, kLegacy, value)) options.legacy = DatumGetBool(value);
  return true;
}

}  // namespace synthgen::pg
