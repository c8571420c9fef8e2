// What a caller asks of the card fraud: the world and window, how many legitimate transactions the window
// holds, the fraud rate and the share of chain attacks, and the first fraud t_id; and how many fraud rows,
// attacks and pairs that gives, by the original's rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/calendar.hpp"
#include "core/card_world_options.hpp"

namespace synthgen {

// Rows of one chain attack, and how many chain rows make one attack.
constexpr std::int64_t kMinChainAttackRows = 5;
constexpr std::int64_t kMaxChainAttackRows = 15;
constexpr std::int64_t kChainRowsPerAttack = 10;

// The fraud of a window, by the original's rules (fraud is added on top of the legitimate rows):
// - requested = 0 when fraud_rate or legit_rows is 0, else max(floor(legit_rows x fraud_rate), 1);
// - chain_rows = floor(requested x chain_attack_ratio); the other requested rows are geographic;
// - pairs = max(geographic / 2, 1) when any are geographic, else 0: a pair is two rows, so an odd count
//   rounds down and a single geographic row still makes a pair (rows = chain_rows + 2 x pairs, which can
//   differ from requested by one either way). No pair at all when fewer than two countries have merchants;
// - attacks = 0 without chain rows, 1 below 10 chain rows, else ceil(chain_rows / 10), each of 5 to 15 rows
//   (one attack of fewer rows when chain_rows < 5). The original made max(chain_rows / 8, 1) attacks of
//   5-15 rows capped by the rows left, and could fall short.
// Floors are taken of the exact decimal products (100 x 0.29 gives 29, where the original's binary floating
// point gave 28).
struct CardFraudCounts {
  std::int64_t requested = 0;
  std::int64_t chain_rows = 0;
  std::int64_t attacks = 0;
  std::int64_t pairs = 0;
  std::int64_t geo_rows = 0;  // 2 x pairs

  std::int64_t rows() const noexcept { return chain_rows + geo_rows; }
};

// The counts above; geographic_possible is false when fewer than two countries have merchants.
CardFraudCounts CountCardFraud(std::int64_t legit_rows, double fraud_rate, double chain_attack_ratio,
                               bool geographic_possible) noexcept;

struct CardFraudOptions {
  CardWorldOptions world;
  std::optional<Instant> period_start;  // none: world.start_date
  std::optional<Instant> period_end;    // none: world.end_date
  std::int64_t legit_rows = 500'000;    // legitimate transactions of the window
  double fraud_rate = 0.0001;
  double chain_attack_ratio = 0.9;
  std::int64_t tid_offset = 0;  // t_id of the first fraud row (the caller's last legitimate t_id + 1)

  Instant PeriodStart() const noexcept { return period_start.value_or(world.start_date); }
  Instant PeriodEnd() const noexcept { return period_end.value_or(world.end_date); }

  // Throws synthgen::Error naming the offending parameter by its SQL name (the world's, period_start
  // and period_end for the window, legit_rows, fraud_rate, chain_attack_ratio, tid_offset).
  void Validate() const;
};

}  // namespace synthgen
