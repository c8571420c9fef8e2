// The SynthgenStream custom scan (see streaming_scan.hpp). PostgreSQL APIs: set_rel_pathlist_hook and a
// CustomPath (planning), the custom scan executor interface with ExecScan (qualifiers and projection),
// expression evaluation of the call's arguments, fmgr to call the generator function with this scan as its
// context, a custom GUC and EXPLAIN properties. Safety: plain C data only; the generator is started, advanced
// and destroyed through BatchRun (batch_run.hpp), which owns it by a callback on a memory context under the
// query's, so an error or a cancel still destroys it; interrupts are checked after every batch.
#include "pg/streaming_scan.hpp"

#include <cstring>

extern "C" {
#include "postgres.h"
#include "access/htup_details.h"
#include "access/sysattr.h"
#include "catalog/pg_language.h"
#include "catalog/pg_proc.h"
#include "commands/explain.h"
#include "executor/executor.h"
#include "fmgr.h"
#include "funcapi.h"
#include "nodes/extensible.h"
#include "nodes/makefuncs.h"
#include "optimizer/optimizer.h"
#include "optimizer/pathnode.h"
#include "optimizer/paths.h"
#include "optimizer/restrictinfo.h"
#include "parser/parsetree.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/ruleutils.h"
#include "utils/syscache.h"

// The generator functions (defined with the rest of their families); each calls MaterializeBatches.
PGDLLEXPORT Datum synthgen_synth_generate_users(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum synthgen_synth_generate_merchants(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum synthgen_synth_generate_banks(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum synthgen_synth_generate_accounts(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum synthgen_synth_generate_cards(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum synthgen_synth_generate_transactions(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum synthgen_synth_generate_fraud(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum synthgen_synth_generate_graph_nodes(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum synthgen_synth_generate_graph_edges(PG_FUNCTION_ARGS);
}

namespace synthgen::pg {
namespace {

constexpr char kScanName[] = "SynthgenStream";

const PGFunction kGeneratorFunctions[] = {
    synthgen_synth_generate_users,      synthgen_synth_generate_merchants,
    synthgen_synth_generate_banks,      synthgen_synth_generate_accounts,
    synthgen_synth_generate_cards,      synthgen_synth_generate_transactions,
    synthgen_synth_generate_fraud,      synthgen_synth_generate_graph_nodes,
    synthgen_synth_generate_graph_edges};

bool stream_scans = true;
set_rel_pathlist_hook_type previous_pathlist_hook = nullptr;

// The scan's state: the node first, so that the executor sees a CustomScanState.
struct StreamState {
  CustomScanState scan;
  FmgrInfo function;
  Oid collation;
  List* arguments;  // ExprState of each argument of the call
  int columns;
  MemoryContext query_context;
  // The call: its argument values, evaluated at the first start and again only after a rescan that changed
  // parameters (as the function scan calls its function again only then), in their own memory.
  FunctionCallInfo call;
  MemoryContext arguments_context;
  // What the function keeps of its arguments (card states), and the run's generator and rows; it lives from
  // the call until the scan finishes, restarts or ends.
  MemoryContext call_context;
  bool started;   // the generator exists (until finished)
  bool finished;  // every row has been returned
  bool seed_kept;
  std::int64_t kept_seed;
  BatchRun run;
  // The current batch's rows, `columns` values and null flags each, in memory of query_context; the
  // by-reference values point into the run's row memory.
  Datum* values;
  bool* nulls;
  std::size_t rows;
  std::size_t capacity;
  std::size_t next_row;
};

// --- Planning ---

bool IsGeneratorFunction(Oid function_id) {
  HeapTuple tuple = SearchSysCache1(PROCOID, ObjectIdGetDatum(function_id));
  if (!HeapTupleIsValid(tuple)) return false;
  const auto* procedure = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tuple));
  const bool candidate = procedure->prolang == ClanguageId && procedure->proretset;
  ReleaseSysCache(tuple);
  if (!candidate) return false;
  FmgrInfo info;
  fmgr_info(function_id, &info);
  for (PGFunction generator : kGeneratorFunctions) {
    if (info.fn_addr == generator) return true;
  }
  return false;
}

bool HasRowMark(PlannerInfo* root, Index rti) {
  ListCell* cell;
  foreach (cell, root->rowMarks) {
    if (lfirst_node(PlanRowMark, cell)->rti == rti) return true;
  }
  return false;
}

bool NeedsWholeRow(RelOptInfo* rel) {
  Bitmapset* attributes = nullptr;
  pull_varattnos(reinterpret_cast<Node*>(rel->reltarget->exprs), rel->relid, &attributes);
  ListCell* cell;
  foreach (cell, rel->baserestrictinfo) {
    pull_varattnos(reinterpret_cast<Node*>(lfirst_node(RestrictInfo, cell)->clause), rel->relid, &attributes);
  }
  return bms_is_member(InvalidAttrNumber - FirstLowInvalidHeapAttributeNumber, attributes);
}

Path* FunctionScanPath(RelOptInfo* rel) {
  ListCell* cell;
  foreach (cell, rel->pathlist) {
    auto* path = static_cast<Path*>(lfirst(cell));
    if (path->pathtype == T_FunctionScan && path->param_info == nullptr) return path;
  }
  return nullptr;
}

// The scan tuple: every column of the function's result, as Vars of the function's relation; NIL if the
// result is not a row type.
List* ResultColumns(Index relid, Node* call) {
  Oid result_type;
  TupleDesc result;
  if (get_expr_result_type(call, &result_type, &result) != TYPEFUNC_COMPOSITE) return NIL;
  List* columns = NIL;
  for (int i = 0; i < result->natts; ++i) {
    const Form_pg_attribute column = TupleDescAttr(result, i);
    Var* var = makeVar(relid, static_cast<AttrNumber>(i + 1), column->atttypid, column->atttypmod,
                       column->attcollation, 0);
    columns = lappend(columns, makeTargetEntry(reinterpret_cast<Expr*>(var), static_cast<AttrNumber>(i + 1),
                                               pstrdup(NameStr(column->attname)), false));
  }
  return columns;
}

Plan* PlanStream(PlannerInfo* root, RelOptInfo* rel, CustomPath* best_path, List* tlist, List* clauses,
                 List* custom_plans);

const CustomPathMethods kPathMethods = {kScanName, PlanStream, nullptr};

// Replaces the function scan of a generator function by the streaming scan, at the function scan's cost (the
// planner does not model a tuple store's cost, so the stream's saving does not show in the plan).
void AddStreamPath(PlannerInfo* root, RelOptInfo* rel, Index rti, RangeTblEntry* rte) {
  if (previous_pathlist_hook != nullptr) previous_pathlist_hook(root, rel, rti, rte);
  if (!stream_scans || rte->rtekind != RTE_FUNCTION || rte->funcordinality ||
      list_length(rte->functions) != 1) {
    return;
  }
  if (!IS_SIMPLE_REL(rel) || !bms_is_empty(rel->lateral_relids)) return;
  Node* call = linitial_node(RangeTblFunction, rte->functions)->funcexpr;
  if (!IsA(call, FuncExpr) || !IsGeneratorFunction(reinterpret_cast<FuncExpr*>(call)->funcid)) return;
  if (HasRowMark(root, rti) || NeedsWholeRow(rel)) return;
  Path* function_scan = FunctionScanPath(rel);
  List* columns = ResultColumns(rel->relid, call);
  if (function_scan == nullptr || columns == NIL) return;

  CustomPath* path = makeNode(CustomPath);
  path->path.pathtype = T_CustomScan;
  path->path.parent = rel;
  path->path.pathtarget = rel->reltarget;
  path->path.parallel_safe = function_scan->parallel_safe;
  path->path.rows = function_scan->rows;
  path->path.startup_cost = function_scan->startup_cost;
  path->path.total_cost = function_scan->total_cost;
  path->flags = CUSTOMPATH_SUPPORT_PROJECTION;
  path->custom_private = columns;
  path->methods = &kPathMethods;
  List* others = NIL;  // paths another planner hook may have added
  ListCell* cell;
  foreach (cell, rel->pathlist) {
    if (static_cast<Path*>(lfirst(cell))->pathtype != T_FunctionScan) others = lappend(others, lfirst(cell));
  }
  rel->pathlist = others;
  add_path(rel, &path->path);
}

Node* CreateStreamState(CustomScan* plan);

const CustomScanMethods kScanMethods = {kScanName, CreateStreamState};

Plan* PlanStream(PlannerInfo* root, RelOptInfo* rel, CustomPath* best_path, List* tlist, List* clauses,
                 List* /*custom_plans*/) {
  Node* call = linitial_node(RangeTblFunction, planner_rt_fetch(rel->relid, root)->functions)->funcexpr;
  CustomScan* scan = makeNode(CustomScan);
  scan->scan.plan.targetlist = tlist;
  scan->scan.plan.qual = extract_actual_clauses(clauses, false);
  scan->scan.scanrelid = 0;  // not a table: the scan tuple is custom_scan_tlist
  scan->flags = best_path->flags;
  scan->custom_exprs = list_make1(copyObjectImpl(call));
  scan->custom_scan_tlist = best_path->custom_private;
  scan->methods = &kScanMethods;
  return &scan->scan.plan;
}

// --- Execution ---

void BeginStream(CustomScanState* node, EState* estate, int eflags);
TupleTableSlot* ExecStream(CustomScanState* node);
void EndStream(CustomScanState* node);
void RescanStream(CustomScanState* node);
void ExplainStream(CustomScanState* node, List* ancestors, ExplainState* es);

const CustomExecMethods kExecMethods = {kScanName, BeginStream, ExecStream,   EndStream, RescanStream,
                                        nullptr,   nullptr,     nullptr,      nullptr,   nullptr,
                                        nullptr,   nullptr,     ExplainStream};

Node* CreateStreamState(CustomScan* /*plan*/) {
  auto* state = reinterpret_cast<StreamState*>(newNode(sizeof(StreamState), T_CustomScanState));
  state->scan.methods = &kExecMethods;
  return reinterpret_cast<Node*>(state);
}

FuncExpr* StreamedCall(CustomScanState* node) {
  return linitial_node(FuncExpr, reinterpret_cast<CustomScan*>(node->ss.ps.plan)->custom_exprs);
}

void BeginStream(CustomScanState* node, EState* /*estate*/, int /*eflags*/) {
  auto* state = reinterpret_cast<StreamState*>(node);
  FuncExpr* call = StreamedCall(node);
  state->query_context = CurrentMemoryContext;
  fmgr_info(call->funcid, &state->function);
  fmgr_info_set_expr(reinterpret_cast<Node*>(call), &state->function);
  state->collation = call->inputcollid;
  state->arguments = ExecInitExprList(call->args, &node->ss.ps);
  state->columns = node->ss.ss_ScanTupleSlot->tts_tupleDescriptor->natts;
}

void EvaluateArguments(StreamState* state) {
  ExprContext* econtext = state->scan.ss.ps.ps_ExprContext;
  const int count = list_length(state->arguments);
  if (state->arguments_context == nullptr) {
    state->arguments_context =
        AllocSetContextCreate(state->query_context, "synthgen stream arguments", ALLOCSET_SMALL_SIZES);
  }
  MemoryContextReset(state->arguments_context);
  MemoryContext previous = MemoryContextSwitchTo(state->arguments_context);
  state->call = static_cast<FunctionCallInfo>(palloc0(SizeForFunctionCallInfo(count)));
  InitFunctionCallInfoData(*state->call, &state->function, count, state->collation,
                           reinterpret_cast<Node*>(state), nullptr);
  int i = 0;
  ListCell* cell;
  foreach (cell, state->arguments) {
    state->call->args[i].value =
        ExecEvalExpr(static_cast<ExprState*>(lfirst(cell)), econtext, &state->call->args[i].isnull);
    ++i;
  }
  MemoryContextSwitchTo(previous);
}

// Calls the function with this scan as its context: MaterializeBatches then starts the generator through
// StartStreamingScan.
void Start(StreamState* state) {
  if (state->call == nullptr) EvaluateArguments(state);
  state->call_context =
      AllocSetContextCreate(state->query_context, "synthgen stream call", ALLOCSET_DEFAULT_SIZES);
  MemoryContext previous = MemoryContextSwitchTo(state->call_context);
  state->call->isnull = false;
  FunctionCallInvoke(state->call);
  MemoryContextSwitchTo(previous);
  if (!state->started) {
    ereport(ERROR, (errcode(ERRCODE_INTERNAL_ERROR),
                    errmsg("synthgen internal error: function %s did not start a stream",
                           get_func_name(state->function.fn_oid))));
  }
}

void PutIntoBuffer(void* target, const std::uintptr_t* values, const bool* nulls) {
  auto* state = static_cast<StreamState*>(target);
  const auto columns = static_cast<std::size_t>(state->columns);
  if (state->rows == state->capacity) {
    const std::size_t capacity = state->capacity == 0 ? 1024 : 2 * state->capacity;
    if (state->values == nullptr) {
      state->values =
          static_cast<Datum*>(MemoryContextAlloc(state->query_context, capacity * columns * sizeof(Datum)));
      state->nulls =
          static_cast<bool*>(MemoryContextAlloc(state->query_context, capacity * columns * sizeof(bool)));
    } else {
      state->values = static_cast<Datum*>(repalloc(state->values, capacity * columns * sizeof(Datum)));
      state->nulls = static_cast<bool*>(repalloc(state->nulls, capacity * columns * sizeof(bool)));
    }
    state->capacity = capacity;
  }
  std::memcpy(state->values + state->rows * columns, values, columns * sizeof(Datum));
  std::memcpy(state->nulls + state->rows * columns, nulls, columns * sizeof(bool));
  ++state->rows;
}

// Destroys the generator and frees the call's memory.
void Finish(StreamState* state) {
  if (state->started && !state->finished) FinishBatchRun(state->run);
  if (state->call_context != nullptr) MemoryContextDelete(state->call_context);
  state->call_context = nullptr;
  state->finished = true;
}

TupleTableSlot* NextRow(ScanState* node) {
  auto* state = reinterpret_cast<StreamState*>(node);
  TupleTableSlot* slot = node->ss_ScanTupleSlot;
  ExecClearTuple(slot);
  while (state->next_row == state->rows) {
    if (state->finished) return slot;
    if (!state->started) Start(state);
    state->rows = 0;
    state->next_row = 0;
    if (!EmitNextBatch(state->run, RowSink{&PutIntoBuffer, state}, nullptr)) Finish(state);
  }
  const std::size_t offset = state->next_row++ * static_cast<std::size_t>(state->columns);
  std::memcpy(slot->tts_values, state->values + offset, state->columns * sizeof(Datum));
  std::memcpy(slot->tts_isnull, state->nulls + offset, state->columns * sizeof(bool));
  return ExecStoreVirtualTuple(slot);
}

// Every qualifier is in the plan's qual, which ExecScan checks; there is nothing else to recheck.
bool RecheckRow(ScanState* /*node*/, TupleTableSlot* /*slot*/) { return true; }

TupleTableSlot* ExecStream(CustomScanState* node) { return ExecScan(&node->ss, NextRow, RecheckRow); }

void Stop(StreamState* state) {
  Finish(state);
  state->started = false;
  state->finished = false;
  state->rows = 0;
  state->next_row = 0;
}

void EndStream(CustomScanState* node) { Stop(reinterpret_cast<StreamState*>(node)); }

// Starts again on the next row asked for, from the same argument values; after a change of parameters the
// arguments are evaluated again and a NULL seed is drawn anew, as the function scan calls its function again.
void RescanStream(CustomScanState* node) {
  auto* state = reinterpret_cast<StreamState*>(node);
  Stop(state);
  if (node->ss.ps.chgParam != nullptr) {
    state->call = nullptr;
    state->seed_kept = false;
  }
  ExecScanReScan(&node->ss);
}

void ExplainStream(CustomScanState* node, List* ancestors, ExplainState* es) {
  FuncExpr* call = StreamedCall(node);
  if (es->verbose) {
    List* context = set_deparse_context_plan(es->deparse_cxt, node->ss.ps.plan, ancestors);
    ExplainPropertyText("Function Call",
                        deparse_expression(reinterpret_cast<Node*>(call), context, true, false), es);
  } else {
    ExplainPropertyText("Function", get_func_name(call->funcid), es);
  }
}

StreamState* CallingScan(const FunctionCallInfoBaseData* fcinfo) {
  return reinterpret_cast<StreamState*>(fcinfo->context);
}

}  // namespace

void DefineStreamingScan() {
  DefineCustomBoolVariable(
      "synthgen.stream_scans",
      "Plans scans of synthgen's generator functions as streaming scans (SynthgenStream).",
      "Off plans them as function scans, which materialise every row in a tuple store first.", &stream_scans,
      true, PGC_USERSET, 0, nullptr, nullptr, nullptr);
  RegisterCustomScanMethods(&kScanMethods);
  previous_pathlist_hook = set_rel_pathlist_hook;
  set_rel_pathlist_hook = AddStreamPath;
}

bool IsStreamingScanCall(const FunctionCallInfoBaseData* fcinfo) {
  const Node* context = fcinfo->context;
  return context != nullptr && IsA(context, CustomScanState) &&
         reinterpret_cast<const CustomScanState*>(context)->methods == &kExecMethods;
}

int StreamingScanColumns(const FunctionCallInfoBaseData* fcinfo) { return CallingScan(fcinfo)->columns; }

void StartStreamingScan(FunctionCallInfoBaseData* fcinfo, const BatchGenerator& calls, const void* options,
                        bool seed_drawn, std::uint64_t seed) {
  StreamState* state = CallingScan(fcinfo);
  // The run's memory goes under the call's (the current context), freed when the scan finishes or restarts.
  StartBatchRun(state->run, calls, options, seed_drawn && !state->seed_kept, seed, 0);
  if (seed_drawn) {
    state->seed_kept = true;
    state->kept_seed = static_cast<std::int64_t>(seed);
  }
  state->started = true;
}

bool KeptStreamingSeed(const FunctionCallInfoBaseData* fcinfo, std::int64_t& seed) {
  if (!IsStreamingScanCall(fcinfo) || !CallingScan(fcinfo)->seed_kept) return false;
  seed = CallingScan(fcinfo)->kept_seed;
  return true;
}

}  // namespace synthgen::pg
