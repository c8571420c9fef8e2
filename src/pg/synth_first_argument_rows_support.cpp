// synth_first_argument_rows_support(): the planner support function of the card world's generators, whose row
// count is their first argument (n entities, or rows transactions). PostgreSQL APIs: SupportRequestRows and
// the call's constant arguments (argument_checks.hpp); no C++ objects.
#include "pg/argument_checks.hpp"

extern "C" {
#include "postgres.h"
#include "fmgr.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"

PG_FUNCTION_INFO_V1(synthgen_synth_first_argument_rows_support);
}

extern "C" PGDLLEXPORT Datum synthgen_synth_first_argument_rows_support(PG_FUNCTION_ARGS) {
  Node* request = reinterpret_cast<Node*>(PG_GETARG_POINTER(0));
  if (!IsA(request, SupportRequestRows)) PG_RETURN_POINTER(nullptr);
  auto* rows_request = reinterpret_cast<SupportRequestRows*>(request);
  std::uintptr_t first;
  if (!synthgen::pg::ConstantArgument(rows_request->node, 0, first)) PG_RETURN_POINTER(nullptr);
  const int64 count = DatumGetInt64(first);
  rows_request->rows = clamp_row_est(count > 0 ? static_cast<double>(count) : 0.0);
  PG_RETURN_POINTER(rows_request);
}
