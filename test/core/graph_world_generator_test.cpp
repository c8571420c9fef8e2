// Tests GraphWorldGenerator end to end: determinism, chunks, identities, ids, fraud structures, ground truth,
// properties and batches.
#include "core/graph_world_generator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/calendar.hpp"
#include "core/identity.hpp"

namespace synthgen {
namespace {

// -----------------------------------------------------------------------------------------------------------
// Helpers

struct World {
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
  std::size_t batches = 0;
};

// Runs a generator to completion and copies every item, checking the batch bound on the way.
World Generate(const GraphWorldOptions& options) {
  GraphWorldGenerator generator(options);
  World world;
  for (std::size_t n; (n = generator.NextBatch()) > 0;) {
    EXPECT_EQ(n, generator.node_count() + generator.edge_count());
    EXPECT_LE(n, GraphWorldGenerator::kBatchItems);
    world.nodes.insert(world.nodes.end(), generator.nodes(), generator.nodes() + generator.node_count());
    world.edges.insert(world.edges.end(), generator.edges(), generator.edges() + generator.edge_count());
    ++world.batches;
  }
  EXPECT_EQ(generator.NextBatch(), 0u);
  return world;
}

GraphWorldOptions WorldOptions(std::int64_t users, std::uint64_t seed) {
  GraphWorldOptions options;
  options.count = users;
  options.seed = seed;
  return options;
}

// A world with many structures of every kind.
GraphWorldOptions BusyWorldOptions(std::int64_t users, std::uint64_t seed) {
  GraphWorldOptions options = WorldOptions(users, seed);
  options.device_rings = 12;
  options.ip_clusters = 10;
  options.kiting_cycles = 8;
  options.kiting_cycle_length = 5;
  return options;
}

// The 20,000-user busy world most property tests look at, generated once.
const GraphWorldOptions& LargeOptions() {
  static const GraphWorldOptions options = BusyWorldOptions(20000, 99);
  return options;
}
const World& LargeWorld() {
  static const World world = Generate(LargeOptions());
  return world;
}

// Every field of GraphNode and GraphEdge is compared below; a new field must be added there too.
static_assert(sizeof(GraphNode) == 416, "GraphNode changed: update FirstNodeDifference");
static_assert(sizeof(GraphEdge) == 88, "GraphEdge changed: update FirstEdgeDifference");

#define SYNTHGEN_COMPARE_TEXT(field) \
  if (std::strcmp(a.field, b.field) != 0) return #field
#define SYNTHGEN_COMPARE_VALUE(field) \
  if (a.field != b.field) return #field

// The name of the first field in which two nodes differ ("" when identical).
std::string FirstNodeDifference(const GraphNode& a, const GraphNode& b) {
  SYNTHGEN_COMPARE_VALUE(kind);
  SYNTHGEN_COMPARE_TEXT(id);
  SYNTHGEN_COMPARE_TEXT(name);
  SYNTHGEN_COMPARE_TEXT(email);
  SYNTHGEN_COMPARE_TEXT(phone);
  SYNTHGEN_COMPARE_TEXT(fingerprint);
  SYNTHGEN_COMPARE_VALUE(device_type);
  SYNTHGEN_COMPARE_VALUE(os);
  SYNTHGEN_COMPARE_TEXT(user_agent);
  SYNTHGEN_COMPARE_TEXT(account_number);
  SYNTHGEN_COMPARE_VALUE(account_type);
  SYNTHGEN_COMPARE_VALUE(balance_cents);
  SYNTHGEN_COMPARE_VALUE(ip_address);
  SYNTHGEN_COMPARE_VALUE(is_vpn);
  SYNTHGEN_COMPARE_TEXT(country);
  SYNTHGEN_COMPARE_VALUE(pattern);
  SYNTHGEN_COMPARE_VALUE(structure_id);
  return "";
}

std::string FirstEdgeDifference(const GraphEdge& a, const GraphEdge& b) {
  SYNTHGEN_COMPARE_VALUE(kind);
  SYNTHGEN_COMPARE_TEXT(source_id);
  SYNTHGEN_COMPARE_TEXT(target_id);
  SYNTHGEN_COMPARE_VALUE(created_at);
  SYNTHGEN_COMPARE_VALUE(count);
  SYNTHGEN_COMPARE_VALUE(amount_cents);
  SYNTHGEN_COMPARE_VALUE(hop_number);
  SYNTHGEN_COMPARE_VALUE(pattern);
  SYNTHGEN_COMPARE_VALUE(structure_id);
  return "";
}

#undef SYNTHGEN_COMPARE_TEXT
#undef SYNTHGEN_COMPARE_VALUE

// Expects two worlds to hold the same items in the same order; reports the first few differences.
void ExpectSameItems(const World& expected, const World& actual) {
  ASSERT_EQ(expected.nodes.size(), actual.nodes.size());
  ASSERT_EQ(expected.edges.size(), actual.edges.size());
  int reported = 0;
  for (std::size_t i = 0; i < expected.nodes.size() && reported < 5; ++i) {
    const std::string field = FirstNodeDifference(expected.nodes[i], actual.nodes[i]);
    if (!field.empty()) {
      ADD_FAILURE() << "node " << i << " (" << expected.nodes[i].id << ") differs in " << field;
      ++reported;
    }
  }
  for (std::size_t i = 0; i < expected.edges.size() && reported < 5; ++i) {
    const std::string field = FirstEdgeDifference(expected.edges[i], actual.edges[i]);
    if (!field.empty()) {
      ADD_FAILURE() << "edge " << i << " (" << expected.edges[i].source_id << " -> "
                    << expected.edges[i].target_id << ") differs in " << field;
      ++reported;
    }
  }
}

// Collects property violations and reports the count plus the first few examples.
class Violations {
 public:
  void Add(const std::string& what) {
    if (count_++ < 5) examples_ += "\n  " + what;
  }
  int count() const { return count_; }
  std::string Summary() const { return std::to_string(count_) + " violation(s), first:" + examples_; }

