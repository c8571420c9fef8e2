// Tests the fraud-structure layout: counts, sizes, slots, windows, distinct members, chunk-independent
// membership lookup and kiting hops.
#include "core/graph_structures.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>

namespace synthgen {
namespace {

GraphWorldOptions LayoutOptions(std::int64_t world, std::uint64_t seed) {
  GraphWorldOptions options;
  options.count = world;
  options.seed = seed;
  options.device_rings = 9;
  options.ip_clusters = 7;
  options.kiting_cycles = 5;
  options.kiting_cycle_length = 4;
  return options;
}

TEST(GraphStructuresTest, LayoutHasTheRequestedStructuresInSlotOrder) {
  const GraphWorldOptions options = LayoutOptions(5000, 3);
  const GraphStructures structures(options);
  ASSERT_EQ(structures.size(), 21u);
  std::int64_t next_slot = 0;
  for (std::size_t i = 0; i < structures.size(); ++i) {
    const FraudStructure& s = structures[i];
    SCOPED_TRACE("structure " + std::to_string(i));
    const GraphPattern expected =
        i < 9 ? GraphPattern::kDeviceSharing : (i < 16 ? GraphPattern::kIpRecycling : GraphPattern::kKiting);
    EXPECT_EQ(s.pattern, expected);
    EXPECT_EQ(s.id, static_cast<std::int64_t>(i < 9 ? i : (i < 16 ? i - 9 : i - 16)));
    EXPECT_EQ(&structures.Get(s.pattern, s.id), &s);
    EXPECT_EQ(s.first_slot, next_slot);
    next_slot += s.size;
    const Instant now = options.simulation_date;
    switch (s.pattern) {
      case GraphPattern::kDeviceSharing:
        EXPECT_GE(s.size, 6);
        EXPECT_LE(s.size, 15);
        EXPECT_GE(s.start, now - 60 * kMicrosPerDay);
        EXPECT_LT(s.start, now - 8 * kMicrosPerDay);
        break;
      case GraphPattern::kIpRecycling:
        EXPECT_GE(s.size, 5);
        EXPECT_LE(s.size, 20);
        EXPECT_GE(s.start, now - 60 * kMicrosPerDay);
        EXPECT_LT(s.start, now - 8 * kMicrosPerDay);
        break;
      default:
        EXPECT_EQ(s.size, 4);
        EXPECT_GE(s.start, now - 7 * kMicrosPerDay - 3 * kMicrosPerDay);
        EXPECT_LT(s.start, now - kMicrosPerDay - 3 * kMicrosPerDay);
        break;
    }
  }
  EXPECT_EQ(structures.total_slots(), next_slot);
}

TEST(GraphStructuresTest, MembersAreDistinctUsersOfTheWorld) {
  const GraphWorldOptions options = LayoutOptions(400, 11);
  const GraphStructures structures(options);
  std::set<std::int64_t> users;
  for (std::size_t i = 0; i < structures.size(); ++i) {
    for (std::int32_t p = 0; p < structures[i].size; ++p) {
      const std::int64_t user = structures.MemberUser(structures[i], p);
      EXPECT_GE(user, 0);
      EXPECT_LT(user, 400);
      users.insert(user);
      const std::optional<StructureMembership> found = structures.Find(user);
      ASSERT_TRUE(found.has_value()) << "user " << user;
      EXPECT_EQ(found->structure, &structures[i]);
      EXPECT_EQ(found->position, p);
    }
  }
  EXPECT_EQ(static_cast<std::int64_t>(users.size()), structures.total_slots());
  std::int64_t found_users = 0;
  for (std::int64_t user = 0; user < 400; ++user) found_users += structures.Find(user).has_value() ? 1 : 0;
  EXPECT_EQ(found_users, structures.total_slots());
}

TEST(GraphStructuresTest, LayoutAndMembershipDoNotDependOnTheChunk) {
  const GraphWorldOptions whole = LayoutOptions(2000, 5);
  const GraphStructures all(whole);
  GraphWorldOptions chunk = whole;
  chunk.first_user = 700;
  chunk.count = 450;
  chunk.world_size = 2000;
  const GraphStructures part(chunk);
  ASSERT_EQ(part.size(), all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(part[i].first_slot, all[i].first_slot);
    EXPECT_EQ(part[i].size, all[i].size);
    EXPECT_EQ(part[i].start, all[i].start);
    for (std::int32_t p = 0; p < all[i].size; ++p)
      EXPECT_EQ(part.MemberUser(part[i], p), all.MemberUser(all[i], p));
  }
  int in_chunk = 0;
  for (std::int64_t user = 0; user < 2000; ++user) {
    const std::optional<StructureMembership> a = all.Find(user);
    const std::optional<StructureMembership> b = part.Find(user);
    if (user < 700 || user >= 1150) {
      EXPECT_FALSE(b.has_value()) << "user " << user << " lies outside the chunk";
      continue;
    }
    ASSERT_EQ(a.has_value(), b.has_value()) << "user " << user;
    if (!a) continue;
    ++in_chunk;
    EXPECT_EQ(a->structure - &all[0], b->structure - &part[0]);
    EXPECT_EQ(a->position, b->position);
  }
  EXPECT_GT(in_chunk, 0);
}

TEST(GraphStructuresTest, FindAnswersForEveryMemberSlotAndNoOtherUser) {
  // A world packed with structures, checked against every slot's member.
  GraphWorldOptions options = LayoutOptions(30000, 11);
  options.device_rings = 500;
  options.ip_clusters = 400;
  options.kiting_cycles = 300;
  options.kiting_cycle_length = 10;
  const GraphStructures structures(options);
  std::int64_t members = 0;
  for (std::size_t i = 0; i < structures.size(); ++i) {
    for (std::int32_t p = 0; p < structures[i].size; ++p) {
      const std::int64_t user = structures.MemberUser(structures[i], p);
      const std::optional<StructureMembership> found = structures.Find(user);
      ASSERT_TRUE(found.has_value()) << "structure " << i << " position " << p;
      EXPECT_EQ(found->structure, &structures[i]);
      EXPECT_EQ(found->position, p);
    }
  }
  for (std::int64_t user = 0; user < 30000; ++user) {
    if (structures.Find(user)) ++members;
  }
  EXPECT_EQ(members, structures.total_slots());
}

TEST(GraphStructuresTest, KitingHopsStrictlyIncreaseWithinBounds) {
  GraphWorldOptions options = LayoutOptions(5000, 8);
  options.kiting_cycles = 50;
  options.kiting_cycle_length = 64;
  const GraphStructures structures(options);
  for (std::int64_t k = 0; k < 50; ++k) {
    const FraudStructure& cycle = structures.Get(GraphPattern::kKiting, k);
    Instant previous = 0;
    for (std::int32_t hop = 0; hop < cycle.size; ++hop) {
      const KitingHop h = structures.Hop(cycle, hop);
      if (hop == 0) {
        EXPECT_EQ(h.time, cycle.start);
      } else {
        EXPECT_GE(h.time - previous, kMicrosPerHour);
        EXPECT_LE(h.time - previous, 24 * kMicrosPerHour);
      }
      EXPECT_LT(h.time, options.simulation_date - kMicrosPerDay);
      EXPECT_GE(h.amount_cents, 100'000);
      EXPECT_LE(h.amount_cents, 1'000'000);
      previous = h.time;
    }
  }
}

}  // namespace
}  // namespace synthgen
