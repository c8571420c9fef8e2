// What defines a credit-card world: its seed, how many merchants, banks, accounts and cards it holds, and the
// backfill window [start_date, end_date) its entity dates derive from (the original's data-generator rules:
// card issue dates from end - 3 x 365 days, expiry up to end + 3 x 365 days, account creation from
// end - 5 x 365 days, last_modified from end - 365 days, card status updates before start - 1 day).
#pragma once

#include <cstdint>

#include "core/calendar.hpp"

namespace synthgen {

// At most this many entities of each kind (identifiers have 8 digits, as the original's).
constexpr std::int64_t kMaxCardWorldEntities = 100'000'000;
// At most this many merchants: transactions look merchants up by country in a table of this size.
constexpr std::int64_t kMaxMerchants = 1'000'000;

struct CardWorldOptions {
  std::uint64_t seed = 42;
  std::int64_t merchants = 500;
  std::int64_t banks = 1000;
  std::int64_t accounts = 10'000;
  std::int64_t cards = 20'000;
  Instant start_date = kDefaultSimulationDate - 30 * kMicrosPerDay;
  Instant end_date = kDefaultSimulationDate;

  // Throws synthgen::Error naming the offending parameter by its SQL name (merchants, banks, accounts, cards,
  // window_start and window_end for start_date and end_date).
  void Validate() const;
  // Validate's checks except those of start_date: for merchants, banks and accounts, whose rows depend on
  // end_date alone and whose SQL functions have no window_start.
  void ValidateWithoutStart() const;
};

}  // namespace synthgen
