// The card transaction generator (see card_transaction_generator.hpp).
#include "core/card_transaction_generator.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "core/card_entity_id.hpp"
#include "core/error.hpp"
#include "core/random_draws.hpp"

namespace synthgen {
namespace {

constexpr double kCardPresentProbability = 0.6;

void CheckState(std::int64_t card, const CardLocationState& state, Instant period_start) {
  if (state.country >= kCardCountryCount) {
    throw Error(ErrorCode::kInvalidArgument,
                "the state of card " + std::to_string(card) + " names a country outside the card world");
  }
  if (state.last_ts < kMinSimulationDate || state.last_ts > kMaxSimulationDate) {
    throw Error(ErrorCode::kInvalidArgument, "the state of card " + std::to_string(card) +
                                                 " has a last transaction outside years 1900 to 9999");
  }
  if (state.last_ts >= period_start) {
    throw Error(ErrorCode::kInvalidArgument, "the state of card " + std::to_string(card) +
                                                 " has a last transaction at or after period_start");
  }
}

CardTransactionOptions Validated(const CardTransactionOptions& options) {
  options.Validate();
  return options;
}

}  // namespace

CardTransactionGenerator::CardTransactionGenerator(const CardTransactionOptions& options)
    : options_(Validated(options)),
      merchants_(options_.world),
      model_(merchants_),
      window_seed_(options_.world.seed ^ Mix64(static_cast<std::uint64_t>(options_.PeriodStart()))),
      next_card_(options_.first_card),
      end_card_(options_.first_card + options_.EffectiveCardCount()),
      next_tid_(options_.FirstTidOfCard(options_.first_card)) {
  rows_.reserve(kBatchRows);
}

double CardTransactionGenerator::ExpectedRows(const CardTransactionOptions& options) {
  options.Validate();
  return static_cast<double>(options.ChunkTransactions());
}

void CardTransactionGenerator::StartCard(std::int64_t card) {
  card_ = card;
  card_row_ = MakeCard(options_.world, card);
  FormatEntityId("ACC_", card_row_.account, account_id_);
  rng_ = RandomStream(window_seed_, StreamId::kCardTransactions, static_cast<std::uint64_t>(card));

  CardLocationState start;
  const CardStartState* states_end = options_.states + options_.state_count;
  const CardStartState* found = std::lower_bound(
      options_.states, states_end, card, [](const CardStartState& entry, std::int64_t key) { return entry.card < key; });
  if (found != states_end && found->card == card) {
    start = found->state;
    start.has_state = true;
    CheckState(card, start, options_.PeriodStart());
  } else {
    start = CardLocationState{};
  }
  location_.emplace(model_, AccountHomeCountry(options_.world, card_row_.account), start);

  const Instant period_start = options_.PeriodStart();
  const Instant period_end = options_.PeriodEnd();
  // Cards are issued before the window's end, which the period's end never precedes: lo < period_end.
  first_second_ = std::max(period_start, card_row_.issue_date);
  seconds_ = std::max<std::int64_t>(1, (period_end - first_second_) / kMicrosPerSecond);
  remaining_ = 1.0;
  card_rows_left_ = options_.TransactionsOfCard(card);
}

Instant CardTransactionGenerator::NextTimestamp(RandomDraws& draws) {
  // V in (0, 1]; the next order statistic of the card_rows_left_ still to come.
  const double v = 1.0 - draws.Real(0.0, 1.0);
  remaining_ *= std::exp(std::log(v) / static_cast<double>(card_rows_left_));
  const auto second = static_cast<std::int64_t>((1.0 - remaining_) * static_cast<double>(seconds_));
  return first_second_ + std::min(second, seconds_ - 1) * kMicrosPerSecond;
}

void CardTransactionGenerator::EmitRow() {
  RandomDraws draws(rng_);
  CardTransaction& row = rows_.emplace_back();
  row.t_id = next_tid_++;
  row.card = card_;
  std::memcpy(row.cc_num, card_row_.cc_num, sizeof row.cc_num);
  std::memcpy(row.account_id, account_id_, sizeof row.account_id);
  row.ts = NextTimestamp(draws);
  const CardLocationStep step = location_->Next(row.ts, draws);
  FormatEntityId("MERCH_", step.merchant, row.merchant_id);
  row.ip = step.ip;
  row.country = step.country;
  row.amount_cents = DrawTransactionAmountCents(rng_);
  row.card_present = draws.Chance(kCardPresentProbability);
  --card_rows_left_;
}

std::size_t CardTransactionGenerator::NextBatch() {
  rows_.clear();
  while (rows_.size() < kBatchRows) {
    if (card_rows_left_ == 0) {
      // Allocations never grow with the card index: once a card holds none, neither does any later one.
      if (next_card_ == end_card_ || options_.TransactionsOfCard(next_card_) == 0) break;
      StartCard(next_card_++);
    }
    EmitRow();
  }
  return rows_.size();
}

}  // namespace synthgen
