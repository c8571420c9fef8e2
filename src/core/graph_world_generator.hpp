// The graph world's pull API: built from validated options, it yields the nodes and edges owned by users
// [first_user, first_user + count) in bounded batches, so memory never grows with the world.
//
// The model. A graph world belongs to the user world with the same seed and world_size: graph user u is the
// user world's user u (same user_id, name, email and phone, from MakeIdentity).
// - Every user u has a user node and, drawn from its own stream, 1-2 devices, 1-2 accounts and 1-3 IP
//   addresses, each a node plus an edge from the user (uses_device, has_account, uses_ip). The user's first
//   activity is simulation_date - U(30, 180) days and each edge's created_at lies in the 30 days after it;
//   uses_device has access_count U{1..19}, uses_ip session_count U{1..49}.
//   device: fingerprint (32 hex digits), device_type U{mobile, desktop, tablet}, os U{iOS, Android, Windows,
//   macOS, Linux}, a user agent built from both. account: account_number (10-12 digits), account_type
//   U{checking, savings}, balance U(100.00, 50,000.00). ip_address: a public IPv4 address (never 0/8, 10/8,
//   127/8, 169.254/16, 172.16/12, 192.168/16 or 224/3 and above), is_vpn with probability 0.1, a country
//   code uniform over a compiled-in list.
// - Fraud structures (see graph_structures.hpp for their layout), every item flagged with the structure's
//   pattern and id:
//   * device ring r ("device_sharing"): one shared device; each member a uses_device edge to it within the
//     ring's 7-day window (access_count U{1..19}) and an extra account (account node + has_account edge in
//     the same window);
//   * IP cluster c ("ip_recycling"): one shared IP address, is_vpn true; each member a uses_ip edge to it
//     within the cluster's 168-hour window (session_count U{1..49}) and an extra device (device node +
//     uses_device edge in the same window);
//   * kiting cycle k ("kiting"): each member an extra account (has_account edge 1-30 days before hop 0) and a
//     transfers_to edge from it to the next member's extra account at hop time, with the hop's amount and
//     hop_number = the member's position.
// - Ids: user ids are the user world's; dev_/acc_/ip_ + 12 hex digits of Permute48(per-kind key,
//   user * 8 + k) for a user's k-th item of that kind (k = 2 is its structure item), and of
//   Permute48(per-kind key, 8 * kMaxWorldSize + id) for a ring's or cluster's shared node: all distinct.
// - Ground truth: pattern and structure_id on every item (kNone and kNoStructure for normal behaviour).
//
// Output order: users in index order; per user its user node, its devices (node, then edge), accounts, IP
// addresses, then, for a structure member: the structure's shared node (first member only), the member's
// edge to it and its flagged node and edge (ring, cluster), or its flagged account, has_account edge and
// outgoing transfer (cycle). Nodes and edges keep this order in their own arrays, and a user never spans
// batches. Hence generating users [0, N) equals the concatenation of chunks [0, k) and [k, N), item for item.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/graph_items.hpp"
#include "core/graph_options.hpp"
#include "core/graph_structures.hpp"

namespace synthgen {

class GraphWorldGenerator {
 public:
  static constexpr std::size_t kBatchItems = 4096;     // nodes + edges per batch, at most
  static constexpr std::size_t kMaxItemsPerUser = 32;  // nodes + edges of one user, at most (19 in fact)

  // Throws synthgen::Error when the options are invalid or the structures do not fit in the world.
  explicit GraphWorldGenerator(const GraphWorldOptions& options);

  // Generates the next whole users; returns the number of items (nodes plus edges) now in nodes() and
  // edges() (0 once every user is out).
  std::size_t NextBatch();
  const GraphNode* nodes() const noexcept { return nodes_.data(); }
  std::size_t node_count() const noexcept { return nodes_.size(); }
  const GraphEdge* edges() const noexcept { return edges_.data(); }
  std::size_t edge_count() const noexcept { return edges_.size(); }

  const GraphStructures& structures() const noexcept { return structures_; }

  // The expected number of nodes and edges of the options' chunk, for row estimates.
  static double ExpectedNodeCount(const GraphWorldOptions& options) noexcept;
  static double ExpectedEdgeCount(const GraphWorldOptions& options) noexcept;

 private:
  void EmitUser(std::int64_t user);
  void EmitMembership(std::int64_t user, const StructureMembership& membership, const char (&user_id)[20]);

  GraphNode& AddNode(NodeKind kind);
  GraphEdge& AddEdge(EdgeKind kind, const char (&source)[20], const char (&target)[20], Instant created_at);

  void DeviceId(std::int64_t user, int k, char (&out)[20]) const noexcept;
  void AccountId(std::int64_t user, int k, char (&out)[20]) const noexcept;
  void IpId(std::int64_t user, int k, char (&out)[20]) const noexcept;

  GraphWorldOptions options_;
  GraphStructures structures_;
  std::uint64_t device_key_;
  std::uint64_t account_key_;
  std::uint64_t ip_key_;
  std::int64_t next_user_;
  std::int64_t end_user_;
  std::vector<GraphNode> nodes_;
  std::vector<GraphEdge> edges_;
};

}  // namespace synthgen
