// synth_first_argument_rows_support(): the planner support function of the card world's generators, whose row
// count is their first argument (n entities, or rows transactions). PostgreSQL APIs: SupportRequestRows and
// the call's argument list; no C++ objects.
extern "C" {
#include "postgres.h"
#include "fmgr.h"
#include "nodes/primnodes.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"

PG_FUNCTION_INFO_V1(synthgen_synth_first_argument_rows_support);
}

extern "C" PGDLLEXPORT Datum synthgen_synth_first_argument_rows_support(PG_FUNCTION_ARGS) {
  Node* request = reinterpret_cast<Node*>(PG_GETARG_POINTER(0));
  if (!IsA(request, SupportRequestRows)) PG_RETURN_POINTER(nullptr);
  auto* rows_request = reinterpret_cast<SupportRequestRows*>(request);
  Node* call = rows_request->node;
  if (call == nullptr || !IsA(call, FuncExpr)) PG_RETURN_POINTER(nullptr);
  List* args = reinterpret_cast<FuncExpr*>(call)->args;
  if (list_length(args) < 1) PG_RETURN_POINTER(nullptr);
  Node* first = static_cast<Node*>(linitial(args));
  if (!IsA(first, Const) || reinterpret_cast<Const*>(first)->constisnull) PG_RETURN_POINTER(nullptr);
  const int64 count = DatumGetInt64(reinterpret_cast<Const*>(first)->constvalue);
  rows_request->rows = clamp_row_est(count > 0 ? static_cast<double>(count) : 0.0);
  PG_RETURN_POINTER(rows_request);
}
