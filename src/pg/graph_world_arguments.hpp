// Reading the graph world's SQL arguments into GraphWorldOptions (no PostgreSQL header here). The SQL
// signature is (n, seed, simulation_date, device_rings, ip_clusters, kiting_cycles, kiting_cycle_length,
// first_user, world_size), shared by synth_generate_graph_nodes and synth_generate_graph_edges, and by
// synth_insert_graph_nodes and synth_insert_graph_edges after their target.
#pragma once

#include "core/graph_options.hpp"

struct FunctionCallInfoBaseData;
struct Node;

namespace synthgen::pg {

// Reads the arguments, from argument `base` on, raising 22004 for a NULL that is not allowed; range checks are
// left to GraphWorldOptions::Validate(). Returns true if a NULL seed drew a random one (to report once validated).
bool ReadGraphWorldArguments(FunctionCallInfoBaseData* fcinfo, int base, GraphWorldOptions& options);

// For the planner: fills what it can from constant arguments; false if n is not a constant.
bool EstimateGraphWorldArguments(Node* call, GraphWorldOptions& options) noexcept;

}  // namespace synthgen::pg
