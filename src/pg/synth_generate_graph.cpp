// synth_generate_graph_nodes() and synth_generate_graph_edges(): the graph world as two materialising
// set-returning functions over one generator (each call generates the same world and keeps its own half),
// with planner support functions; synth_insert_graph_nodes() and synth_insert_graph_edges(): the same rows
// loaded straight into a table through the bulk path (bulk_insert.hpp). PostgreSQL APIs: fmgr, text, numeric, inet and
// timestamptz builders (row_values.hpp). Safety: the generator's lifetime, bridge calls and interrupt checks are
// BatchRun's (batch_run.hpp); the row building here holds only trivially destructible locals.
#include <cstring>
#include <string_view>

#include "core/graph_world_generator.hpp"
#include "pg/argument_checks.hpp"
#include "pg/bulk_insert.hpp"
#include "pg/graph_world_arguments.hpp"
#include "pg/materialized_srf.hpp"

extern "C" {
#include "postgres.h"
#include "fmgr.h"
#include "funcapi.h"
#include "catalog/pg_type.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(synthgen_synth_generate_graph_nodes);
PG_FUNCTION_INFO_V1(synthgen_synth_generate_graph_edges);
PG_FUNCTION_INFO_V1(synthgen_synth_generate_graph_nodes_support);
PG_FUNCTION_INFO_V1(synthgen_synth_generate_graph_edges_support);
PG_FUNCTION_INFO_V1(synthgen_synth_insert_graph_nodes);
PG_FUNCTION_INFO_V1(synthgen_synth_insert_graph_edges);
}

#include "pg/row_values.hpp"

