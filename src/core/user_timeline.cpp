// Timeline planning for each pattern (see user_timeline.hpp and README, "Model").
#include "core/user_timeline.hpp"

#include <algorithm>

namespace synthgen {
namespace {

constexpr Instant kPayPeriod = 14 * kMicrosPerDay;

class Planner {
 public:
  Planner(Instant simulation_date, RandomDraws& draw, UserTimeline& timeline) noexcept
      : now_(simulation_date), draw_(draw), timeline_(timeline) {}

  void Plan(FraudPattern pattern) {
    const std::int64_t history_days =
        pattern == FraudPattern::kSleeperAto ? draw_.Int(90, 179) : draw_.Int(30, 179);
    start_ = now_ - history_days * kMicrosPerDay;
    timeline_.history_start = start_;
    const bool crunch = pattern == FraudPattern::kLiquidityCrunch;
    timeline_.opening_balance_cents =
        crunch ? draw_.UniformCents(2000, 8000) : draw_.UniformCents(500, 15000);

    switch (pattern) {
      case FraudPattern::kNone:
        AddEveryday(draw_.Int(3, 15), start_, now_);
        break;
      case FraudPattern::kLiquidityCrunch:
        PlanLiquidityCrunch(history_days);
        break;
      case FraudPattern::kLinkBurst:
        PlanLinkBurst(history_days);
        break;
      case FraudPattern::kAto:
        PlanAto(history_days);
        break;
      case FraudPattern::kBustOut:
        PlanBustOut(history_days);
        break;
      case FraudPattern::kSleeperAto:
        PlanSleeper();
        break;
    }
    if (pattern != FraudPattern::kNone) AddPostFraud();
    PlanIncome();
  }

 private:
  void Add(Instant time, EventKind kind, std::int64_t amount_cents, std::int32_t risk,
           std::int32_t connections = 0) {
    timeline_.events[timeline_.size++] = PlannedEvent{time, kind, amount_cents, connections, risk};
  }
  void AddEveryday(std::int64_t count, Instant lo, Instant hi) {
    for (std::int64_t i = 0; i < count && hi > lo; ++i) {
      const Instant t = draw_.ActivityTime(lo, hi);
      const std::int64_t amount = draw_.LogNormalCents(75.0, 1.0);
      const auto risk = static_cast<std::int32_t>(draw_.Int(5, 44));
      Add(t, EventKind::kEveryday, amount, risk, draw_.Chance(0.08) ? 1 : 0);
    }
  }
  void AddSmall(std::int64_t count, Instant lo, Instant hi, double mean, double sigma) {
    for (std::int64_t i = 0; i < count; ++i) {
      const Instant t = draw_.ActivityTime(lo, hi);
      const std::int64_t amount = draw_.LogNormalCents(mean, sigma);
      Add(t, EventKind::kSmall, amount, static_cast<std::int32_t>(draw_.Int(5, 44)));
    }
  }
  // The fraud instant: a day in the later three quarters of the history (at least min_days in), and a daytime
  // or off-hours clock time.
  Instant FraudInstant(std::int64_t history_days, std::int64_t min_days, bool off_hours) {
    const std::int64_t lo = std::min(std::max(min_days, history_days / 4), history_days - 2);
    const Instant day = start_ + draw_.Int(lo, history_days - 2) * kMicrosPerDay;
    return day + (off_hours ? draw_.OffHoursClock() : draw_.DiurnalClock());
  }
  void AddFraud(Instant time, std::int64_t amount_cents, std::int64_t risk_lo, std::int64_t risk_hi) {
    fraud_time_ = time;
    Add(time, EventKind::kFraud, amount_cents, static_cast<std::int32_t>(draw_.Int(risk_lo, risk_hi)));
  }