 private:
  int count_ = 0;
  std::string examples_;
};

// Nodes by id and user indexes by user id (user nodes come out in index order from first_user).
struct WorldIndex {
  std::unordered_map<std::string, const GraphNode*> nodes;
  std::unordered_map<std::string, std::int64_t> users;

  WorldIndex(const World& world, std::int64_t first_user) {
    std::int64_t user = first_user;
    for (const GraphNode& node : world.nodes) {
      nodes.emplace(node.id, &node);
      if (node.kind == NodeKind::kUser) users.emplace(node.id, user++);
    }
  }
  const GraphNode* Node(const char* id) const {
    const auto it = nodes.find(id);
    return it == nodes.end() ? nullptr : it->second;
  }
};

bool IsFlagged(const GraphNode* node, GraphPattern pattern, std::int64_t id) {
  return node != nullptr && node->pattern == pattern && node->structure_id == id;
}

// Flagged edges of one pattern and kind, by structure id.
std::map<std::int64_t, std::vector<const GraphEdge*>> EdgesByStructure(const World& world,
                                                                       GraphPattern pattern, EdgeKind kind) {
  std::map<std::int64_t, std::vector<const GraphEdge*>> by_structure;
  for (const GraphEdge& edge : world.edges) {
    if (edge.pattern == pattern && edge.kind == kind) by_structure[edge.structure_id].push_back(&edge);
  }
  return by_structure;
}

bool IsReservedAddress(std::uint32_t a) {
  const std::uint32_t first = a >> 24;
  const std::uint32_t second = (a >> 16) & 0xff;
  return first == 0 || first == 10 || first == 127 || first >= 224 || (first == 169 && second == 254) ||
         (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168);
}

bool IsLowerHex(const char* text, std::size_t length) {
  if (std::strlen(text) != length) return false;
  for (std::size_t i = 0; i < length; ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(text[i])) ||
        std::isupper(static_cast<unsigned char>(text[i]))) {
      return false;
    }
  }
  return true;
}

// -----------------------------------------------------------------------------------------------------------
// Determinism and chunking

TEST(GraphWorldGeneratorTest, SameOptionsGiveIdenticalItems) {
  const GraphWorldOptions options = BusyWorldOptions(3000, 2024);
  const World first = Generate(options);
  const World second = Generate(options);
  ASSERT_GT(first.nodes.size(), 3000u * 5);
  ExpectSameItems(first, second);
}

TEST(GraphWorldGeneratorTest, DifferentSeedsGiveDifferentWorlds) {
  const World a = Generate(WorldOptions(300, 1));
  const World b = Generate(WorldOptions(300, 2));
  std::unordered_set<std::string> ids_a;
  for (const GraphNode& node : a.nodes) ids_a.insert(node.id);
  int shared_ids = 0;
  for (const GraphNode& node : b.nodes) shared_ids += ids_a.count(node.id) > 0 ? 1 : 0;
  EXPECT_EQ(shared_ids, 0);
}

TEST(GraphWorldGeneratorTest, ChunksConcatenateToTheWholeWorld) {
  constexpr std::int64_t kWorld = 3000;
  const GraphWorldOptions whole_options = BusyWorldOptions(kWorld, 77);
  const World whole = Generate(whole_options);

  World chunked;
  const std::int64_t bounds[] = {0, 1000, 1700, kWorld};
  for (int c = 0; c < 3; ++c) {
    GraphWorldOptions options = whole_options;
    options.first_user = bounds[c];
    options.count = bounds[c + 1] - bounds[c];
    options.world_size = kWorld;
    const World chunk = Generate(options);
    ASSERT_FALSE(chunk.nodes.empty());
    EXPECT_EQ(chunk.nodes.front().kind, NodeKind::kUser);
    UserIdentity first;
    MakeIdentity(options.seed, bounds[c], first);
    EXPECT_STREQ(chunk.nodes.front().id, first.user_id);
    chunked.nodes.insert(chunked.nodes.end(), chunk.nodes.begin(), chunk.nodes.end());
    chunked.edges.insert(chunked.edges.end(), chunk.edges.begin(), chunk.edges.end());
  }
  ExpectSameItems(whole, chunked);
}

