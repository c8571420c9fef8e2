// The fraud-structure layout of a graph world (see graph_structures.hpp).
#include "core/graph_structures.hpp"

#include <algorithm>
#include <string>

#include "core/error.hpp"
#include "core/random_draws.hpp"

namespace synthgen {

std::uint64_t GraphStreamKey(std::uint64_t seed, GraphStream stream) noexcept {
  return Mix64(StreamKey(seed, StreamId::kIdentity) ^ static_cast<std::uint64_t>(stream));
}

RandomStream GraphRandomStream(std::uint64_t seed, GraphStream stream, std::uint64_t entity) noexcept {
  return RandomStream(GraphStreamKey(seed, stream), StreamId::kIdentity, entity);
}

GraphStructures::GraphStructures(const GraphWorldOptions& options)
    : seed_(options.seed),
      device_rings_(options.device_rings),
      ip_clusters_(options.ip_clusters),
      membership_(GraphStreamKey(options.seed, GraphStream::kMembership),
                  static_cast<std::uint64_t>(options.EffectiveWorldSize())),
      chunk_begin_(options.first_user),
      chunk_end_(options.first_user + options.count) {
  const Instant now = options.simulation_date;
  structures_.reserve(
      static_cast<std::size_t>(options.device_rings + options.ip_clusters + options.kiting_cycles));
  auto add = [this](GraphPattern pattern, std::int64_t id, std::int64_t size, Instant start) {
    structures_.push_back({pattern, id, total_slots_, static_cast<std::int32_t>(size), start});
    total_slots_ += size;
  };
  for (std::int64_t r = 0; r < options.device_rings; ++r) {
    RandomStream rng =
        GraphRandomStream(seed_, GraphStream::kDeviceRingLayout, static_cast<std::uint64_t>(r));
    RandomDraws draw(rng);
    const std::int64_t size = draw.Int(kMinDeviceRingMembers, kMaxDeviceRingMembers);
    add(GraphPattern::kDeviceSharing, r, size,
        draw.Between(now - 60 * kMicrosPerDay, now - 8 * kMicrosPerDay));
  }
  for (std::int64_t c = 0; c < options.ip_clusters; ++c) {
    RandomStream rng = GraphRandomStream(seed_, GraphStream::kIpClusterLayout, static_cast<std::uint64_t>(c));
    RandomDraws draw(rng);
    const std::int64_t size = draw.Int(kMinIpClusterMembers, kMaxIpClusterMembers);
    add(GraphPattern::kIpRecycling, c, size, draw.Between(now - 60 * kMicrosPerDay, now - 8 * kMicrosPerDay));
  }
  for (std::int64_t k = 0; k < options.kiting_cycles; ++k) {
    RandomStream rng =
        GraphRandomStream(seed_, GraphStream::kKitingCycleLayout, static_cast<std::uint64_t>(k));
    RandomDraws draw(rng);
    const std::int64_t size = options.kiting_cycle_length;
    const Instant start =
        draw.Between(now - 7 * kMicrosPerDay, now - kMicrosPerDay) - (size - 1) * 24 * kMicrosPerHour;
    add(GraphPattern::kKiting, k, size, start);
  }

  if (total_slots_ > options.EffectiveWorldSize()) {
    throw Error(ErrorCode::kOutOfRange, "device_rings, ip_clusters and kiting_cycles take " +
                                            std::to_string(total_slots_) + " users but world_size is " +
                                            std::to_string(options.EffectiveWorldSize()));
  }
}

const FraudStructure& GraphStructures::Get(GraphPattern pattern, std::int64_t id) const noexcept {
  std::int64_t offset = 0;
  if (pattern == GraphPattern::kIpRecycling) offset = device_rings_;
  if (pattern == GraphPattern::kKiting) offset = device_rings_ + ip_clusters_;
  return structures_[static_cast<std::size_t>(offset + id)];
}

std::int64_t GraphStructures::MemberUser(const FraudStructure& structure,
                                         std::int32_t position) const noexcept {
  return static_cast<std::int64_t>(membership_(static_cast<std::uint64_t>(structure.first_slot + position)));
}

std::optional<StructureMembership> GraphStructures::Find(std::int64_t user) const noexcept {
  if (user < chunk_begin_ || user >= chunk_end_) return std::nullopt;
  const auto slot = static_cast<std::int64_t>(membership_.Inverse(static_cast<std::uint64_t>(user)));
  if (slot >= total_slots_) return std::nullopt;
  // The structure holding the slot: the last one that starts at or before it.
  const auto after = std::upper_bound(
      structures_.begin(), structures_.end(), slot,
      [](std::int64_t s, const FraudStructure& structure) { return s < structure.first_slot; });
  const FraudStructure& structure = *(after - 1);
  return StructureMembership{&structure, static_cast<std::int32_t>(slot - structure.first_slot)};
}

KitingHop GraphStructures::Hop(const FraudStructure& cycle, std::int32_t hop) const noexcept {
  // Hop j's stream draws the gap before hop j (unused for hop 0), then hop j's amount.
  Instant time = cycle.start;
  std::int64_t amount_cents = 0;
  for (std::int32_t j = 0; j <= hop; ++j) {
    RandomStream rng = GraphRandomStream(
        seed_, GraphStream::kKitingHop,
        static_cast<std::uint64_t>(cycle.id) * kMaxKitingCycleLength + static_cast<std::uint64_t>(j));
    RandomDraws draw(rng);
    const std::int64_t gap_seconds = draw.Int(3600, 24 * 3600);
    if (j > 0) time += gap_seconds * kMicrosPerSecond;
    if (j == hop) amount_cents = draw.UniformCents(1'000.0, kMaxGraphTransferCents / 100.0);
  }
  return {time, amount_cents};
}

}  // namespace synthgen