namespace synthgen::pg {
namespace {

enum NodeColumn {
  kNodeId,
  kNodeType,
  kName,
  kEmail,
  kPhone,
  kFingerprint,
  kDeviceType,
  kOs,
  kUserAgent,
  kAccountNumber,
  kAccountType,
  kBalance,
  kIpAddress,
  kIsVpn,
  kCountry,
  kNodePattern,
  kNodeStructureId,
  kNodeColumnCount
};
enum EdgeColumn {
  kEdgeType,
  kSourceId,
  kTargetId,
  kCreatedAt,
  kAccessCount,
  kSessionCount,
  kAmount,
  kHopNumber,
  kEdgePattern,
  kEdgeStructureId,
  kEdgeColumnCount
};
enum class Half { kNodes, kEdges };

// --- PostgreSQL side: plain C data only ---

void SetPattern(GraphPattern pattern, std::int64_t structure_id, int pattern_column, int structure_column,
                Datum* values, bool* nulls) {
  SetOptionalText(GraphPatternName(pattern), pattern_column, values, nulls);
  nulls[structure_column] = structure_id == kNoStructure;
  if (!nulls[structure_column]) values[structure_column] = Int64GetDatum(structure_id);
}

void FillNode(const GraphNode& node, Datum* values, bool* nulls) {
  std::memset(nulls, 1, sizeof(bool) * kNodeColumnCount);
  nulls[kNodeId] = nulls[kNodeType] = false;
  values[kNodeId] = TextDatum(node.id);
  values[kNodeType] = TextDatum(NodeKindName(node.kind));
  switch (node.kind) {
    case NodeKind::kUser:
      SetOptionalText(node.name, kName, values, nulls);
      SetOptionalText(node.email, kEmail, values, nulls);
      SetOptionalText(node.phone, kPhone, values, nulls);
      break;
    case NodeKind::kDevice:
      SetOptionalText(node.fingerprint, kFingerprint, values, nulls);
      SetOptionalText(DeviceTypeName(node.device_type), kDeviceType, values, nulls);
      SetOptionalText(OperatingSystemName(node.os), kOs, values, nulls);
      SetOptionalText(node.user_agent, kUserAgent, values, nulls);
      break;
    case NodeKind::kAccount:
      SetOptionalText(node.account_number, kAccountNumber, values, nulls);
      SetOptionalText(AccountTypeName(node.account_type), kAccountType, values, nulls);
      nulls[kBalance] = false;
      values[kBalance] = ScaledNumericDatum(node.balance_cents, 2);
      break;
    case NodeKind::kIpAddress:
      nulls[kIpAddress] = nulls[kIsVpn] = false;
      values[kIpAddress] = Ipv4Datum(node.ip_address);
      values[kIsVpn] = BoolGetDatum(node.is_vpn);
      SetOptionalText(node.country, kCountry, values, nulls);
      break;
  }
  SetPattern(node.pattern, node.structure_id, kNodePattern, kNodeStructureId, values, nulls);
}

void FillEdge(const GraphEdge& edge, Datum* values, bool* nulls) {
  std::memset(nulls, 1, sizeof(bool) * kEdgeColumnCount);
  nulls[kEdgeType] = nulls[kSourceId] = nulls[kTargetId] = nulls[kCreatedAt] = false;
  values[kEdgeType] = TextDatum(EdgeKindName(edge.kind));
  values[kSourceId] = TextDatum(edge.source_id);
  values[kTargetId] = TextDatum(edge.target_id);
  values[kCreatedAt] = InstantDatum(edge.created_at);
  if (edge.kind == EdgeKind::kUsesDevice || edge.kind == EdgeKind::kUsesIp) {
    const int column = edge.kind == EdgeKind::kUsesDevice ? kAccessCount : kSessionCount;
    nulls[column] = false;
    values[column] = Int32GetDatum(edge.count);
  }
  if (edge.kind == EdgeKind::kTransfersTo) {
    nulls[kAmount] = nulls[kHopNumber] = false;
    values[kAmount] = ScaledNumericDatum(edge.amount_cents, 2);
    values[kHopNumber] = Int32GetDatum(edge.hop_number);
  }
  SetPattern(edge.pattern, edge.structure_id, kEdgePattern, kEdgeStructureId, values, nulls);
}

std::size_t EmitNodes(const void* source, const RowSink& sink) {
  const auto* generator = static_cast<const GraphWorldGenerator*>(source);
  Datum values[kNodeColumnCount];
  bool nulls[kNodeColumnCount];
  for (std::size_t i = 0; i < generator->node_count(); ++i) {
    FillNode(generator->nodes()[i], values, nulls);
    sink.put(sink.target, values, nulls);
  }
  return generator->node_count();
}

std::size_t EmitEdges(const void* source, const RowSink& sink) {
  const auto* generator = static_cast<const GraphWorldGenerator*>(source);
  Datum values[kEdgeColumnCount];
  bool nulls[kEdgeColumnCount];
  for (std::size_t i = 0; i < generator->edge_count(); ++i) {
    FillEdge(generator->edges()[i], values, nulls);
    sink.put(sink.target, values, nulls);
  }
  return generator->edge_count();
}

// The columns' names and types, for the bulk path, with the bounds every value keeps: ids, names, emails and
// phones are NUL-terminated in their fixed fields, kind and pattern names are at most kMaxGraphNameLength long,
// balances and amounts fit numeric(7,2).
constexpr int VarcharFieldTypmod(std::size_t field_size) { return VarcharTypmod(static_cast<int>(field_size) - 1); }
constexpr int kIdTypmod = VarcharFieldTypmod(sizeof(GraphNode::id));
constexpr int kGraphNameTypmod = VarcharTypmod(static_cast<int>(kMaxGraphNameLength));
constexpr int kCentsTypmod = NumericTypmod(7, 2);
static_assert(sizeof(GraphEdge::source_id) == sizeof(GraphNode::id) && sizeof(GraphEdge::target_id) == sizeof(GraphNode::id));
static_assert(kMaxGraphBalanceCents <= 9'999'999 && kMaxGraphTransferCents <= 9'999'999);
constexpr GeneratorColumn kNodeColumns[kNodeColumnCount] = {
    {"node_id", VARCHAROID, kIdTypmod},
    {"node_type", VARCHAROID, kGraphNameTypmod},
    {"name", VARCHAROID, VarcharFieldTypmod(sizeof(GraphNode::name))},
    {"email", VARCHAROID, VarcharFieldTypmod(sizeof(GraphNode::email))},
    {"phone", VARCHAROID, VarcharFieldTypmod(sizeof(GraphNode::phone))},
    {"fingerprint", VARCHAROID, VarcharFieldTypmod(sizeof(GraphNode::fingerprint))},
    {"device_type", VARCHAROID, kGraphNameTypmod},
    {"os", VARCHAROID, kGraphNameTypmod},
    {"user_agent", TEXTOID},
    {"account_number", VARCHAROID, VarcharFieldTypmod(sizeof(GraphNode::account_number))},
    {"account_type", VARCHAROID, kGraphNameTypmod},
    {"balance", NUMERICOID, kCentsTypmod},
    {"ip_address", INETOID},
    {"is_vpn", BOOLOID},
    {"country", VARCHAROID, VarcharFieldTypmod(sizeof(GraphNode::country))},
    {"pattern", VARCHAROID, kGraphNameTypmod},
    {"structure_id", INT8OID}};
constexpr GeneratorColumn kEdgeColumns[kEdgeColumnCount] = {
    {"edge_type", VARCHAROID, kGraphNameTypmod},
    {"source_id", VARCHAROID, kIdTypmod},
    {"target_id", VARCHAROID, kIdTypmod},
    {"created_at", TIMESTAMPTZOID},
    {"access_count", INT4OID},
    {"session_count", INT4OID},
    {"amount", NUMERICOID, kCentsTypmod},
    {"hop_number", INT4OID},
    {"pattern", VARCHAROID, kGraphNameTypmod},
    {"structure_id", INT8OID}};

using Bridge = GeneratorBridge<GraphWorldGenerator, GraphWorldOptions>;
constexpr BatchGenerator kGraphNodes = {&Bridge::Create, &Bridge::NextBatch, &Bridge::Destroy, &EmitNodes};
constexpr BatchGenerator kGraphEdges = {&Bridge::Create, &Bridge::NextBatch, &Bridge::Destroy, &EmitEdges};

Datum GenerateHalf(FunctionCallInfo fcinfo, Half half) {
  GraphWorldOptions options;
  const bool seed_drawn = ReadGraphWorldArguments(fcinfo, 0, options);
  if (half == Half::kNodes) {
    MaterializeBatches(fcinfo, kNodeColumnCount, kGraphNodes, &options, seed_drawn, options.seed);
  } else {
    MaterializeBatches(fcinfo, kEdgeColumnCount, kGraphEdges, &options, seed_drawn, options.seed);
  }
  return static_cast<Datum>(0);
}

Datum InsertHalf(FunctionCallInfo fcinfo, Half half) {
  RequireArgument(fcinfo, 0, "target");
  const Oid target = PG_GETARG_OID(0);
  GraphWorldOptions options;
  const bool seed_drawn = ReadGraphWorldArguments(fcinfo, 1, options);
  const std::uint64_t written =
      half == Half::kNodes
          ? InsertBatches(&target, 1, kNodeColumns, kNodeColumnCount, kGraphNodes, &options, seed_drawn, options.seed)
          : InsertBatches(&target, 1, kEdgeColumns, kEdgeColumnCount, kGraphEdges, &options, seed_drawn, options.seed);
  PG_RETURN_INT64(static_cast<int64>(written));
}

Datum EstimateRows(FunctionCallInfo fcinfo, Half half) {
  Node* request = reinterpret_cast<Node*>(PG_GETARG_POINTER(0));
  if (!IsA(request, SupportRequestRows)) PG_RETURN_POINTER(nullptr);
  auto* rows_request = reinterpret_cast<SupportRequestRows*>(request);
  GraphWorldOptions options;
  if (!EstimateGraphWorldArguments(rows_request->node, options)) PG_RETURN_POINTER(nullptr);
  rows_request->rows = clamp_row_est(half == Half::kNodes ? GraphWorldGenerator::ExpectedNodeCount(options)
                                                          : GraphWorldGenerator::ExpectedEdgeCount(options));
  PG_RETURN_POINTER(rows_request);
}

}  // namespace
}  // namespace synthgen::pg

