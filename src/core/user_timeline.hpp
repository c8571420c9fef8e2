// The planned events of one user's history, before balances and windows are applied: when each transaction
// happens, what kind it is, and the amounts that do not depend on the history (see README, "Model").
#pragma once

#include <cstdint>

#include "core/fraud_pattern.hpp"
#include "core/identity.hpp"
#include "core/random_draws.hpp"

namespace synthgen {

enum class EventKind : std::uint8_t {
  kEveryday,  // ordinary spending, LogNormal(mean 75, sigma 1)
  kSmall,     // small steady spending (liquidity-crunch run-up, bust-out build-up)
  kDrain,     // a large legitimate debit that empties the account (liquidity crunch)
  kBurst,     // a small transaction that links new bank connections (sleeper link burst)
  kFraud,     // the fraud event
};

struct PlannedEvent {
  Instant time;
  EventKind kind;
  std::int64_t amount_cents;  // 0 where the amount depends on the history (drain, spikes)
  std::int32_t new_connections;
  std::int32_t merchant_risk_score;
};

// Declared as a plain local (default-initialised), the events beyond size are left unwritten: a user's history
// never reads them, and zeroing 2 KB per user was a measurable share of the generation time.
struct UserTimeline {
  PlannedEvent events[kMaxRecordsPerUser];
  int size = 0;
  int fraud_index = -1;  // after Finish(); -1 for a legitimate user

  Instant history_start = 0;
  std::int64_t opening_balance_cents = 0;
  std::int64_t pay_cents = 0;  // paid every 14 days from first_payday
  Instant first_payday = 0;
  Instant income_pause_start = 0;  // no pay in (start, end] (liquidity crunch); empty if equal
  Instant income_pause_end = 0;
  std::int64_t drain_leftover_cents = 0;   // balance a drain leaves behind
  std::int32_t link_burst_target_24h = 0;  // link burst: connections in the 24 h up to the fraud event
  Instant identity_change_at = kNoInstant;
  bool changes_email = false;
  bool changes_phone = false;

  // Income paid in (from, to].
  std::int64_t IncomeBetween(Instant from, Instant to) const noexcept;
};

// Plans the timeline of a user of the given pattern (kNone: legitimate) ending before simulation_date into a
// freshly constructed timeline.
void PlanTimeline(FraudPattern pattern, Instant simulation_date, RandomDraws& draw, UserTimeline& timeline);

}  // namespace synthgen
