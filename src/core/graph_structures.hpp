// The fraud structures of a graph world and where they lie: their sizes, start times and member users, drawn
// once from (seed, world_size, options) alone, plus the lookup from a user to the structure it belongs to.
//
// Layout. The structures are laid out in order: device rings 0..R-1, then IP clusters 0..C-1, then kiting
// cycles 0..K-1. Structure i takes the consecutive slots [first_slot, first_slot + size), and slot j's member
// is user IndexPermutation(membership key, world_size)(j). The permutation is a bijection, so members are
// distinct users scattered over the world, and every user belongs to at most one structure. Nothing depends
// on which chunk of the world is being generated.
//
// Draws (per structure, from its own stream, so each is a pure function of the seed and its index):
// - device ring r: size U{6..15}; start = simulation_date - U(8, 60) days (its edges' 7-day window).
// - IP cluster c: size U{5..20}; start = simulation_date - U(8, 60) days (its edges' 168-hour window).
// - kiting cycle k: size = kiting_cycle_length; start (hop 0) = simulation_date - U(1, 7) days - (size - 1)
//   x 24 h, so that the last hop lies at least a day before simulation_date; hop i > 0 follows hop i - 1
//   after U(1, 24) hours (whole seconds); amount U(1,000.00, 10,000.00) per hop.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/calendar.hpp"
#include "core/graph_items.hpp"
#include "core/graph_options.hpp"
#include "core/keyed_permutation.hpp"
#include "core/random_stream.hpp"

namespace synthgen {

// The graph world's streams of randomness. Each purpose has its own key, derived from the seed as
// Mix64(StreamKey(seed, StreamId::kIdentity) ^ constant); the constants ("graph" in ASCII plus a number)
// are part of the output's definition and must never change.
enum class GraphStream : std::uint64_t {
  kMembership = 0x6772617068000001ULL,         // key of the slot -> user permutation
  kDeviceRingLayout = 0x6772617068000002ULL,   // entity: ring id (size, start)
  kIpClusterLayout = 0x6772617068000003ULL,    // entity: cluster id (size, start)
  kKitingCycleLayout = 0x6772617068000004ULL,  // entity: cycle id (start)
  kKitingHop = 0x6772617068000005ULL,          // entity: cycle id * 64 + hop (gap before the hop, amount)
  kSharedDevice = 0x6772617068000006ULL,       // entity: ring id (the shared device's properties)
  kSharedIp = 0x6772617068000007ULL,           // entity: cluster id (the shared IP's properties)
  kUserNetwork = 0x6772617068000008ULL,        // entity: user index (own devices, accounts, IPs, edges)
  kMember = 0x6772617068000009ULL,             // entity: slot (a member's flagged items)
  kDeviceIdKey = 0x677261706800000aULL,        // Permute48 key of device ids
  kAccountIdKey = 0x677261706800000bULL,       // Permute48 key of account ids
  kIpIdKey = 0x677261706800000cULL,            // Permute48 key of IP address ids
};

std::uint64_t GraphStreamKey(std::uint64_t seed, GraphStream stream) noexcept;
RandomStream GraphRandomStream(std::uint64_t seed, GraphStream stream, std::uint64_t entity) noexcept;

// One fraud structure of the world.
struct FraudStructure {
  GraphPattern pattern;     // kDeviceSharing (ring), kIpRecycling (cluster) or kKiting (cycle)
  std::int64_t id;          // its index among the structures of its pattern: the items' structure_id
  std::int64_t first_slot;  // its members are slots [first_slot, first_slot + size)
  std::int32_t size;        // members
  Instant start;            // ring, cluster: start of the edges' window; cycle: time of hop 0
};

// Where a user stands in a structure: member number position (0 .. size - 1, in slot order).
struct StructureMembership {
  const FraudStructure* structure;  // owned by the GraphStructures that answered
  std::int32_t position;
};

// One transfer of a kiting cycle: from member hop's account to member (hop + 1) mod size's.
struct KitingHop {
  Instant time;
  std::int64_t amount_cents;
};

class GraphStructures {
 public:
  static constexpr Instant kRingWindow = 7 * kMicrosPerDay;
  static constexpr Instant kClusterWindow = 168 * kMicrosPerHour;

  // options must have passed Validate(). Throws synthgen::Error (kOutOfRange, naming world_size) when the
  // drawn structures need more users than the world has. Costs one entry per structure, whatever the number
  // of member slots: a user's membership is found by inverting the slot -> user permutation.
  explicit GraphStructures(const GraphWorldOptions& options);

  // All structures in slot order (rings, then clusters, then cycles).
  std::size_t size() const noexcept { return structures_.size(); }
  const FraudStructure& operator[](std::size_t i) const noexcept { return structures_[i]; }
  // The structure with this pattern and id (id < the option's count for that pattern).
  const FraudStructure& Get(GraphPattern pattern, std::int64_t id) const noexcept;

  // Slots taken by all structures, i.e. the number of member users.
  std::int64_t total_slots() const noexcept { return total_slots_; }

  // The user index of a structure's member.
  std::int64_t MemberUser(const FraudStructure& structure, std::int32_t position) const noexcept;

  // The structure a user of the chunk [first_user, first_user + count) belongs to, or none (also for users
  // outside the chunk).
  std::optional<StructureMembership> Find(std::int64_t user) const noexcept;

  // Hop hop (0 .. size - 1) of a kiting cycle: hop times strictly increase with hop.
  KitingHop Hop(const FraudStructure& cycle, std::int32_t hop) const noexcept;

 private:
  std::uint64_t seed_;
  std::int64_t device_rings_;
  std::int64_t ip_clusters_;
  IndexPermutation membership_;
  std::vector<FraudStructure> structures_;
  std::int64_t total_slots_ = 0;
  std::int64_t chunk_begin_;
  std::int64_t chunk_end_;
};

}  // namespace synthgen
