// Tests CardWorldOptions::Validate: accepted bounds, and the code and exact message of every rejection.
#include "core/card_world_options.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "core/error.hpp"

namespace synthgen {
namespace {

void ExpectRejected(const CardWorldOptions& options, ErrorCode code, const std::string& message) {
  try {
    options.Validate();
    ADD_FAILURE() << "Validate() accepted options; expected \"" << message << "\"";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), code) << error.what();
    EXPECT_EQ(std::string(error.what()), message);
  }
}

TEST(CardWorldOptionsTest, DefaultsAreValid) {
  const CardWorldOptions options;
  EXPECT_NO_THROW(options.Validate());
  EXPECT_EQ(options.end_date, kDefaultSimulationDate);
  EXPECT_EQ(options.end_date - options.start_date, 30 * kMicrosPerDay);
}

TEST(CardWorldOptionsTest, AcceptsTheBoundsOfEveryCount) {
  CardWorldOptions options;
  options.merchants = 1;
  options.banks = 1;
  options.accounts = 1;
  options.cards = 1;
  EXPECT_NO_THROW(options.Validate());
  options.merchants = kMaxMerchants;
  options.banks = kMaxCardWorldEntities;
  options.accounts = kMaxCardWorldEntities;
  options.cards = kMaxCardWorldEntities;
  EXPECT_NO_THROW(options.Validate());
}

TEST(CardWorldOptionsTest, RejectsCountsOutsideTheirRange) {
  for (const std::int64_t bad :
       {std::int64_t{0}, std::int64_t{-1}, std::numeric_limits<std::int64_t>::min()}) {
    CardWorldOptions options;
    options.merchants = bad;
    ExpectRejected(options, ErrorCode::kOutOfRange, "merchants must be between 1 and 1000000");
    options = CardWorldOptions();
    options.banks = bad;
    ExpectRejected(options, ErrorCode::kOutOfRange, "banks must be between 1 and 100000000");
    options = CardWorldOptions();
    options.accounts = bad;
    ExpectRejected(options, ErrorCode::kOutOfRange, "accounts must be between 1 and 100000000");
    options = CardWorldOptions();
    options.cards = bad;
    ExpectRejected(options, ErrorCode::kOutOfRange, "cards must be between 1 and 100000000");
  }
  CardWorldOptions options;
  options.merchants = kMaxMerchants + 1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "merchants must be between 1 and 1000000");
  options = CardWorldOptions();
  options.banks = kMaxCardWorldEntities + 1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "banks must be between 1 and 100000000");
  options = CardWorldOptions();
  options.accounts = std::numeric_limits<std::int64_t>::max();
  ExpectRejected(options, ErrorCode::kOutOfRange, "accounts must be between 1 and 100000000");
  options = CardWorldOptions();
  options.cards = kMaxCardWorldEntities + 1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "cards must be between 1 and 100000000");
}

TEST(CardWorldOptionsTest, RejectsDatesOutsideYears1900To9999) {
  CardWorldOptions options;
  options.start_date = kMinSimulationDate - 1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "window_start must lie between years 1900 and 9999");
  options = CardWorldOptions();
  options.end_date = kMaxSimulationDate + 1;
  ExpectRejected(options, ErrorCode::kOutOfRange, "window_end must lie between years 1900 and 9999");
  options = CardWorldOptions();
  options.start_date = kMinSimulationDate;
  options.end_date = kMaxSimulationDate;
  EXPECT_NO_THROW(options.Validate());
}

TEST(CardWorldOptionsTest, RejectsAnEndDateNotAfterTheStartDate) {
  CardWorldOptions options;
  options.end_date = options.start_date;
  ExpectRejected(options, ErrorCode::kInvalidArgument, "window_end must be after window_start");
  options.end_date = options.start_date - kMicrosPerDay;
  ExpectRejected(options, ErrorCode::kInvalidArgument, "window_end must be after window_start");
  options.end_date = options.start_date + 1;
  EXPECT_NO_THROW(options.Validate());
}

TEST(CardWorldOptionsTest, ChecksCountsBeforeDates) {
  CardWorldOptions options;
  options.cards = 0;
  options.end_date = options.start_date;
  ExpectRejected(options, ErrorCode::kOutOfRange, "cards must be between 1 and 100000000");
}

}  // namespace
}  // namespace synthgen