  // Everyday history that ends before the 30-day window of the event, then a steady run-up of small spending
  // with no income, a drain, and a debit on the empty account that comes back. The opening balance also
  // covers the everyday spending, so the run-up starts from a healthy balance and the event's balance z-score
  // falls below -2.5 (14-22 run-up records keep it there: between -4.7 and -3.6 over 100,000 users).
  void PlanLiquidityCrunch(std::int64_t history_days) {
    const Instant fraud = FraudInstant(history_days, 29, false);
    const Instant run_up = fraud - 28 * kMicrosPerDay;
    const int before = timeline_.size;
    AddEveryday(draw_.Int(3, 15), start_, fraud - 31 * kMicrosPerDay);
    for (int i = before; i < timeline_.size; ++i)
      timeline_.opening_balance_cents += timeline_.events[i].amount_cents;
    AddSmall(draw_.Int(14, 22), run_up, fraud - kMicrosPerDay, 20.0, 0.4);
    Add(fraud - draw_.Between(kMicrosPerHour, 20 * kMicrosPerHour), EventKind::kDrain, 0,
        static_cast<std::int32_t>(draw_.Int(5, 44)));
    timeline_.drain_leftover_cents = draw_.UniformCents(5, 100);
    timeline_.income_pause_start = run_up;
    timeline_.income_pause_end = fraud;
    AddFraud(fraud, draw_.LogNormalCents(150.0, 1.0), 15, 49);
  }

  void PlanLinkBurst(std::int64_t history_days) {
    const Instant fraud = FraudInstant(history_days, 8, false);
    AddEveryday(draw_.Int(3, 15), start_, fraud - kMicrosPerHour);
    timeline_.link_burst_target_24h = static_cast<std::int32_t>(draw_.Int(5, 15));
    AddFraud(fraud, draw_.LogNormalCents(75.0, 1.0), 20, 59);
  }

  // Recent everyday activity, a change of contact details 1-72 h before, then an off-hours spike.
  void PlanAto(std::int64_t history_days) {
    const Instant fraud = FraudInstant(history_days, 8, true);
    AddEveryday(draw_.Int(3, 15), start_, fraud - kMicrosPerDay);
    AddEveryday(draw_.Int(2, 4), fraud - 29 * kMicrosPerDay, fraud - kMicrosPerDay);
    PlanIdentityChange(fraud);
    const std::int64_t kind = draw_.Int(0, 2);  // email, phone or both
    timeline_.changes_email = kind != 1;
    timeline_.changes_phone = kind != 0;
    AddFraud(fraud, 0, 40, 84);
  }

  // 20-50 small transactions that build trust, the last within 5 days of the spike.
  void PlanBustOut(std::int64_t history_days) {
    const Instant fraud = FraudInstant(history_days, 8, false);
    const Instant build_up = std::max(start_, fraud - 45 * kMicrosPerDay);
    AddSmall(draw_.Int(20, 50) - 1, build_up, fraud - kMicrosPerHour, 40.0, 0.5);
    AddSmall(1, fraud - 5 * kMicrosPerDay, fraud - kMicrosPerHour, 40.0, 0.5);
    AddFraud(fraud, 0, 50, 84);
  }

  // Everyday activity, 31-40 days dormant, a link burst of three transactions within the hour before an
  // off-hours high-value debit.
  void PlanSleeper() {
    AddEveryday(draw_.Int(3, 9), start_, now_ - 45 * kMicrosPerDay);
    Instant last = start_;
    for (int i = 0; i < timeline_.size; ++i) last = std::max(last, timeline_.events[i].time);
    const Instant wake = last + draw_.Int(31, 40) * kMicrosPerDay;
    const Instant fraud =
        DayStart(wake) + kMicrosPerDay + 23 * kMicrosPerHour + draw_.Between(0, 6 * kMicrosPerHour);
    const Instant burst_start = fraud - draw_.Between(20 * kMicrosPerMinute, 59 * kMicrosPerMinute);
    for (int i = 0; i < 3; ++i) {
      const Instant t = draw_.Between(burst_start, fraud - kMicrosPerMinute);
      const std::int64_t amount = draw_.UniformCents(10, 50);
      const auto risk = static_cast<std::int32_t>(draw_.Int(20, 49));
      Add(t, EventKind::kBurst, amount, risk, static_cast<std::int32_t>(i == 0 ? 1 : draw_.Int(1, 2)));
    }
    PlanIdentityChange(fraud);
    timeline_.changes_email = true;
    timeline_.changes_phone = draw_.Chance(0.5);
    AddFraud(fraud, 0, 60, 94);
  }

