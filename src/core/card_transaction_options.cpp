// Validation and the closed-form allocation of CardTransactionOptions (see card_transaction_options.hpp).
#include "core/card_transaction_options.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "core/error.hpp"

namespace synthgen {

std::int64_t CardTransactionOptions::TransactionsOfCard(std::int64_t card) const noexcept {
  return rows / world.cards + (card < rows % world.cards ? 1 : 0);
}

std::int64_t CardTransactionOptions::FirstTidOfCard(std::int64_t card) const noexcept {
  return tid_offset + card * (rows / world.cards) + std::min(card, rows % world.cards);
}

std::int64_t CardTransactionOptions::ChunkTransactions() const noexcept {
  const std::int64_t count = EffectiveCardCount();
  const std::int64_t extra_end = std::min(first_card + count, rows % world.cards);
  return count * (rows / world.cards) + std::max<std::int64_t>(0, extra_end - first_card);
}

void CardTransactionOptions::Validate() const {
  world.Validate();
  ValidateCardPeriod(world, PeriodStart(), PeriodEnd());
  if (rows < 0) throw Error(ErrorCode::kOutOfRange, "rows must not be negative");
  if (rows > kMaxCardTransactions) {
    throw Error(ErrorCode::kOutOfRange, "rows must be at most " + std::to_string(kMaxCardTransactions));
  }
  ValidateTidRange(tid_offset, rows);
  if (first_card < 0) throw Error(ErrorCode::kOutOfRange, "first_card must not be negative");
  if (card_count && *card_count < 0) throw Error(ErrorCode::kOutOfRange, "card_count must not be negative");
  for (std::size_t i = 0; i < state_count; ++i) {
    if (states[i].card < 0 || states[i].card >= world.cards) {
      throw Error(ErrorCode::kInvalidArgument, "card_states names card " + std::to_string(states[i].card) +
                                                   ", outside a world of " + std::to_string(world.cards) + " cards");
    }
    if (i > 0 && states[i].card <= states[i - 1].card) {
      throw Error(ErrorCode::kInvalidArgument, "card_states names card " + std::to_string(states[i].card) +
                                                   " more than once");
    }
  }
  if (first_card > world.cards || EffectiveCardCount() > world.cards - first_card) {
    throw Error(ErrorCode::kOutOfRange, "first_card and card_count select cards outside a world of " +
                                            std::to_string(world.cards) + " cards");
  }
}

void ValidateCardPeriod(const CardWorldOptions& world, Instant start, Instant end) {
  if (start < kMinSimulationDate || start > kMaxSimulationDate) {
    throw Error(ErrorCode::kOutOfRange, "period_start must lie between years 1900 and 9999");
  }
  if (end < kMinSimulationDate || end > kMaxSimulationDate) {
    throw Error(ErrorCode::kOutOfRange, "period_end must lie between years 1900 and 9999");
  }
  if (end <= start) throw Error(ErrorCode::kInvalidArgument, "period_end must be after period_start");
  // Every card is issued before the window's end, so a period ending no earlier leaves each card time to
  // transact after its issue date.
  if (end < world.end_date) throw Error(ErrorCode::kInvalidArgument, "period_end must not precede window_end");
}

void ValidateTidRange(std::int64_t offset, std::int64_t count) {
  if (offset < 0) throw Error(ErrorCode::kOutOfRange, "tid_offset must not be negative");
  if (offset > std::numeric_limits<std::int64_t>::max() - count) {
    throw Error(ErrorCode::kOutOfRange, "tid_offset is too large: t_ids would exceed " +
                                            std::to_string(std::numeric_limits<std::int64_t>::max()));
  }
}

}  // namespace synthgen