TEST(GraphWorldGeneratorTest, StructureMembersRegeneratedAloneEqualTheirSlice) {
  constexpr std::int64_t kWorld = 2000;
  const GraphWorldOptions whole_options = BusyWorldOptions(kWorld, 31);
  const World whole = Generate(whole_options);
  const GraphWorldGenerator oracle(whole_options);
  const GraphStructures& structures = oracle.structures();

  // The first and a later member of a ring, a cluster and a cycle, plus the world's ends.
  std::vector<std::int64_t> users = {0, kWorld - 1};
  for (GraphPattern pattern :
       {GraphPattern::kDeviceSharing, GraphPattern::kIpRecycling, GraphPattern::kKiting}) {
    const FraudStructure& structure = structures.Get(pattern, 1);
    users.push_back(structures.MemberUser(structure, 0));
    users.push_back(structures.MemberUser(structure, 2));
  }
  for (std::int64_t user : users) {
    SCOPED_TRACE("user " + std::to_string(user));
    GraphWorldOptions options = whole_options;
    options.world_size = kWorld;
    options.count = user;
    const World before = Generate(options);
    options.first_user = user;
    options.count = 1;
    const World alone = Generate(options);
    ASSERT_LE(before.nodes.size() + alone.nodes.size(), whole.nodes.size());
    ASSERT_LE(before.edges.size() + alone.edges.size(), whole.edges.size());
    World slice;
    slice.nodes.assign(
        whole.nodes.begin() + static_cast<std::ptrdiff_t>(before.nodes.size()),
        whole.nodes.begin() + static_cast<std::ptrdiff_t>(before.nodes.size() + alone.nodes.size()));
    slice.edges.assign(
        whole.edges.begin() + static_cast<std::ptrdiff_t>(before.edges.size()),
        whole.edges.begin() + static_cast<std::ptrdiff_t>(before.edges.size() + alone.edges.size()));
    ExpectSameItems(slice, alone);
  }
}

