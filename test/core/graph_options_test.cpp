// Tests GraphWorldOptions: defaults, validation errors (code, parameter name) and the structures' fit in the
// world.
#include "core/graph_options.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "core/error.hpp"
#include "core/graph_world_generator.hpp"
#include "core/user_world_options.hpp"
#include "expect_error.hpp"

namespace synthgen {
namespace {

GraphWorldOptions ValidOptions() {
  GraphWorldOptions options;
  options.count = 1000;
  options.seed = 1;
  return options;
}

// Validate() and the generator's constructor both reject options with this code and a message naming
// parameter.
void ExpectRejected(const GraphWorldOptions& options, ErrorCode code, const std::string& parameter) {
  ExpectError([&] { options.Validate(); }, code, parameter, "Validate()");
  ExpectError([&] { GraphWorldGenerator generator(options); }, code, parameter, "the generator");
}

TEST(GraphOptionsTest, Defaults) {
  GraphWorldOptions options;
  EXPECT_EQ(options.count, 0);
  EXPECT_EQ(options.simulation_date, kDefaultSimulationDate);
  EXPECT_EQ(options.first_user, 0);
  EXPECT_FALSE(options.world_size.has_value());
  EXPECT_EQ(options.device_rings, 2);
  EXPECT_EQ(options.ip_clusters, 2);
  EXPECT_EQ(options.kiting_cycles, 1);
  EXPECT_EQ(options.kiting_cycle_length, 3);
  EXPECT_EQ(options.MinimumStructureUsers(), 2 * 6 + 2 * 5 + 3);
  EXPECT_NO_THROW(ValidOptions().Validate());
}

TEST(GraphOptionsTest, EmptyWorldNeedsNoStructures) {
  GraphWorldOptions options;  // no users: the default structures cannot fit
  ExpectRejected(options, ErrorCode::kOutOfRange, "world_size");
  options.device_rings = 0;
  options.ip_clusters = 0;
  options.kiting_cycles = 0;
  EXPECT_NO_THROW(options.Validate());
  GraphWorldGenerator generator(options);
  EXPECT_EQ(generator.NextBatch(), 0u);
}

TEST(GraphOptionsTest, CountAndChunkErrorsMirrorTheUserWorld) {
  GraphWorldOptions options = ValidOptions();
  options.count = -1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "n");
  options.count = kMaxWorldSize + 1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "n");

  options = ValidOptions();
  options.first_user = -1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "first_user");

  options = ValidOptions();
  options.world_size = -1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "world_size");
  options.world_size = kMaxWorldSize + 1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "world_size");

  options = ValidOptions();
  options.first_user = 950;
  options.count = 100;
  options.world_size = 1000;
  ExpectRejected(options, ErrorCode::kOutOfRange, "world_size");
  options.count = 50;
  EXPECT_NO_THROW(options.Validate());

  options.first_user = std::numeric_limits<std::int64_t>::max() - 10;
  options.count = kMaxWorldSize;
  options.world_size = kMaxWorldSize;
  ExpectRejected(options, ErrorCode::kOutOfRange, "world_size");
}

TEST(GraphOptionsTest, SimulationDateOutsideYears1900To9999IsOutOfRange) {
  GraphWorldOptions options = ValidOptions();
  options.simulation_date = kMinSimulationDate - 1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "simulation_date");
  options.simulation_date = kMaxSimulationDate + 1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "simulation_date");
  options.simulation_date = kMinSimulationDate;
  EXPECT_NO_THROW(options.Validate());
  options.simulation_date = kMaxSimulationDate;
  EXPECT_NO_THROW(options.Validate());
}

TEST(GraphOptionsTest, StructureCountsOutsideZeroToOneMillionAreOutOfRange) {
  struct Field {
    const char* name;
    std::int64_t GraphWorldOptions::*member;
  };
  for (const Field& field : {Field{"device_rings", &GraphWorldOptions::device_rings},
                             Field{"ip_clusters", &GraphWorldOptions::ip_clusters},
                             Field{"kiting_cycles", &GraphWorldOptions::kiting_cycles}}) {
    SCOPED_TRACE(field.name);
    GraphWorldOptions options = ValidOptions();
    options.*field.member = -1;
    ExpectRejected(options, ErrorCode::kOutOfRange, field.name);
    options.*field.member = kMaxGraphStructures + 1;
    ExpectRejected(options, ErrorCode::kOutOfRange, field.name);
    options.*field.member = std::numeric_limits<std::int64_t>::max();
    ExpectRejected(options, ErrorCode::kOutOfRange, field.name);
    options.*field.member = 0;
    EXPECT_NO_THROW(options.Validate());
  }
}

TEST(GraphOptionsTest, KitingCycleLengthOutside3To64IsOutOfRange) {
  GraphWorldOptions options = ValidOptions();
  for (std::int64_t length : {std::int64_t{-1}, std::int64_t{0}, std::int64_t{2}, std::int64_t{65},
                              std::numeric_limits<std::int64_t>::max()}) {
    options.kiting_cycle_length = length;
    ExpectRejected(options, ErrorCode::kOutOfRange, "kiting_cycle_length");
  }
  options.kiting_cycle_length = 3;
  EXPECT_NO_THROW(options.Validate());
  options.kiting_cycle_length = 64;
  EXPECT_NO_THROW(options.Validate());
}

TEST(GraphOptionsTest, StructuresLargerThanTheWorldAreOutOfRange) {
  GraphWorldOptions options = ValidOptions();
  options.count = 24;  // the defaults need at least 25 users
  ExpectRejected(options, ErrorCode::kOutOfRange, "world_size");

  options.count = 10;
  options.world_size = 1000;
  options.device_rings = 200;  // at least 1,200 users
  ExpectRejected(options, ErrorCode::kOutOfRange, "world_size");
  ExpectRejected(options, ErrorCode::kOutOfRange, "device_rings");
}

TEST(GraphOptionsTest, DrawnStructuresLargerThanTheWorldAreOutOfRange) {
  // 4 rings need 24-60 users: the minimum fits in a world of 30, so Validate() accepts it, and the generator
  // accepts it exactly when the drawn sizes fit.
  int rejected = 0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    GraphWorldOptions options;
    options.seed = seed;
    options.count = 60;
    options.device_rings = 4;
    options.ip_clusters = 0;
    options.kiting_cycles = 0;
    const std::int64_t needed = GraphWorldGenerator(options).structures().total_slots();
    ASSERT_GE(needed, 24);
    ASSERT_LE(needed, 60);
    options.count = 30;
    EXPECT_NO_THROW(options.Validate());
    try {
      GraphWorldGenerator generator(options);
      EXPECT_LE(needed, 30);
      EXPECT_EQ(generator.structures().total_slots(), needed);
    } catch (const Error& error) {
      EXPECT_GT(needed, 30);
      EXPECT_EQ(error.code(), ErrorCode::kOutOfRange);
      EXPECT_TRUE(MentionsPhrase(error.what(), "world_size")) << error.what();
      ++rejected;
    }
  }
  EXPECT_GT(rejected, 0);
}

}  // namespace
}  // namespace synthgen