using synthgen::pg::Half;

extern "C" PGDLLEXPORT Datum synthgen_synth_generate_graph_nodes(PG_FUNCTION_ARGS) {
  return synthgen::pg::GenerateHalf(fcinfo, Half::kNodes);
}
extern "C" PGDLLEXPORT Datum synthgen_synth_generate_graph_edges(PG_FUNCTION_ARGS) {
  return synthgen::pg::GenerateHalf(fcinfo, Half::kEdges);
}
extern "C" PGDLLEXPORT Datum synthgen_synth_insert_graph_nodes(PG_FUNCTION_ARGS) {
  return synthgen::pg::InsertHalf(fcinfo, Half::kNodes);
}
extern "C" PGDLLEXPORT Datum synthgen_synth_insert_graph_edges(PG_FUNCTION_ARGS) {
  return synthgen::pg::InsertHalf(fcinfo, Half::kEdges);
}
extern "C" PGDLLEXPORT Datum synthgen_synth_generate_graph_nodes_support(PG_FUNCTION_ARGS) {
  return synthgen::pg::EstimateRows(fcinfo, Half::kNodes);
}
extern "C" PGDLLEXPORT Datum synthgen_synth_generate_graph_edges_support(PG_FUNCTION_ARGS) {
  return synthgen::pg::EstimateRows(fcinfo, Half::kEdges);
}
