// The card transactions' pull API: built from validated options, it yields the legitimate transactions of
// cards [first_card, first_card + card_count) in one period (by default the world's window), in bounded batches, so memory never grows
// with the row count (a card may hold millions of transactions and span many batches).
//
// The model (the original's location-continuity generator, keeping the promises its code broke):
// - Allocation: the window holds `rows` transactions over all of the world's cards; card c holds
//   rows / cards of them, plus one when c < rows % cards (the original spread them over its card-table rows,
//   so a card with a status-update row got twice as many).
// - t_ids run contiguously from tid_offset in (card, time) order: a card's t_ids are time-ordered (the
//   original's were a permutation within each card).
// - Timestamps: whole seconds after lo = max(period start, the card's issue date), uniform in [lo, period
//   end) and generated in ascending order as sequential order statistics (the i-th of k: 1 - x_i =
//   (1 - x_{i-1}) * V_i^(1 / (k - i + 1)), V uniform in (0, 1], ts = lo + floor(x_i * seconds) seconds), so
//   no card's timestamps are ever stored. Two consecutive transactions of a card can share a second. Every
//   card is issued before the window's end and a period never ends before it, so lo < period end; an
//   interval shorter than a second puts all of the card's transactions at lo.
// - Where: CardLocation (see card_location.hpp): home/neighbour/international 85/10/5, no change of country
//   within 6 hours of the previous transaction, 60% same-subnet addresses within a country, a merchant of the
//   country. An incremental window starts each card from the state the options' lookup gives (its last
//   transaction before the window), so the 6-hour rule and subnet continuity hold across the seam.
// - Amount LogNormal(3.5, 1.2) in cents (at least 0.01); card_present with probability 0.6.
// - Randomness: one stream per card and window, RandomStream(seed ^ Mix64(window start), kCardTransactions,
//   card), drawn per transaction in this order: the timestamp's V, the location (see CardLocation::Next),
//   the amount, card_present. So a card in a window always gives the same transactions, whatever the chunk
//   or batch: generating cards [0, N) equals the concatenation of [0, k) and [k, N), row for row.
// A card's state after the window is its last row's (StateAfter), or its start state when it has no rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/card_entities.hpp"
#include "core/card_location.hpp"
#include "core/card_transaction.hpp"
#include "core/card_transaction_options.hpp"
#include "core/random_stream.hpp"

namespace synthgen {

class CardTransactionGenerator {
 public:
  static constexpr std::size_t kBatchRows = 4096;

  // Throws synthgen::Error when the options are invalid. Later, NextBatch throws synthgen::Error
  // (kInvalidArgument) when the state lookup returns a state outside the card world.
  explicit CardTransactionGenerator(const CardTransactionOptions& options);
  CardTransactionGenerator(const CardTransactionGenerator&) = delete;
  CardTransactionGenerator& operator=(const CardTransactionGenerator&) = delete;

  // Generates the next transactions; returns the number of rows now in rows() (0 once every card is out).
  std::size_t NextBatch();
  const CardTransaction* rows() const noexcept { return rows_.data(); }
  std::size_t batch_size() const noexcept { return rows_.size(); }

  // The number of rows of the options' chunk (exact), for row estimates. Throws synthgen::Error when the
  // options are invalid.
  static double ExpectedRows(const CardTransactionOptions& options);

 private:
  void StartCard(std::int64_t card);
  void EmitRow();
  Instant NextTimestamp(RandomDraws& draws);

  CardTransactionOptions options_;
  MerchantDirectory merchants_;
  CardLocationModel model_;  // refers to merchants_
  std::uint64_t window_seed_;
  std::int64_t next_card_;
  std::int64_t end_card_;
  std::int64_t next_tid_;

  // The card being emitted.
  std::int64_t card_ = -1;
  CardRow card_row_{};
  char account_id_[16] = {};
  RandomStream rng_{0, StreamId::kCardTransactions, 0};
  std::optional<CardLocation> location_;
  std::int64_t card_rows_left_ = 0;
  Instant first_second_ = 0;  // lo, or the fallback instant
  std::int64_t seconds_ = 1;  // whole seconds in [lo, window end), at least 1
  double remaining_ = 1.0;    // 1 - x of the last order statistic

  std::vector<CardTransaction> rows_;
};

}  // namespace synthgen
