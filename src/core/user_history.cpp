// One user's records: replays the planned timeline through the user's balance, sizes the history-dependent
// amounts, computes every windowed field from the user's own records, and labels them (see README, "Model").
#include "core/user_history.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/label_delay.hpp"
#include "core/random_draws.hpp"
#include "core/user_timeline.hpp"

namespace synthgen {
namespace {

constexpr Instant k24Hours = kMicrosPerDay;
constexpr Instant k7Days = 7 * kMicrosPerDay;
constexpr Instant k30Days = 30 * kMicrosPerDay;

// round(numerator / denominator) with halves away from zero, as PostgreSQL rounds numeric.
std::int64_t RoundedDivide(std::int64_t numerator, std::int64_t denominator) noexcept {
  const std::int64_t half = denominator / 2;
  return numerator >= 0 ? (numerator + half) / denominator : -((-numerator + half) / denominator);
}

std::int64_t CeilCents(double cents) noexcept {
  return std::max<std::int64_t>(1, std::llround(std::ceil(cents)));
}

// The double nearest an __int128 (ties to even), as static_cast gives it; through int64 when it fits, because
// converting an __int128 is a library call and the window statistics convert one per record.
double ToDouble(__int128 value) noexcept {
  const bool fits =
      value >= std::numeric_limits<std::int64_t>::min() && value <= std::numeric_limits<std::int64_t>::max();
  return fits ? static_cast<double>(static_cast<std::int64_t>(value)) : static_cast<double>(value);
}

// Running sums over the records so far, for trailing windows "RANGE BETWEEN <w> PRECEDING AND CURRENT ROW":
// the records with time >= t - w, up to and including the current one. Entry 0 is zero; entry i + 1 is
// written when record i is, so nothing else needs clearing.
struct RunningSums {
  RunningSums() noexcept { balance[0] = balance_squared[0] = amount[0] = connections[0] = 0; }
  std::int64_t balance[kMaxRecordsPerUser + 1];
  __int128 balance_squared[kMaxRecordsPerUser + 1];
  std::int64_t amount[kMaxRecordsPerUser + 1];
  std::int64_t connections[kMaxRecordsPerUser + 1];
};

// First index whose time is >= t - width (times strictly increase).
int WindowStart(const PlannedEvent* events, int current, Instant width, int previous_start) noexcept {
  int start = previous_start;
  while (events[start].time < events[current].time - width) ++start;
  return start;
}

}  // namespace

int UserHistory::Build(std::int64_t user_index, FraudPattern pattern, const UserIdentity* identity,
                       UserRecord* out) const {
  RandomStream rng(seed_, StreamId::kHistory, static_cast<std::uint64_t>(user_index));
  RandomDraws draw(rng);
  UserTimeline timeline;
  PlanTimeline(pattern, simulation_date_, draw, timeline);
  PlannedEvent* events = timeline.events;
  const int n = timeline.size;

  RunningSums sums;
  int start_30d = 0;
  int start_7d = 0;
  int start_24h = 0;
  std::int64_t spent = 0;
  for (int i = 0; i < n; ++i) {
    PlannedEvent& event = events[i];
    const std::int64_t balance =
        timeline.opening_balance_cents + timeline.IncomeBetween(timeline.history_start, event.time) - spent;
    start_30d = WindowStart(events, i, k30Days, start_30d);
    start_7d = WindowStart(events, i, k7Days, start_7d);
    start_24h = WindowStart(events, i, k24Hours, start_24h);
    const int prior_30d = i - start_30d;
    const std::int64_t prior_30d_amount = sums.amount[i] - sums.amount[start_30d];
    const double prior_30d_average = prior_30d > 0 ? static_cast<double>(prior_30d_amount) / prior_30d : 0.0;
    const double running_average = i > 0 ? static_cast<double>(sums.amount[i]) / i : 0.0;

    bool returned = false;
    if (event.kind == EventKind::kDrain) {
      event.amount_cents = std::max<std::int64_t>(100, balance - timeline.drain_leftover_cents);
    } else if (event.kind == EventKind::kFraud) {
      switch (pattern) {
        case FraudPattern::kLiquidityCrunch:
          // More than what is left, so it comes back for insufficient funds.
          event.amount_cents += std::max<std::int64_t>(0, balance);
          returned = true;
          break;
        case FraudPattern::kLinkBurst: {
          const std::int64_t linked_24h = sums.connections[i] - sums.connections[start_24h];
          event.new_connections = static_cast<std::int32_t>(
              std::max<std::int64_t>(1, timeline.link_burst_target_24h - linked_24h));
          break;
        }
        case FraudPattern::kAto:
          event.amount_cents = prior_30d > 0 ? CeilCents(prior_30d_average * draw.Real(5.5, 15.0))
                                             : draw.LogNormalCents(500.0, 1.2);
          break;
        case FraudPattern::kBustOut:
          event.amount_cents = CeilCents(std::max(running_average, prior_30d_average) * draw.Real(5.5, 7.0));
          break;
        case FraudPattern::kSleeperAto: {
          // The takeover drains 70-95% of the account, and at least 3.5-5x the running average.
          const std::int64_t drained =
              std::llround(static_cast<double>(std::max<std::int64_t>(0, balance)) * draw.Real(0.7, 0.95));
          event.amount_cents = std::max(CeilCents(running_average * draw.Real(3.5, 5.0)), drained);
          break;
        }
        case FraudPattern::kNone:
          break;
      }
    }

    sums.balance[i + 1] = sums.balance[i] + balance;
    sums.balance_squared[i + 1] = sums.balance_squared[i] + static_cast<__int128>(balance) * balance;
    sums.amount[i + 1] = sums.amount[i] + event.amount_cents;
    sums.connections[i + 1] = sums.connections[i] + event.new_connections;
    if (!returned) spent += event.amount_cents;

    UserRecord& record = out[i];
    record.identity = identity;
    record.transaction_time = event.time;
    record.is_off_hours = IsOffHours(event.time);
    record.available_balance_cents = balance;
    record.amount_cents = event.amount_cents;
    record.balance_to_transaction_ratio =
        static_cast<double>(balance) / static_cast<double>(event.amount_cents);
    record.merchant_risk_score = event.merchant_risk_score;
    record.is_returned = returned;
    record.new_bank_connections = event.new_connections;

    const std::int64_t in_30d = i + 1 - start_30d;
    const std::int64_t balance_sum = sums.balance[i + 1] - sums.balance[start_30d];
    record.avg_available_balance_30d_cents = RoundedDivide(balance_sum, in_30d);
    const __int128 spread =
        static_cast<__int128>(in_30d) * (sums.balance_squared[i + 1] - sums.balance_squared[start_30d]) -
        static_cast<__int128>(balance_sum) * balance_sum;  // n (n-1) * sample variance
    if (in_30d < 2 || spread <= 0) {
      record.balance_volatility_z_score = 0.0;
    } else {
      const double deviation =
          static_cast<double>(in_30d * balance - balance_sum) / static_cast<double>(in_30d);
      const double stddev = std::sqrt(ToDouble(spread) / static_cast<double>(in_30d * (in_30d - 1)));
      record.balance_volatility_z_score = deviation / stddev;
    }
    record.amount_to_avg_ratio =
        prior_30d > 0 ? static_cast<double>(event.amount_cents) / prior_30d_average : 1.0;
    record.bank_connections_24h =
        static_cast<std::int32_t>(sums.connections[i + 1] - sums.connections[start_24h]);
    record.bank_connections_7d =
        static_cast<std::int32_t>(sums.connections[i + 1] - sums.connections[start_7d]);
    record.bank_connections_avg_30d =
        static_cast<double>(sums.connections[i + 1] - sums.connections[start_30d]) / 30.0;

    const bool email_changed = timeline.changes_email && timeline.identity_change_at <= event.time;
    const bool phone_changed = timeline.changes_phone && timeline.identity_change_at <= event.time;
    record.email_changed_at = email_changed ? timeline.identity_change_at : kNoInstant;
    record.phone_changed_at = phone_changed ? timeline.identity_change_at : kNoInstant;
    record.sequence_number = i + 1;
  }

  // Record ids, labels and evaluation metadata: the fraud event is confirmed after a log-normal delay; until
  // the simulation date reaches that confirmation it looks clean.
  const int fraud = timeline.fraud_index;
  const Instant confirmed_at = fraud >= 0 ? events[fraud].time + LabelDelay(seed_, user_index) : kNoInstant;
  FormatRecordIds(record_id_key_, user_index, n, out);
  for (int i = 0; i < n; ++i) {
    UserRecord& record = out[i];
    const bool is_event = i == fraud;
    record.is_fraud_event = is_event;
    record.true_fraud_type = is_event ? pattern : FraudPattern::kNone;
    record.is_fraudulent = is_event && confirmed_at <= simulation_date_;
    record.fraud_type = record.is_fraudulent ? pattern : FraudPattern::kNone;
    record.fraud_confirmed_at = confirmed_at;
    if (fraud < 0) {
      record.is_pre_fraud = true;
      record.has_days_to_fraud = false;
      record.days_to_fraud = 0.0;
      record.is_train_eligible = true;
    } else {
      record.is_pre_fraud = record.transaction_time < confirmed_at;
      record.has_days_to_fraud = true;
      record.days_to_fraud =
          static_cast<double>(confirmed_at - record.transaction_time) / static_cast<double>(kMicrosPerDay);
      record.is_train_eligible =
          record.is_pre_fraud;  // every fraud event precedes its confirmation by >= 1 h
    }
  }
  return n;
}

}  // namespace synthgen
