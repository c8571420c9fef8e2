// Raising a recorded C++ failure as a PostgreSQL error. Touches ereport only; the caller guarantees no C++
// object with a destructor is alive in any frame the longjmp unwinds.
#include "pg/error_bridge.hpp"

extern "C" {
#include "postgres.h"
}

namespace synthgen::pg {

void RaiseError(const ErrorRecord& record) {
  int sqlstate = ERRCODE_INTERNAL_ERROR;
  switch (record.kind) {
    case ErrorKind::kInvalidArgument:
      sqlstate = ERRCODE_INVALID_PARAMETER_VALUE;
      break;
    case ErrorKind::kOutOfRange:
      sqlstate = ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
      break;
    case ErrorKind::kNullValue:
      sqlstate = ERRCODE_NULL_VALUE_NOT_ALLOWED;
      break;
    case ErrorKind::kUnsupported:
      sqlstate = ERRCODE_FEATURE_NOT_SUPPORTED;
      break;
    case ErrorKind::kOutOfMemory:
      sqlstate = ERRCODE_OUT_OF_MEMORY;
      break;
    case ErrorKind::kInternal:
    case ErrorKind::kNone:
      break;
  }
  if (sqlstate == ERRCODE_INTERNAL_ERROR) {
    ereport(ERROR, (errcode(sqlstate), errmsg("synthgen internal error: %s", record.message)));
  }
  ereport(ERROR, (errcode(sqlstate), errmsg("%s", record.message)));
  pg_unreachable();
}

}  // namespace synthgen::pg
