// Shared argument checks (see argument_checks.hpp). PostgreSQL APIs: fmgr argument access and ereport; no C++
// objects live here.
#include "pg/argument_checks.hpp"

#include "pg/timestamp_conversion.hpp"

extern "C" {
#include "postgres.h"
#include "fmgr.h"
#include "utils/timestamp.h"
}

namespace synthgen::pg {

void RequireArgument(FunctionCallInfo fcinfo, int index, const char* name) {
  if (PG_ARGISNULL(index)) {
    ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED), errmsg("%s must not be NULL", name)));
  }
}

Instant ReadInstantArgument(FunctionCallInfo fcinfo, int index, const char* name) {
  RequireArgument(fcinfo, index, name);
  const TimestampTz value = PG_GETARG_TIMESTAMPTZ(index);
  if (TIMESTAMP_NOT_FINITE(value)) {
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("%s must be finite", name)));
  }
  return FromPostgresTimestamp(value);
}

}  // namespace synthgen::pg