  void PlanIdentityChange(Instant fraud) {
    timeline_.identity_change_at =
        fraud - draw_.Between(kMicrosPerHour, 72 * kMicrosPerHour + kMicrosPerSecond);
  }

  // Two everyday transactions 1-14 days after the fraud event, if they fall before the simulation date.
  void AddPostFraud() {
    for (int i = 0; i < 2; ++i) {
      const Instant t = fraud_time_ + draw_.Between(kMicrosPerDay, 14 * kMicrosPerDay);
      const std::int64_t amount = draw_.LogNormalCents(75.0, 1.0);
      const auto risk = static_cast<std::int32_t>(draw_.Int(5, 44));
      if (t < now_) Add(t, EventKind::kEveryday, amount, risk);
    }
  }

  // Pay every 14 days, sized to the user's planned spending (+-20%), so balances drift rather than run away.
  void PlanIncome() {
    std::int64_t planned = 0;
    for (int i = 0; i < timeline_.size; ++i) planned += timeline_.events[i].amount_cents;
    timeline_.first_payday = start_ + draw_.Between(0, kPayPeriod);
    const std::int64_t periods = std::max<std::int64_t>(1, (now_ - start_) / kPayPeriod);
    timeline_.pay_cents = std::llround(static_cast<double>(planned) / periods * draw_.Real(0.8, 1.2));
  }

  Instant now_;
  RandomDraws& draw_;
  UserTimeline& timeline_;
  Instant start_ = 0;
  Instant fraud_time_ = 0;
};

// Paydays at first, first + period, ... that are <= t.
std::int64_t PaydaysUpTo(Instant first, Instant t) noexcept {
  return t < first ? 0 : (t - first) / kPayPeriod + 1;
}

}  // namespace

std::int64_t UserTimeline::IncomeBetween(Instant from, Instant to) const noexcept {
  std::int64_t paydays = PaydaysUpTo(first_payday, to) - PaydaysUpTo(first_payday, from);
  const Instant pause_from = std::max(from, income_pause_start);
  const Instant pause_to = std::min(to, income_pause_end);
  if (pause_to > pause_from)
    paydays -= PaydaysUpTo(first_payday, pause_to) - PaydaysUpTo(first_payday, pause_from);
  return paydays * pay_cents;
}

void PlanTimeline(FraudPattern pattern, Instant simulation_date, RandomDraws& draw, UserTimeline& timeline) {
  Planner(simulation_date, draw, timeline).Plan(pattern);

  // Time order (a stable insertion sort: ties keep planning order on every platform, and nothing is
  // allocated), then strictly increasing whole seconds.
  for (int i = 1; i < timeline.size; ++i) {
    const PlannedEvent event = timeline.events[i];
    int j = i;
    for (; j > 0 && timeline.events[j - 1].time > event.time; --j)
      timeline.events[j] = timeline.events[j - 1];
    timeline.events[j] = event;
  }
  for (int i = 1; i < timeline.size; ++i) {
    if (timeline.events[i].time <= timeline.events[i - 1].time) {
      timeline.events[i].time = timeline.events[i - 1].time + kMicrosPerSecond;
    }
  }
  for (int i = 0; i < timeline.size; ++i) {
    if (timeline.events[i].kind == EventKind::kFraud) timeline.fraud_index = i;
  }
}

}  // namespace synthgen
