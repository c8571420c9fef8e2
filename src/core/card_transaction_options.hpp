// What a caller asks of the card transactions: the world, the time window, how many transactions the window
// holds across all of the world's cards, the first t_id, which chunk of cards this call generates, and, for
// an incremental window, where each card stood when the window opened.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/calendar.hpp"
#include "core/card_location.hpp"
#include "core/card_world_options.hpp"

namespace synthgen {

// At most this many transactions per window.
constexpr std::int64_t kMaxCardTransactions = 1'000'000'000'000LL;

// A card's state at the start of an incremental period: its last transaction before it (see StateAfter in
// card_transaction.hpp). The state's has_state is ignored (taken as true); its country must be one of the card
// world's and its last_ts lie in years 1900 to 9999, or the generator throws. Plain data, so a caller can
// hold any number of them in memory it owns.
struct CardStartState {
  std::int64_t card;
  CardLocationState state;
};

struct CardTransactionOptions {
  CardWorldOptions world;
  std::optional<Instant> period_start;      // none: world.start_date
  std::optional<Instant> period_end;        // none: world.end_date
  std::int64_t rows = 500'000;              // transactions of the window across all cards of the world
  std::int64_t tid_offset = 0;              // t_id of card 0's first transaction
  std::int64_t first_card = 0;              // this call generates cards [first_card, first_card + card_count)
  std::optional<std::int64_t> card_count;   // none: the rest of the world
  // The start states of the cards that have one, sorted by card, each card at most once (others start
  // fresh); the array must outlive the generator.
  const CardStartState* states = nullptr;
  std::size_t state_count = 0;

  Instant PeriodStart() const noexcept { return period_start.value_or(world.start_date); }
  Instant PeriodEnd() const noexcept { return period_end.value_or(world.end_date); }
  std::int64_t EffectiveCardCount() const noexcept { return card_count.value_or(world.cards - first_card); }

  // Card c holds rows / cards transactions, plus one when c < rows % cards; its t_ids follow those of cards
  // 0 .. c - 1.
  std::int64_t TransactionsOfCard(std::int64_t card) const noexcept;
  std::int64_t FirstTidOfCard(std::int64_t card) const noexcept;
  // The transactions of cards [first_card, first_card + card_count).
  std::int64_t ChunkTransactions() const noexcept;

  // Throws synthgen::Error naming the offending parameter by its SQL name (the world's, period_start
  // and period_end for the window, rows, tid_offset, first_card, card_count).
  void Validate() const;
};

// Throws synthgen::Error unless both bounds lie in years 1900 to 9999, end follows start, and end does not
// precede the world's window end (period_start, period_end).
void ValidateCardPeriod(const CardWorldOptions& world, Instant start, Instant end);

// Throws synthgen::Error unless offset >= 0 and offset + count fits in a bigint (tid_offset).
void ValidateTidRange(std::int64_t offset, std::int64_t count);

}  // namespace synthgen
