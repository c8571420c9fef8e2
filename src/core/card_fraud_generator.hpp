// The card fraud's pull API: the original's generate_fraud, made deterministic and held to its document.
// Built from validated options, it yields the window's chain attacks, then its geographic pairs, in bounded
// batches (whole incidents per batch).
//
// The model (counts in card_fraud_options.hpp):
// - Chain attack i (rows in time order): a card whose window [max(window start, issue date), window end)
//   spans at least 2 hours; a start uniform over the whole seconds of [card window start, window end - 2 h];
//   a duration U{600..7200} s; a country uniform over the 26 (IP-table order); with probability 0.3 (the
//   document's share; the original took every third attack) 2-3 addresses of that country used round-robin,
//   else one. Timing, as the original: the first row U{10..min(duration, 1800)} s after the start; each
//   later one with probability 0.4 a burst U{10..120} s after the previous, else a spread step
//   U{10..min(remaining, 1800)} s, or U{5..30} s once at most 10 s remain. Where the original capped
//   offsets at the duration (repeating timestamps), an attack whose last offset passes duration - 1 s has
//   every offset scaled down to end there, then nudged to be strictly increasing and at least 10 s: rows lie
//   in [start + 10 s, start + duration), strictly increasing. Amounts are the document's tiers: rows 0-1
//   U(1.00, 10.00), rows 2-3 U(10.00, 25.00), later rows U(25.00, 49.99), in cents. card_present false; a
//   merchant uniform over all merchants (its country unrelated to the address's, as the original's); the
//   row's country is the attack's.
// - Geographic pair j: a country pair uniform over the valid pairs (the twelve distant pairs whose countries
//   both have merchants, in their order; if none, every pair of distinct countries with merchants in
//   IP-table order), where the original cycled through them; a gap tier uniform (the original cycled) over
//   U{300..900}, U{900..1800}, U{1800..3600} s; a card whose window spans more than 1 hour; t1 uniform over
//   the whole seconds after the card window's start that keep t2 = t1 + gap inside the window; a merchant
//   uniform in each country; LogNormal(3.5, 1.2) amounts; fresh addresses in each country; card_present true.
// - Cards are drawn uniformly among the world's cards: each is issued at least a day before the window's end,
//   which the period's end never precedes, so every card has room for any incident the period can hold.
// - t_ids run contiguously from tid_offset: chain rows (attack order, time order), then pair rows (t1, t2).
// - Randomness: attack i draws from RandomStream(seed ^ Mix64(window start), kCardFraud, 2i), pair j from
//   stream 2j + 1, in the order listed above (an attack's size, from the rows and attacks left, comes first).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/card_entities.hpp"
#include "core/card_fraud_options.hpp"
#include "core/card_transaction.hpp"
#include "core/random_draws.hpp"

namespace synthgen {

enum class CardFraudType : std::uint8_t { kChainAttack = 0, kGeographic = 1 };
const char* CardFraudTypeName(CardFraudType type) noexcept;  // "chain_attack", "geographic"

struct CardFraudRow {
  CardTransaction transaction;
  CardFraudType fraud_type;
  std::int64_t incident;  // the attack's or the pair's number, from 0
  char explanation[160];  // the original's texts
};

class CardFraudGenerator {
 public:
  static constexpr std::size_t kBatchRows = 4096;

  // Throws synthgen::Error when the options are invalid or the period is too short for the fraud it must
  // hold (kInvalidArgument: at least 2 hours for chain attacks, more than 1 hour for geographic fraud).
  explicit CardFraudGenerator(const CardFraudOptions& options);

  // Generates the next incidents; returns the number of rows now in rows() (0 once every incident is out).
  std::size_t NextBatch();
  const CardFraudRow* rows() const noexcept { return rows_.data(); }
  std::size_t batch_size() const noexcept { return rows_.size(); }

  const CardFraudCounts& counts() const noexcept { return counts_; }
  // The counts of the options' fraud (exact). Throws synthgen::Error when the options are invalid.
  static CardFraudCounts Counts(const CardFraudOptions& options);

 private:
  void EmitAttack(std::int64_t attack);
  void EmitPair(std::int64_t pair);
  // A card whose window spans at least min_span (into card); returns its index.
  std::int64_t DrawCard(RandomDraws& draws, CardRow& card) const;
  // A new row of the batch with its t_id, card, account and merchant filled in.
  CardTransaction& AddRow(CardFraudType type, std::int64_t incident, std::int64_t card_index,
                          const CardRow& card, std::int64_t merchant);

  CardFraudOptions options_;
  MerchantDirectory merchants_;
  std::vector<CountryPair> pairs_;  // the valid country pairs
  CardFraudCounts counts_;
  std::uint64_t window_seed_;
  std::int64_t next_attack_ = 0;
  std::int64_t chain_rows_left_;
  std::int64_t next_pair_ = 0;
  std::int64_t next_tid_;
  std::vector<CardFraudRow> rows_;
};

}  // namespace synthgen
