// Shared argument checks (see argument_checks.hpp). PostgreSQL APIs: fmgr argument access, ereport, and the
// planner's call nodes; no C++ objects live here.
#include "pg/argument_checks.hpp"

#include "pg/timestamp_conversion.hpp"

extern "C" {
#include "postgres.h"
#include "fmgr.h"
#include "nodes/pg_list.h"
#include "nodes/primnodes.h"
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

bool ConstantArgument(Node* call, int index, std::uintptr_t& value) noexcept {
  if (call == nullptr || !IsA(call, FuncExpr)) return false;
  List* args = reinterpret_cast<FuncExpr*>(call)->args;
  if (list_length(args) <= index) return false;
  const Node* node = static_cast<const Node*>(list_nth(args, index));
  if (!IsA(node, Const) || reinterpret_cast<const Const*>(node)->constisnull) return false;
  value = reinterpret_cast<const Const*>(node)->constvalue;
  return true;
}

}  // namespace synthgen::pg
