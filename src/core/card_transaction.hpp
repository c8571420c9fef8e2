// One credit-card transaction (the original's transaction columns plus the country it happened in), as
// fixed-size fields, and the amount law that legitimate and geographic-fraud transactions share.
#pragma once

#include <algorithm>
#include <boost/random/lognormal_distribution.hpp>
#include <cmath>
#include <cstdint>

#include "core/calendar.hpp"
#include "core/card_geography.hpp"
#include "core/card_location.hpp"
#include "core/ipv4.hpp"
#include "core/random_stream.hpp"

namespace synthgen {

struct CardTransaction {
  std::int64_t t_id;
  std::int64_t card;     // card index
  char cc_num[20];       // the card's number
  char account_id[16];   // "ACC_" + 8 digits of the card's account
  char merchant_id[16];  // "MERCH_" + 8 digits
  std::int64_t amount_cents;
  Ipv4 ip;
  bool card_present;
  Instant ts;
  CountryIndex country;  // where the transaction happened: the IP address's country
};

// The parameters of the underlying normal of the original's amounts: LogNormal(3.5, 1.2), median 33.12,
// mean 68.03.
constexpr double kAmountLogMean = 3.5;
constexpr double kAmountLogSigma = 1.2;

// Every amount fits numeric(12, 2): at most this many cents.
constexpr std::int64_t kMaxAmountCents = 999'999'999'999;

// An amount in cents: LogNormal(3.5, 1.2) rounded to cents, in [0.01, kMaxAmountCents]. The cap only keeps
// the value in range (a draw 16 standard deviations out would reach it).
inline std::int64_t DrawTransactionAmountCents(RandomStream& rng) {
  const double amount = boost::random::lognormal_distribution<double>(kAmountLogMean, kAmountLogSigma)(rng);
  return std::clamp<std::int64_t>(std::llround(std::min(amount, 1e10) * 100.0), 1, kMaxAmountCents);
}

// The state a card is in after this transaction (the start state of its next one).
inline CardLocationState StateAfter(const CardTransaction& row) noexcept {
  return CardLocationState{row.country, row.ts, row.ip, true};
}

}  // namespace synthgen