// These values define synthgen's graph output for seed 42 (world of 1,000 users, default options): they must
// only change with a deliberate, documented change of the output format.
TEST(GraphWorldGeneratorTest, GoldenValuesForSeed42) {
  const World world = Generate(WorldOptions(1000, 42));
  EXPECT_EQ(world.nodes.size(), 6081u);
  EXPECT_EQ(world.edges.size(), 5127u);
  ASSERT_GE(world.nodes.size(), 2u);
  ASSERT_GE(world.edges.size(), 1u);
  EXPECT_STREQ(world.nodes[0].id, "user_54e97d43f4b4");  // the user world's user 0
  EXPECT_STREQ(world.nodes[0].name, "Janet Perez");
  EXPECT_STREQ(world.nodes[1].id, "dev_64a1f977a414");
  EXPECT_STREQ(world.nodes[1].fingerprint, "549f54226b312848425b2d256d192651");
  EXPECT_STREQ(
      world.nodes[1].user_agent,
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
      "Version/17.0 Mobile/15E148 Safari/604.1");
  EXPECT_STREQ(world.edges[0].target_id, "dev_64a1f977a414");
  EXPECT_EQ(world.edges[0].created_at, 1'761'103'695'000'000LL);  // 2025-10-22 03:28:15 UTC
  EXPECT_EQ(world.edges[0].count, 3);
  const auto transfer = std::find_if(world.edges.begin(), world.edges.end(),
                                     [](const GraphEdge& e) { return e.kind == EdgeKind::kTransfersTo; });
  ASSERT_NE(transfer, world.edges.end());
  EXPECT_STREQ(transfer->source_id, "acc_9faf7d4d18b9");
  EXPECT_STREQ(transfer->target_id, "acc_f73279a5af17");
  EXPECT_EQ(transfer->created_at, 1'766'766'744'000'000LL);  // 2025-12-26 16:32:24 UTC
  EXPECT_EQ(transfer->amount_cents, 973503);
  EXPECT_EQ(transfer->hop_number, 2);
}

// -----------------------------------------------------------------------------------------------------------
// Users and identifiers

TEST(GraphWorldGeneratorTest, UserNodesAreTheUserWorldsUsers) {
  GraphWorldOptions options = BusyWorldOptions(700, 5);
  options.first_user = 300;
  options.world_size = 5000;
  const World world = Generate(options);
  Violations violations;
  std::int64_t user = options.first_user;
  for (const GraphNode& node : world.nodes) {
    if (node.kind != NodeKind::kUser) continue;
    UserIdentity expected;
    MakeIdentity(options.seed, user, expected);
    if (std::strcmp(node.id, expected.user_id) != 0 || std::strcmp(node.name, expected.full_name) != 0 ||
        std::strcmp(node.email, expected.email) != 0 || std::strcmp(node.phone, expected.phone) != 0) {
      violations.Add("user " + std::to_string(user) + ": " + node.id + " expected " + expected.user_id);
    }
    if (node.pattern != GraphPattern::kNone || node.structure_id != kNoStructure) {
      violations.Add(std::string("flagged user node ") + node.id);
    }
    ++user;
  }
  EXPECT_EQ(user - options.first_user, 700);
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
}

TEST(GraphWorldGeneratorTest, NodeIdsAreUniqueAndEdgesConnectExistingNodesOfTheRightKinds) {
  const World& world = LargeWorld();
  const WorldIndex index(world, 0);
  EXPECT_EQ(index.nodes.size(), world.nodes.size()) << "duplicate node ids";
  EXPECT_EQ(index.users.size(), 20000u);

  Violations violations;
  const std::map<std::string, std::string> prefixes = {
      {"user", "user_"}, {"device", "dev_"}, {"account", "acc_"}, {"ip_address", "ip_"}};
  for (const GraphNode& node : world.nodes) {
    const std::string prefix = prefixes.at(std::string(NodeKindName(node.kind)));
    if (std::strncmp(node.id, prefix.c_str(), prefix.size()) != 0 ||
        !IsLowerHex(node.id + prefix.size(), 12)) {
      violations.Add(std::string("id ") + node.id + " of a " + std::string(NodeKindName(node.kind)));
    }
  }
  std::set<std::tuple<EdgeKind, std::string, std::string>> distinct_edges;
  for (const GraphEdge& edge : world.edges) {
    const GraphNode* source = index.Node(edge.source_id);
    const GraphNode* target = index.Node(edge.target_id);
    if (source == nullptr || target == nullptr) {
      violations.Add(std::string("dangling edge ") + edge.source_id + " -> " + edge.target_id);
      continue;
    }
    NodeKind source_kind = NodeKind::kUser;
    NodeKind target_kind = NodeKind::kDevice;
    switch (edge.kind) {
      case EdgeKind::kUsesDevice:
        break;
      case EdgeKind::kHasAccount:
        target_kind = NodeKind::kAccount;
        break;
      case EdgeKind::kUsesIp:
        target_kind = NodeKind::kIpAddress;
        break;
      case EdgeKind::kTransfersTo:
        source_kind = NodeKind::kAccount;
        target_kind = NodeKind::kAccount;
        break;
    }
    if (source->kind != source_kind || target->kind != target_kind) {
      violations.Add(std::string(EdgeKindName(edge.kind)) + " edge " + edge.source_id + " -> " +
                     edge.target_id);
    }
    distinct_edges.emplace(edge.kind, edge.source_id, edge.target_id);
  }
  EXPECT_EQ(distinct_edges.size(), world.edges.size()) << "duplicate edges";
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
}

// -----------------------------------------------------------------------------------------------------------
// Fraud structures

TEST(GraphWorldGeneratorTest, StructureCountsAndSizesAreExact) {
  const GraphWorldOptions& options = LargeOptions();
  const World& world = LargeWorld();
  const GraphWorldGenerator oracle(options);
  const GraphStructures& structures = oracle.structures();

  const auto rings = EdgesByStructure(world, GraphPattern::kDeviceSharing, EdgeKind::kUsesDevice);
  const auto clusters = EdgesByStructure(world, GraphPattern::kIpRecycling, EdgeKind::kUsesIp);
  const auto cycles = EdgesByStructure(world, GraphPattern::kKiting, EdgeKind::kTransfersTo);
  ASSERT_EQ(static_cast<std::int64_t>(rings.size()), options.device_rings);
  ASSERT_EQ(static_cast<std::int64_t>(clusters.size()), options.ip_clusters);
  ASSERT_EQ(static_cast<std::int64_t>(cycles.size()), options.kiting_cycles);
  EXPECT_EQ(rings.rbegin()->first, options.device_rings - 1);
  EXPECT_EQ(clusters.rbegin()->first, options.ip_clusters - 1);
  EXPECT_EQ(cycles.rbegin()->first, options.kiting_cycles - 1);

  std::set<std::size_t> ring_sizes;
  std::set<std::size_t> cluster_sizes;
  for (const auto& [id, edges] : rings) {
    EXPECT_GE(edges.size(), 6u);
    EXPECT_LE(edges.size(), 15u);
    EXPECT_EQ(static_cast<std::int32_t>(edges.size()), structures.Get(GraphPattern::kDeviceSharing, id).size);
    ring_sizes.insert(edges.size());
  }
  for (const auto& [id, edges] : clusters) {
    EXPECT_GE(edges.size(), 5u);
    EXPECT_LE(edges.size(), 20u);
    EXPECT_EQ(static_cast<std::int32_t>(edges.size()), structures.Get(GraphPattern::kIpRecycling, id).size);
    cluster_sizes.insert(edges.size());
  }
  for (const auto& [id, edges] : cycles) {
    EXPECT_EQ(static_cast<std::int64_t>(edges.size()), options.kiting_cycle_length) << "cycle " << id;
  }
  EXPECT_GT(ring_sizes.size(), 1u) << "ring sizes are drawn";
  EXPECT_GT(cluster_sizes.size(), 1u) << "cluster sizes are drawn";

  // Every user belongs to at most one structure, and the members are the layout's users.
  const WorldIndex index(world, 0);
  std::set<std::int64_t> members;
  std::int64_t member_edges = 0;
  for (const auto* by_structure : {&rings, &clusters}) {
    for (const auto& [id, edges] : *by_structure) {
      for (const GraphEdge* edge : edges) {
        members.insert(index.users.at(edge->source_id));
        ++member_edges;
      }
    }
  }
  for (const auto& [id, edges] : cycles) {
    for (const GraphEdge* edge : edges) {
      for (const GraphEdge& has : world.edges) {
        if (has.kind == EdgeKind::kHasAccount && std::strcmp(has.target_id, edge->source_id) == 0) {
          members.insert(index.users.at(has.source_id));
          ++member_edges;
        }
      }
    }
  }
  EXPECT_EQ(static_cast<std::int64_t>(members.size()), member_edges);
  EXPECT_EQ(member_edges, structures.total_slots());
  std::set<std::int64_t> layout_members;
  for (std::size_t i = 0; i < structures.size(); ++i) {
    for (std::int32_t p = 0; p < structures[i].size; ++p)
      layout_members.insert(structures.MemberUser(structures[i], p));
  }
  EXPECT_EQ(members, layout_members);
}

TEST(GraphWorldGeneratorTest, DeviceRingsShareOneDeviceWithinSevenDays) {
  const GraphWorldOptions& options = LargeOptions();
  const World& world = LargeWorld();
  const WorldIndex index(world, 0);
  const auto accounts = EdgesByStructure(world, GraphPattern::kDeviceSharing, EdgeKind::kHasAccount);
  for (const auto& [ring, edges] :
       EdgesByStructure(world, GraphPattern::kDeviceSharing, EdgeKind::kUsesDevice)) {
    SCOPED_TRACE("ring " + std::to_string(ring));
    std::set<std::string> devices;
    std::set<std::string> users;
    Instant first = edges.front()->created_at;
    Instant last = first;
    for (const GraphEdge* edge : edges) {
      devices.insert(edge->target_id);
      users.insert(edge->source_id);
      first = std::min(first, edge->created_at);
      last = std::max(last, edge->created_at);
      EXPECT_GE(edge->count, 1);
      EXPECT_LE(edge->count, 19);
      EXPECT_LT(edge->created_at, options.simulation_date);
    }
    ASSERT_EQ(devices.size(), 1u);
    EXPECT_TRUE(IsFlagged(index.Node(devices.begin()->c_str()), GraphPattern::kDeviceSharing, ring));
    EXPECT_GT(users.size(), 5u);
    EXPECT_EQ(users.size(), edges.size());
    EXPECT_LE(last - first, 7 * kMicrosPerDay);

    // Each member also holds one flagged extra account.
    const auto& ring_accounts = accounts.at(ring);
    std::set<std::string> account_owners;
    for (const GraphEdge* edge : ring_accounts) {
      account_owners.insert(edge->source_id);
      EXPECT_TRUE(IsFlagged(index.Node(edge->target_id), GraphPattern::kDeviceSharing, ring));
    }
    EXPECT_EQ(ring_accounts.size(), users.size());
    EXPECT_EQ(account_owners, users);
  }
}

TEST(GraphWorldGeneratorTest, IpClustersShareOneVpnAddressWithin168Hours) {
  const GraphWorldOptions& options = LargeOptions();
  const World& world = LargeWorld();
  const WorldIndex index(world, 0);
  const auto devices = EdgesByStructure(world, GraphPattern::kIpRecycling, EdgeKind::kUsesDevice);
  for (const auto& [cluster, edges] :
       EdgesByStructure(world, GraphPattern::kIpRecycling, EdgeKind::kUsesIp)) {
    SCOPED_TRACE("cluster " + std::to_string(cluster));
    std::set<std::string> addresses;
    std::set<std::string> users;
    Instant first = edges.front()->created_at;
    Instant last = first;
    for (const GraphEdge* edge : edges) {
      addresses.insert(edge->target_id);
      users.insert(edge->source_id);
      first = std::min(first, edge->created_at);
      last = std::max(last, edge->created_at);
      EXPECT_GE(edge->count, 1);
      EXPECT_LE(edge->count, 49);
      EXPECT_LT(edge->created_at, options.simulation_date);
    }
    ASSERT_EQ(addresses.size(), 1u);
    const GraphNode* shared = index.Node(addresses.begin()->c_str());
    ASSERT_TRUE(IsFlagged(shared, GraphPattern::kIpRecycling, cluster));
    EXPECT_TRUE(shared->is_vpn);
    EXPECT_FALSE(IsReservedAddress(shared->ip_address));
    EXPECT_GE(users.size(), 5u);
    EXPECT_EQ(users.size(), edges.size());
    EXPECT_LE(last - first, 168 * kMicrosPerHour);

    // Each member also uses one flagged device of its own.
    const auto& cluster_devices = devices.at(cluster);
    std::set<std::string> device_owners;
    std::set<std::string> device_ids;
    for (const GraphEdge* edge : cluster_devices) {
      device_owners.insert(edge->source_id);
      device_ids.insert(edge->target_id);
      EXPECT_TRUE(IsFlagged(index.Node(edge->target_id), GraphPattern::kIpRecycling, cluster));
    }
    EXPECT_EQ(cluster_devices.size(), users.size());
    EXPECT_EQ(device_ids.size(), users.size());
    EXPECT_EQ(device_owners, users);
  }
}

TEST(GraphWorldGeneratorTest, KitingCyclesFormOneDirectedCycleOfFlaggedAccounts) {
  const GraphWorldOptions& options = LargeOptions();
  const World& world = LargeWorld();
  const WorldIndex index(world, 0);
  const auto holdings = EdgesByStructure(world, GraphPattern::kKiting, EdgeKind::kHasAccount);
  for (const auto& [cycle, edges] : EdgesByStructure(world, GraphPattern::kKiting, EdgeKind::kTransfersTo)) {
    SCOPED_TRACE("cycle " + std::to_string(cycle));
    const auto n = static_cast<std::size_t>(options.kiting_cycle_length);
    ASSERT_EQ(edges.size(), n);
    std::map<std::string, const GraphEdge*> out;
    std::map<std::string, int> in_degree;
    for (const GraphEdge* edge : edges) {
      EXPECT_TRUE(out.emplace(edge->source_id, edge).second) << "two transfers leave " << edge->source_id;
      ++in_degree[edge->target_id];
      EXPECT_TRUE(IsFlagged(index.Node(edge->source_id), GraphPattern::kKiting, cycle));
      EXPECT_TRUE(IsFlagged(index.Node(edge->target_id), GraphPattern::kKiting, cycle));
      EXPECT_GE(edge->amount_cents, 100'000);
      EXPECT_LE(edge->amount_cents, 1'000'000);
      EXPECT_LT(edge->created_at, options.simulation_date);
    }
    EXPECT_EQ(in_degree.size(), n);
    for (const auto& [account, degree] : in_degree) EXPECT_EQ(degree, 1) << account;

    // Walk from hop 0: n transfers visit every account once, in hop order and strictly later each time.
    const auto start =
        std::find_if(edges.begin(), edges.end(), [](const GraphEdge* e) { return e->hop_number == 0; });
    ASSERT_NE(start, edges.end());
    const GraphEdge* edge = *start;
    std::set<std::string> visited;
    for (std::size_t hop = 0; hop < n; ++hop) {
      EXPECT_EQ(edge->hop_number, static_cast<std::int32_t>(hop));
      visited.insert(edge->source_id);
      const auto next = out.find(edge->target_id);
      ASSERT_NE(next, out.end()) << "the chain breaks after hop " << hop;
      if (hop + 1 < n) {
        EXPECT_GT(next->second->created_at, edge->created_at) << "hop " << hop + 1;
      }
      edge = next->second;
    }
    EXPECT_EQ(edge, *start) << "the walk does not close after " << n << " hops";
    EXPECT_EQ(visited.size(), n);

    // The accounts belong to n distinct users through flagged has_account edges.
    std::set<std::string> owners;
    std::set<std::string> held;
    for (const GraphEdge* has : holdings.at(cycle)) {
      owners.insert(has->source_id);
      held.insert(has->target_id);
      EXPECT_LT(has->created_at, (*start)->created_at);
    }
    EXPECT_EQ(owners.size(), n);
    EXPECT_EQ(held, visited);
  }
}

// -----------------------------------------------------------------------------------------------------------
// Ground truth and properties

TEST(GraphWorldGeneratorTest, OnlyStructureItemsAreFlagged) {
  const GraphWorldOptions& options = LargeOptions();
  const World& world = LargeWorld();
  const GraphWorldGenerator oracle(options);
  const GraphStructures& structures = oracle.structures();
  Violations violations;
  std::map<GraphPattern, std::int64_t> limit = {{GraphPattern::kDeviceSharing, options.device_rings},
                                                {GraphPattern::kIpRecycling, options.ip_clusters},
                                                {GraphPattern::kKiting, options.kiting_cycles}};
  std::int64_t flagged_nodes = 0;
  std::int64_t flagged_edges = 0;
  for (const GraphNode& node : world.nodes) {
    if (node.pattern == GraphPattern::kNone) {
      if (node.structure_id != kNoStructure)
        violations.Add(std::string("normal node ") + node.id + " has an id");
      continue;
    }
    ++flagged_nodes;
    if (node.structure_id < 0 || node.structure_id >= limit.at(node.pattern)) {
      violations.Add(std::string("node ") + node.id + " structure " + std::to_string(node.structure_id));
    }
  }
  for (const GraphEdge& edge : world.edges) {
    if (edge.pattern == GraphPattern::kNone) {
      if (edge.structure_id != kNoStructure)
        violations.Add(std::string("normal edge from ") + edge.source_id);
      if (edge.kind == EdgeKind::kTransfersTo) violations.Add("an unflagged transfer");
      continue;
    }
    ++flagged_edges;
    if (edge.structure_id < 0 || edge.structure_id >= limit.at(edge.pattern)) {
      violations.Add(std::string("edge from ") + edge.source_id + " structure " +
                     std::to_string(edge.structure_id));
    }
  }
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
  // One flagged node per member plus the rings' and clusters' shared nodes; two flagged edges per member.
  EXPECT_EQ(flagged_nodes, structures.total_slots() + options.device_rings + options.ip_clusters);
  EXPECT_EQ(flagged_edges, 2 * structures.total_slots());
}

TEST(GraphWorldGeneratorTest, NormalItemsHavePlausibleProperties) {
  const GraphWorldOptions& options = LargeOptions();
  const World& world = LargeWorld();
  Violations violations;
  std::int64_t ips = 0;
  std::int64_t vpns = 0;
  std::map<std::string, std::int64_t> os_counts;
  std::set<std::string> countries;
  for (const GraphNode& node : world.nodes) {
    switch (node.kind) {
      case NodeKind::kUser:
        break;
      case NodeKind::kDevice: {
        if (!IsLowerHex(node.fingerprint, 32)) violations.Add(std::string("fingerprint ") + node.fingerprint);
        if (DeviceTypeName(node.device_type).empty() || OperatingSystemName(node.os).empty()) {
          violations.Add(std::string("device kind of ") + node.id);
        }
        const std::string agent = node.user_agent;
        if (agent.rfind("Mozilla/5.0 (", 0) != 0 || agent.size() < 60) violations.Add("user agent " + agent);
        ++os_counts[std::string(OperatingSystemName(node.os))];
        break;
      }
      case NodeKind::kAccount: {
        const std::size_t digits = std::strlen(node.account_number);
        bool numeric = digits >= 10 && digits <= 12 && node.account_number[0] != '0';
        for (std::size_t i = 0; i < digits; ++i) numeric = numeric && std::isdigit(node.account_number[i]);
        if (!numeric) violations.Add(std::string("account number ") + node.account_number);
        if (AccountTypeName(node.account_type).empty())
          violations.Add(std::string("account type of ") + node.id);
        if (node.balance_cents < 10'000 || node.balance_cents > 5'000'000) {
          violations.Add("balance " + std::to_string(node.balance_cents));
        }
        break;
      }
      case NodeKind::kIpAddress: {
        char text[16];
        FormatIpAddress(node.ip_address, text);
        if (IsReservedAddress(node.ip_address)) violations.Add(std::string("address ") + text);
        if (std::strlen(node.country) != 2 || !std::isupper(node.country[0]) ||
            !std::isupper(node.country[1])) {
          violations.Add(std::string("country ") + node.country);
        }
        countries.insert(node.country);
        if (node.pattern == GraphPattern::kNone) {
          ++ips;
          vpns += node.is_vpn ? 1 : 0;
        }
        break;
      }
    }
  }
  for (const GraphEdge& edge : world.edges) {
    if (edge.pattern != GraphPattern::kNone) continue;
    if (edge.created_at < options.simulation_date - 180 * kMicrosPerDay ||
        edge.created_at >= options.simulation_date) {
      violations.Add(std::string("created_at of an edge from ") + edge.source_id);
    }
    const bool counted = edge.kind == EdgeKind::kUsesDevice || edge.kind == EdgeKind::kUsesIp;
    const int max_count = edge.kind == EdgeKind::kUsesDevice ? 19 : 49;
    if (counted ? (edge.count < 1 || edge.count > max_count) : edge.count != 0) {
      violations.Add(std::string(EdgeKindName(edge.kind)) + " count " + std::to_string(edge.count));
    }
    if (edge.amount_cents != 0 || edge.hop_number != kNoHop)
      violations.Add("transfer fields on a normal edge");
  }
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
  EXPECT_EQ(os_counts.size(), kOperatingSystemCount);
  EXPECT_GE(countries.size(), 10u);
  const double vpn_share = static_cast<double>(vpns) / static_cast<double>(ips);
  EXPECT_NEAR(vpn_share, 0.1, 0.015);
}

TEST(GraphWorldGeneratorTest, EveryUserHasItsOwnDevicesAccountsAndAddressesInTheFirstMonth) {
  const World& world = LargeWorld();
  std::map<std::string, std::map<EdgeKind, int>> own;  // unflagged edges per user
  std::map<std::string, std::pair<Instant, Instant>> span;
  for (const GraphEdge& edge : world.edges) {
    if (edge.pattern != GraphPattern::kNone) continue;
    ++own[edge.source_id][edge.kind];
    auto [it, inserted] = span.emplace(edge.source_id, std::make_pair(edge.created_at, edge.created_at));
    it->second.first = std::min(it->second.first, edge.created_at);
    it->second.second = std::max(it->second.second, edge.created_at);
  }
  ASSERT_EQ(own.size(), 20000u);
  std::map<int, int> device_counts;
  std::map<int, int> ip_counts;
  Violations violations;
  for (const auto& [user, kinds] : own) {
    const int devices = kinds.count(EdgeKind::kUsesDevice) ? kinds.at(EdgeKind::kUsesDevice) : 0;
    const int accounts = kinds.count(EdgeKind::kHasAccount) ? kinds.at(EdgeKind::kHasAccount) : 0;
    const int ips = kinds.count(EdgeKind::kUsesIp) ? kinds.at(EdgeKind::kUsesIp) : 0;
    if (devices < 1 || devices > 2 || accounts < 1 || accounts > 2 || ips < 1 || ips > 3) {
      violations.Add(user + ": " + std::to_string(devices) + "/" + std::to_string(accounts) + "/" +
                     std::to_string(ips));
    }
    ++device_counts[devices];
    ++ip_counts[ips];
    if (span.at(user).second - span.at(user).first >= 30 * kMicrosPerDay)
      violations.Add(user + " spans 30 days");
  }
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
  EXPECT_EQ(device_counts.size(), 2u);
  EXPECT_EQ(ip_counts.size(), 3u);
}

// -----------------------------------------------------------------------------------------------------------
// Batches and estimates

TEST(GraphWorldGeneratorTest, BatchesAreBoundedAndHoldWholeUsers) {
  GraphWorldGenerator generator(LargeOptions());
  std::size_t batches = 0;
  std::size_t total = 0;
  Violations violations;
  for (std::size_t n; (n = generator.NextBatch()) > 0;) {
    ++batches;
    total += n;
    ASSERT_LE(n, GraphWorldGenerator::kBatchItems);
    ASSERT_GT(generator.node_count(), 0u);
    EXPECT_EQ(generator.nodes()[0].kind, NodeKind::kUser) << "batch " << batches << " starts inside a user";
    std::unordered_set<std::string> ids;
    for (std::size_t i = 0; i < generator.node_count(); ++i) ids.insert(generator.nodes()[i].id);
    for (std::size_t i = 0; i < generator.edge_count(); ++i) {
      if (ids.count(generator.edges()[i].source_id) == 0) {
        violations.Add("batch " + std::to_string(batches) + ": edge from " + generator.edges()[i].source_id +
                       " of another batch");
      }
    }
  }
  EXPECT_EQ(generator.NextBatch(), 0u);
  EXPECT_GT(batches, 10u);
  EXPECT_EQ(total, LargeWorld().nodes.size() + LargeWorld().edges.size());
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
}

TEST(GraphWorldGeneratorTest, EmptyChunkYieldsNothing) {
  GraphWorldOptions options = WorldOptions(0, 1);
  options.first_user = 10;
  options.world_size = 100;
  GraphWorldGenerator generator(options);
  EXPECT_EQ(generator.NextBatch(), 0u);
  EXPECT_EQ(generator.node_count(), 0u);
  EXPECT_EQ(generator.edge_count(), 0u);
  EXPECT_EQ(generator.NextBatch(), 0u);
}

TEST(GraphWorldGeneratorTest, ExpectedCountsMatchTheWorld) {
  const World& world = LargeWorld();
  const double nodes = GraphWorldGenerator::ExpectedNodeCount(LargeOptions());
  const double edges = GraphWorldGenerator::ExpectedEdgeCount(LargeOptions());
  EXPECT_NEAR(static_cast<double>(world.nodes.size()) / nodes, 1.0, 0.02);
  EXPECT_NEAR(static_cast<double>(world.edges.size()) / edges, 1.0, 0.02);

  GraphWorldOptions chunk = LargeOptions();
  chunk.count = 5000;
  chunk.world_size = 20000;
  EXPECT_NEAR(GraphWorldGenerator::ExpectedNodeCount(chunk), nodes / 4.0, 1e-6 * nodes);
}

}  // namespace
}  // namespace synthgen
