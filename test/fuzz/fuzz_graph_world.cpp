// libFuzzer target: synth_generate_graph_nodes / _edges' arguments (n, seed, simulation_date, device_rings,
// ip_clusters, kiting_cycles, kiting_cycle_length, first_user, world_size) read as graph_world_arguments.cpp
// reads them, through GraphWorldOptions::Validate and GraphStructures' fit check and, when accepted, the
// first users of the chunk (at most kCheckedUsers, the world unchanged) checked against
// graph_world_generator.hpp and graph_structures.hpp: per-user item layout, ids, field ranges, instants,
// structure membership and flags, and chunk invariance. Worlds of more than kGeneratedStructures structures
// are validated only (laying them out is linear in their members).
#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/graph_items.hpp"
#include "core/graph_options.hpp"
#include "core/graph_structures.hpp"
#include "core/graph_world_generator.hpp"
#include "core/identity.hpp"
#include "fuzz_input.hpp"

namespace synthgen::fuzz {
namespace {

constexpr std::string_view kParameters[] = {
    "n",           "seed",          "simulation_date",     "device_rings",
    "ip_clusters", "kiting_cycles", "kiting_cycle_length", "first_user",
    "world_size"};

constexpr std::int64_t kCheckedUsers = 12;
constexpr std::int64_t kGeneratedStructures = 512;
constexpr std::size_t kCheckedCycles = 16;  // kiting cycles whose hops are checked (Hop is linear in the hop)
constexpr Instant kDay = kMicrosPerDay;

struct Items {
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
};

Items Generate(const GraphWorldOptions& options) {
  GraphWorldGenerator generator(options);
  Items items;
  while (const std::size_t n = generator.NextBatch()) {
    SYNTHGEN_FUZZ_REQUIRE(n == generator.node_count() + generator.edge_count());
    SYNTHGEN_FUZZ_REQUIRE(n <= GraphWorldGenerator::kBatchItems);
    items.nodes.insert(items.nodes.end(), generator.nodes(), generator.nodes() + generator.node_count());
    items.edges.insert(items.edges.end(), generator.edges(), generator.edges() + generator.edge_count());
  }
  return items;
}

bool IsHex(std::string_view text, std::size_t length) {
  return text.size() == length && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool IsGraphId(const char* id, std::string_view prefix) {
  const std::string_view text(id);
  return text.substr(0, prefix.size()) == prefix && IsHex(text.substr(prefix.size()), 12);
}

bool IsReserved(std::uint32_t a) {
  const std::uint32_t first = a >> 24;
  return first == 0 || first == 10 || first == 127 || first >= 224 || (a >> 16) == 0xa9fe ||
         (a >> 20) == 0xac1 || (a >> 16) == 0xc0a8;
}

void CheckNode(const GraphNode& node) {
  switch (node.kind) {
    case NodeKind::kUser:
      SYNTHGEN_FUZZ_REQUIRE(IsGraphId(node.id, "user_") && node.name[0] != '\0' && node.email[0] != '\0');
      SYNTHGEN_FUZZ_REQUIRE(node.ip_address == 0 && node.balance_cents == 0 && node.fingerprint[0] == '\0');
      break;
    case NodeKind::kDevice:
      SYNTHGEN_FUZZ_REQUIRE(IsGraphId(node.id, "dev_") && IsHex(node.fingerprint, 32));
      SYNTHGEN_FUZZ_REQUIRE(static_cast<std::size_t>(node.device_type) < kDeviceTypeCount);
      SYNTHGEN_FUZZ_REQUIRE(static_cast<std::size_t>(node.os) < kOperatingSystemCount);
      SYNTHGEN_FUZZ_REQUIRE(std::strncmp(node.user_agent, "Mozilla/5.0 (", 13) == 0);
      SYNTHGEN_FUZZ_REQUIRE(node.name[0] == '\0' && node.ip_address == 0 && node.balance_cents == 0);
      break;
    case NodeKind::kAccount: {
      const std::string_view number(node.account_number);
      SYNTHGEN_FUZZ_REQUIRE(IsGraphId(node.id, "acc_") && number.size() >= 10 && number.size() <= 12);
      SYNTHGEN_FUZZ_REQUIRE(number[0] != '0' && std::all_of(number.begin(), number.end(),
                                                            [](char c) { return c >= '0' && c <= '9'; }));
      SYNTHGEN_FUZZ_REQUIRE(static_cast<std::size_t>(node.account_type) < kAccountTypeCount);
      SYNTHGEN_FUZZ_REQUIRE(node.balance_cents >= 10'000 && node.balance_cents <= kMaxGraphBalanceCents);
      SYNTHGEN_FUZZ_REQUIRE(node.fingerprint[0] == '\0' && node.ip_address == 0);
      break;
    }
    case NodeKind::kIpAddress:
      SYNTHGEN_FUZZ_REQUIRE(IsGraphId(node.id, "ip_") && !IsReserved(node.ip_address));
      SYNTHGEN_FUZZ_REQUIRE(std::strlen(node.country) == 2 &&
                            std::isupper(static_cast<unsigned char>(node.country[0])) &&
                            std::isupper(static_cast<unsigned char>(node.country[1])));
      SYNTHGEN_FUZZ_REQUIRE(node.fingerprint[0] == '\0' && node.balance_cents == 0);
      break;
    default:
      Finding("node of an unknown kind", std::to_string(static_cast<int>(node.kind)));
  }
}

void CheckEdge(const GraphEdge& edge, Instant now) {
  SYNTHGEN_FUZZ_REQUIRE(edge.created_at <= now);
  switch (edge.kind) {
    case EdgeKind::kUsesDevice:
      SYNTHGEN_FUZZ_REQUIRE(edge.count >= 1 && edge.count <= 19 && IsGraphId(edge.target_id, "dev_"));
      break;
    case EdgeKind::kUsesIp:
      SYNTHGEN_FUZZ_REQUIRE(edge.count >= 1 && edge.count <= 49 && IsGraphId(edge.target_id, "ip_"));
      break;
    case EdgeKind::kHasAccount:
      SYNTHGEN_FUZZ_REQUIRE(edge.count == 0 && IsGraphId(edge.target_id, "acc_"));
      break;
    case EdgeKind::kTransfersTo:
      SYNTHGEN_FUZZ_REQUIRE(edge.count == 0 && IsGraphId(edge.source_id, "acc_") &&
                            IsGraphId(edge.target_id, "acc_"));
      SYNTHGEN_FUZZ_REQUIRE(edge.amount_cents >= 100'000 && edge.amount_cents <= kMaxGraphTransferCents);
      SYNTHGEN_FUZZ_REQUIRE(edge.hop_number >= 0 && edge.hop_number < kMaxKitingCycleLength);
      SYNTHGEN_FUZZ_REQUIRE(edge.pattern == GraphPattern::kKiting);
      return;
    default:
      Finding("edge of an unknown kind", std::to_string(static_cast<int>(edge.kind)));
  }
  SYNTHGEN_FUZZ_REQUIRE(edge.amount_cents == 0 && edge.hop_number == kNoHop);
}

bool Flagged(GraphPattern pattern, std::int64_t structure_id, const FraudStructure& structure) {
  return pattern == structure.pattern && structure_id == structure.id;
}

// The structures: sizes, windows, hops, and members that are distinct users of the world.
void CheckStructures(const GraphWorldOptions& options, const GraphStructures& structures) {
  const Instant now = options.simulation_date;
  SYNTHGEN_FUZZ_REQUIRE(
      structures.size() ==
      static_cast<std::size_t>(options.device_rings + options.ip_clusters + options.kiting_cycles));
  std::int64_t slots = 0;
  std::size_t checked_cycles = 0;
  std::vector<std::int64_t> members;
  for (std::size_t s = 0; s < structures.size(); ++s) {
    const FraudStructure& structure = structures[s];
    SYNTHGEN_FUZZ_REQUIRE(structure.first_slot == slots);
    slots += structure.size;
    SYNTHGEN_FUZZ_REQUIRE(&structures.Get(structure.pattern, structure.id) == &structure);
    switch (structure.pattern) {
      case GraphPattern::kDeviceSharing:
        SYNTHGEN_FUZZ_REQUIRE(structure.size >= kMinDeviceRingMembers &&
                              structure.size <= kMaxDeviceRingMembers);
        SYNTHGEN_FUZZ_REQUIRE(structure.start >= now - 60 * kDay && structure.start < now - 8 * kDay);
        break;
      case GraphPattern::kIpRecycling:
        SYNTHGEN_FUZZ_REQUIRE(structure.size >= kMinIpClusterMembers &&
                              structure.size <= kMaxIpClusterMembers);
        SYNTHGEN_FUZZ_REQUIRE(structure.start >= now - 60 * kDay && structure.start < now - 8 * kDay);
        break;
      case GraphPattern::kKiting:
        SYNTHGEN_FUZZ_REQUIRE(structure.size == options.kiting_cycle_length);
        if (checked_cycles++ < kCheckedCycles) {
          Instant previous = structure.start;
          for (std::int32_t hop = 0; hop < structure.size; ++hop) {
            const KitingHop step = structures.Hop(structure, hop);
            SYNTHGEN_FUZZ_REQUIRE(hop == 0 ? step.time == structure.start
                                           : step.time - previous >= kMicrosPerHour &&
                                                 step.time - previous <= kDay);
            previous = step.time;
          }
          SYNTHGEN_FUZZ_REQUIRE(previous <= now - kDay);
        }
        break;
      default:
        Finding("structure of an unknown pattern", std::to_string(static_cast<int>(structure.pattern)));
    }
    for (std::int32_t position = 0; position < structure.size; ++position) {
      members.push_back(structures.MemberUser(structure, position));
    }
  }
  SYNTHGEN_FUZZ_REQUIRE(slots == structures.total_slots() && slots <= options.EffectiveWorldSize());
  std::sort(members.begin(), members.end());
  SYNTHGEN_FUZZ_REQUIRE(std::adjacent_find(members.begin(), members.end()) == members.end());
  SYNTHGEN_FUZZ_REQUIRE(members.empty() ||
                        (members.front() >= 0 && members.back() < options.EffectiveWorldSize()));
}

// The users' items, in the documented layout (graph_world_generator.hpp, "Output order").
void CheckItems(const GraphWorldOptions& options, const GraphStructures& structures, const Items& items) {
  const Instant now = options.simulation_date;
  std::size_t n = 0;
  std::size_t e = 0;
  std::set<std::string> ids;
  const auto node = [&](NodeKind kind) -> const GraphNode& {
    SYNTHGEN_FUZZ_REQUIRE(n < items.nodes.size() && items.nodes[n].kind == kind);
    CheckNode(items.nodes[n]);
    SYNTHGEN_FUZZ_REQUIRE(ids.insert(items.nodes[n].id).second);
    return items.nodes[n++];
  };
  const auto edge = [&](EdgeKind kind, const char* source, const char* target) -> const GraphEdge& {
    SYNTHGEN_FUZZ_REQUIRE(e < items.edges.size() && items.edges[e].kind == kind);
    const GraphEdge& item = items.edges[e++];
    CheckEdge(item, now);
    SYNTHGEN_FUZZ_REQUIRE(std::strcmp(item.source_id, source) == 0);
    if (target != nullptr) SYNTHGEN_FUZZ_REQUIRE(std::strcmp(item.target_id, target) == 0);
    return item;
  };
  for (std::int64_t user = options.first_user; user < options.first_user + options.count; ++user) {
    UserIdentity identity;
    MakeIdentity(options.seed, user, identity);
    const GraphNode& user_node = node(NodeKind::kUser);
    SYNTHGEN_FUZZ_REQUIRE(std::strcmp(user_node.id, identity.user_id) == 0 &&
                          std::strcmp(user_node.name, identity.full_name) == 0 &&
                          std::strcmp(user_node.email, identity.email) == 0 &&
                          std::strcmp(user_node.phone, identity.phone) == 0);
    SYNTHGEN_FUZZ_REQUIRE(user_node.pattern == GraphPattern::kNone && user_node.structure_id == kNoStructure);
    // Own devices (1-2), accounts (1-2) and addresses (1-3), unflagged, with an edge each, all within the 30
    // days after a first activity 30-180 days before simulation_date.
    std::vector<std::string> own[3];
    const NodeKind kinds[3] = {NodeKind::kDevice, NodeKind::kAccount, NodeKind::kIpAddress};
    const EdgeKind edge_kinds[3] = {EdgeKind::kUsesDevice, EdgeKind::kHasAccount, EdgeKind::kUsesIp};
    const std::size_t most[3] = {2, 2, 3};
    for (int k = 0; k < 3; ++k) {
      while (n < items.nodes.size() && items.nodes[n].kind == kinds[k] &&
             items.nodes[n].pattern == GraphPattern::kNone && own[k].size() < most[k]) {
        own[k].push_back(node(kinds[k]).id);
      }
      SYNTHGEN_FUZZ_REQUIRE(!own[k].empty());
    }
    for (int k = 0; k < 3; ++k) {
      for (const std::string& target : own[k]) {
        const GraphEdge& item = edge(edge_kinds[k], user_node.id, target.c_str());
        SYNTHGEN_FUZZ_REQUIRE(item.pattern == GraphPattern::kNone && item.structure_id == kNoStructure);
        SYNTHGEN_FUZZ_REQUIRE(item.created_at >= now - 180 * kDay && item.created_at < now);
      }
    }
    const std::optional<StructureMembership> membership = structures.Find(user);
    if (!membership) continue;
    const FraudStructure& structure = *membership->structure;
    SYNTHGEN_FUZZ_REQUIRE(structures.MemberUser(structure, membership->position) == user);
    const auto flagged_node = [&](NodeKind kind) -> const GraphNode& {
      const GraphNode& item = node(kind);
      SYNTHGEN_FUZZ_REQUIRE(Flagged(item.pattern, item.structure_id, structure));
      return item;
    };
    const auto flagged_edge = [&](EdgeKind kind, const char* source, const char* target) -> const GraphEdge& {
      const GraphEdge& item = edge(kind, source, target);
      SYNTHGEN_FUZZ_REQUIRE(Flagged(item.pattern, item.structure_id, structure));
      return item;
    };
    switch (structure.pattern) {
      case GraphPattern::kDeviceSharing:
      case GraphPattern::kIpRecycling: {
        const bool ring = structure.pattern == GraphPattern::kDeviceSharing;
        const Instant window = ring ? GraphStructures::kRingWindow : GraphStructures::kClusterWindow;
        if (membership->position == 0) {
          const GraphNode& shared = flagged_node(ring ? NodeKind::kDevice : NodeKind::kIpAddress);
          if (!ring) SYNTHGEN_FUZZ_REQUIRE(shared.is_vpn);
        }
        const GraphNode& extra = flagged_node(ring ? NodeKind::kAccount : NodeKind::kDevice);
        const GraphEdge& uses =
            flagged_edge(ring ? EdgeKind::kUsesDevice : EdgeKind::kUsesIp, user_node.id, nullptr);
        const GraphEdge& owns =
            flagged_edge(ring ? EdgeKind::kHasAccount : EdgeKind::kUsesDevice, user_node.id, extra.id);
        for (const GraphEdge* item : {&uses, &owns}) {
          SYNTHGEN_FUZZ_REQUIRE(item->created_at >= structure.start &&
                                item->created_at < structure.start + window);
        }
        break;
      }
      case GraphPattern::kKiting: {
        const GraphNode& account = flagged_node(NodeKind::kAccount);
        const GraphEdge& owns = flagged_edge(EdgeKind::kHasAccount, user_node.id, account.id);
        SYNTHGEN_FUZZ_REQUIRE(owns.created_at >= structure.start - 30 * kDay &&
                              owns.created_at < structure.start - kDay);
        const GraphEdge& transfer = flagged_edge(EdgeKind::kTransfersTo, account.id, nullptr);
        const KitingHop hop = structures.Hop(structure, membership->position);
        SYNTHGEN_FUZZ_REQUIRE(transfer.hop_number == membership->position &&
                              transfer.created_at == hop.time && transfer.amount_cents == hop.amount_cents);
        SYNTHGEN_FUZZ_REQUIRE(std::strcmp(transfer.target_id, account.id) != 0);
        break;
      }
      default:
        Finding("membership of an unknown pattern", std::to_string(static_cast<int>(structure.pattern)));
    }
  }
  SYNTHGEN_FUZZ_REQUIRE(n == items.nodes.size() && e == items.edges.size());
}

bool SameNode(const GraphNode& a, const GraphNode& b) {
  return a.kind == b.kind && std::strcmp(a.id, b.id) == 0 && std::strcmp(a.name, b.name) == 0 &&
         std::strcmp(a.fingerprint, b.fingerprint) == 0 && std::strcmp(a.user_agent, b.user_agent) == 0 &&
         std::strcmp(a.account_number, b.account_number) == 0 && a.balance_cents == b.balance_cents &&
         a.ip_address == b.ip_address && a.is_vpn == b.is_vpn && std::strcmp(a.country, b.country) == 0 &&
         a.pattern == b.pattern && a.structure_id == b.structure_id;
}

bool SameEdge(const GraphEdge& a, const GraphEdge& b) {
  return a.kind == b.kind && std::strcmp(a.source_id, b.source_id) == 0 &&
         std::strcmp(a.target_id, b.target_id) == 0 && a.created_at == b.created_at && a.count == b.count &&
         a.amount_cents == b.amount_cents && a.hop_number == b.hop_number && a.pattern == b.pattern &&
         a.structure_id == b.structure_id;
}

void CheckAcceptedOptions(const GraphWorldOptions& options, std::uint8_t split_choice) {
  SYNTHGEN_FUZZ_REQUIRE(GraphWorldGenerator::ExpectedNodeCount(options) >= 0.0);
  SYNTHGEN_FUZZ_REQUIRE(GraphWorldGenerator::ExpectedEdgeCount(options) >= 0.0);
  if (options.device_rings + options.ip_clusters + options.kiting_cycles > kGeneratedStructures) return;
  GraphWorldOptions chunk = options;
  chunk.world_size = options.EffectiveWorldSize();
  chunk.count = std::min(options.count, kCheckedUsers);
  const GraphStructures structures(chunk);  // may refuse drawn structures that do not fit in the world
  CheckStructures(chunk, structures);
  const Items items = Generate(chunk);
  CheckItems(chunk, structures, items);

  // Chunk invariance: [first, first + k) then [first + k, first + count) give the same items.
  if (chunk.count < 2) return;
  const auto [head, tail] = SplitChunk(chunk, split_choice);
  Items parts = Generate(head);
  const Items rest = Generate(tail);
  parts.nodes.insert(parts.nodes.end(), rest.nodes.begin(), rest.nodes.end());
  parts.edges.insert(parts.edges.end(), rest.edges.begin(), rest.edges.end());
  SYNTHGEN_FUZZ_REQUIRE(parts.nodes.size() == items.nodes.size() && parts.edges.size() == items.edges.size());
  for (std::size_t i = 0; i < parts.nodes.size(); ++i)
    SYNTHGEN_FUZZ_REQUIRE(SameNode(parts.nodes[i], items.nodes[i]));
  for (std::size_t i = 0; i < parts.edges.size(); ++i)
    SYNTHGEN_FUZZ_REQUIRE(SameEdge(parts.edges[i], items.edges[i]));
}

}  // namespace
}  // namespace synthgen::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace synthgen;
  using namespace synthgen::fuzz;
  FuzzInput input(data, size);
  GraphWorldOptions options;
  options.count = input.Bigint(10);
  options.seed = static_cast<std::uint64_t>(input.Bigint(42));
  const TimestampArgument simulation_date = input.Timestamptz(kDefaultSimulationDate);
  if (simulation_date.refused()) return 0;
  options.simulation_date = simulation_date.instant;
  options.device_rings = input.Bigint(2);
  options.ip_clusters = input.Bigint(2);
  options.kiting_cycles = input.Bigint(1);
  options.kiting_cycle_length = input.Integer(3);
  options.first_user = input.Bigint(0);
  options.world_size = input.NullableBigint(SaturatingAdd(options.first_user, options.count));
  const std::uint8_t split_choice = input.Byte();
  return RunCall(kParameters, [&] {
    options.Validate();
    CheckAcceptedOptions(options, split_choice);
  });
}
