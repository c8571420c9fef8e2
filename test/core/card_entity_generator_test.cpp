// Tests CardEntityGenerator: the range checks of its constructor, batches equal to the per-index functions,
// and the window check of the kinds that depend on the window's end alone.
#include "core/card_entity_generator.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <limits>

#include "core/calendar.hpp"
#include "expect_error.hpp"

namespace synthgen {
namespace {

CardEntityOptions MerchantOptions(std::int64_t first, std::int64_t count) {
  CardEntityOptions options;
  options.first = first;
  options.count = count;
  options.first_parameter = "first_merchant";
  options.uses_window_start = false;
  return options;
}

TEST(CardEntityGeneratorTest, BatchesEqualThePerIndexFunction) {
  const CardEntityOptions options = MerchantOptions(7, 5);
  MerchantGenerator generator(options);
  ASSERT_EQ(generator.NextBatch(), 5u);
  for (std::int64_t i = 0; i < 5; ++i) {
    const MerchantRow alone = MakeMerchant(options.world, 7 + i);
    EXPECT_STREQ(generator.rows()[i].merchant_id, alone.merchant_id);
    EXPECT_EQ(generator.rows()[i].country, alone.country);
    EXPECT_EQ(generator.rows()[i].last_modified, alone.last_modified);
  }
  EXPECT_EQ(generator.NextBatch(), 0u);
}

TEST(CardEntityGeneratorTest, RejectsRangesByTheirSqlNames) {
  ExpectError([] { MerchantGenerator generator(MerchantOptions(0, -1)); }, ErrorCode::kOutOfRange, "n",
              "a negative n");
  ExpectError([] { MerchantGenerator generator(MerchantOptions(-1, 1)); }, ErrorCode::kOutOfRange,
              "first_merchant", "a negative first_merchant");
  ExpectError([] { MerchantGenerator generator(MerchantOptions(kMaxCardWorldEntities, 1)); },
              ErrorCode::kOutOfRange, "first_merchant", "a range past the last identifier");
  // first + n past a bigint: the end of the range was computed before the check (signed overflow, which the
  // sanitizer build reports).
  constexpr std::int64_t kLargest = std::numeric_limits<std::int64_t>::max();
  ExpectError([] { MerchantGenerator generator(MerchantOptions(kLargest - 1, 500)); }, ErrorCode::kOutOfRange,
              "first_merchant", "a range whose end passes a bigint");
}

// synth_generate_merchants, _banks and _accounts have no window_start: a window_end of exactly 1900-01-01
// (the earliest accepted) made a start 1 us before it, which was rejected by the name window_start.
TEST(CardEntityGeneratorTest, WindowEndAloneAcceptsItsWholeRange) {
  CardEntityOptions options = MerchantOptions(0, 3);
  for (const Instant end : {kMinSimulationDate, kMaxSimulationDate}) {
    options.world.end_date = end;
    MerchantGenerator merchants(options);
    EXPECT_EQ(merchants.NextBatch(), 3u);
    BankGenerator banks(options);
    EXPECT_EQ(banks.NextBatch(), 3u);
    AccountGenerator accounts(options);
    EXPECT_EQ(accounts.NextBatch(), 3u);
    EXPECT_EQ(accounts.rows()[0].last_modified, MakeAccount(options.world, 0).last_modified);
  }
  options.world.end_date = kMinSimulationDate - 1;
  ExpectError([&] { MerchantGenerator generator(options); }, ErrorCode::kOutOfRange, "window_end",
              "a window_end before 1900");
}

TEST(CardEntityGeneratorTest, CardsCheckTheWholeWindow) {
  CardEntityOptions options;
  options.count = 1;
  options.first_parameter = "first_card";
  options.world.start_date = kMinSimulationDate - 1;
  ExpectError([&] { CardGenerator generator(options); }, ErrorCode::kOutOfRange, "window_start",
              "a window_start before 1900");
  options.world.start_date = options.world.end_date;
  ExpectError([&] { CardGenerator generator(options); }, ErrorCode::kInvalidArgument, "window_start",
              "an empty window");
}

}  // namespace
}  // namespace synthgen
