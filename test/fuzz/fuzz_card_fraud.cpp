// libFuzzer target: synth_generate_fraud's arguments (legit_rows, fraud_rate, chain_attack_ratio, seed,
// merchants, banks, accounts, cards, window_start, window_end, tid_offset, period_start, period_end) read as
// synth_generate_card_transactions.cpp reads them (a NULL tid_offset is legit_rows), through
// CardFraudOptions::Validate and CardFraudGenerator's period checks and, when accepted, the first incidents
// (at most kCheckedRows rows) checked against card_fraud_options.hpp and card_fraud_generator.hpp: the
// counts, t_ids, attack sizes and timing, pair gaps and countries, amounts and merchants. Worlds of more than
// kGeneratedMerchants merchants are validated only (their merchant directory takes longer than an input
// should).
#include <algorithm>
#include <cstring>
#include <set>
#include <vector>

#include "core/card_entities.hpp"
#include "core/card_entity_id.hpp"
#include "core/card_fraud_generator.hpp"
#include "core/card_fraud_options.hpp"
#include "card_checks.hpp"
#include "fuzz_input.hpp"

namespace synthgen::fuzz {
namespace {

constexpr std::string_view kParameters[] = {
    "legit_rows", "fraud_rate",   "chain_attack_ratio", "seed",       "merchants",    "banks",     "accounts",
    "cards",      "window_start", "window_end",         "tid_offset", "period_start", "period_end"};

constexpr std::int64_t kGeneratedMerchants = 20'000;
constexpr std::size_t kCheckedRows = CardFraudGenerator::kBatchRows;  // one batch

// The counts' documented relations (card_fraud_options.hpp).
void CheckCounts(const CardFraudOptions& options, const CardFraudCounts& counts) {
  if (options.legit_rows == 0 || options.fraud_rate == 0.0) {
    SYNTHGEN_FUZZ_REQUIRE(counts.requested == 0 && counts.rows() == 0 && counts.attacks == 0);
    return;
  }
  SYNTHGEN_FUZZ_REQUIRE(counts.requested >= 1 && counts.requested <= options.legit_rows);
  SYNTHGEN_FUZZ_REQUIRE(counts.chain_rows >= 0 && counts.chain_rows <= counts.requested);
  SYNTHGEN_FUZZ_REQUIRE(counts.geo_rows == 2 * counts.pairs);
  const std::int64_t geographic = counts.requested - counts.chain_rows;
  SYNTHGEN_FUZZ_REQUIRE(counts.pairs == 0 || counts.pairs == std::max<std::int64_t>(geographic / 2, 1));
  SYNTHGEN_FUZZ_REQUIRE(geographic > 0 || counts.pairs == 0);
  const std::int64_t attacks = counts.chain_rows == 0                    ? 0
                               : counts.chain_rows < kChainRowsPerAttack ? 1
                                                                         : (counts.chain_rows + 9) / 10;
  SYNTHGEN_FUZZ_REQUIRE(counts.attacks == attacks);
  SYNTHGEN_FUZZ_REQUIRE(counts.pairs == 0 ||
                        (counts.rows() >= counts.requested - 1 && counts.rows() <= counts.requested + 1));
}

void CheckRows(const CardFraudOptions& options, const CardFraudCounts& counts,
               const MerchantDirectory& merchants, const std::vector<CardFraudRow>& rows, bool complete) {
  const CardWorldOptions& world = options.world;
  const Instant period_start = options.PeriodStart();
  const Instant period_end = options.PeriodEnd();
  std::int64_t expected_tid = options.tid_offset;
  std::int64_t chain_rows = 0;
  std::size_t i = 0;
  std::int64_t incident = 0;
  while (i < rows.size() && rows[i].fraud_type == CardFraudType::kChainAttack) {
    // One attack: 5-15 rows (fewer only as the single attack of fewer than 5 chain rows), one card, one
    // country, strictly increasing instants within two hours, card not present, tiered amounts.
    std::size_t end = i;
    while (end < rows.size() && rows[end].fraud_type == CardFraudType::kChainAttack &&
           rows[end].incident == incident) {
      ++end;
    }
    const auto size = static_cast<std::int64_t>(end - i);  // batches hold whole incidents
    if (counts.chain_rows < kMinChainAttackRows) {
      SYNTHGEN_FUZZ_REQUIRE(size == counts.chain_rows);
    } else {
      SYNTHGEN_FUZZ_REQUIRE(size >= kMinChainAttackRows && size <= kMaxChainAttackRows);
    }
    const CardTransaction& first = rows[i].transaction;
    const CardRow card = MakeCard(world, first.card);
    std::set<Ipv4> addresses;
    for (std::size_t j = i; j < end; ++j) {
      const CardTransaction& tx = rows[j].transaction;
      SYNTHGEN_FUZZ_REQUIRE(tx.card == first.card && tx.country == first.country && !tx.card_present);
      SYNTHGEN_FUZZ_REQUIRE(std::strcmp(tx.cc_num, card.cc_num) == 0);
      SYNTHGEN_FUZZ_REQUIRE(tx.ts >= std::max(period_start, card.issue_date) && tx.ts < period_end);
      if (j > i) SYNTHGEN_FUZZ_REQUIRE(tx.ts > rows[j - 1].transaction.ts);
      SYNTHGEN_FUZZ_REQUIRE(tx.ts - first.ts < 7200 * kMicrosPerSecond);
      SYNTHGEN_FUZZ_REQUIRE(InCountryRanges(tx.country, tx.ip));
      addresses.insert(tx.ip);
      const std::size_t row = j - i;
      const std::int64_t lo = row < 2 ? 100 : row < 4 ? 1000 : 2500;
      const std::int64_t hi = row < 2 ? 1000 : row < 4 ? 2500 : 4999;
      SYNTHGEN_FUZZ_REQUIRE(tx.amount_cents >= lo && tx.amount_cents <= hi);
      const std::int64_t merchant = MerchantIndex(tx.merchant_id);
      SYNTHGEN_FUZZ_REQUIRE(merchant >= 0 && merchant < world.merchants);
    }
    SYNTHGEN_FUZZ_REQUIRE(addresses.size() <= 3);
    chain_rows += size;
    i = end;
    ++incident;
  }
  if (complete || i < rows.size()) {
    SYNTHGEN_FUZZ_REQUIRE(incident == counts.attacks && chain_rows == counts.chain_rows);
  }
  std::int64_t pair = 0;
  for (; i < rows.size(); i += 2, ++pair) {
    // One pair: two rows of one card in two countries with merchants, 300-3600 s apart inside the period.
    SYNTHGEN_FUZZ_REQUIRE(rows[i].fraud_type == CardFraudType::kGeographic && rows[i].incident == pair);
    SYNTHGEN_FUZZ_REQUIRE(i + 1 < rows.size());  // batches hold whole incidents
    const CardTransaction& a = rows[i].transaction;
    const CardTransaction& b = rows[i + 1].transaction;
    SYNTHGEN_FUZZ_REQUIRE(rows[i + 1].fraud_type == CardFraudType::kGeographic &&
                          rows[i + 1].incident == pair);
    SYNTHGEN_FUZZ_REQUIRE(a.card == b.card && a.country != b.country && a.card_present && b.card_present);
    const CardRow card = MakeCard(world, a.card);
    SYNTHGEN_FUZZ_REQUIRE(a.ts >= std::max(period_start, card.issue_date) && b.ts < period_end);
    const Instant gap = b.ts - a.ts;
    SYNTHGEN_FUZZ_REQUIRE(gap >= 300 * kMicrosPerSecond && gap <= 3600 * kMicrosPerSecond);
    for (const CardTransaction* tx : {&a, &b}) {
      SYNTHGEN_FUZZ_REQUIRE(merchants.HasMerchants(tx->country) && InCountryRanges(tx->country, tx->ip));
      SYNTHGEN_FUZZ_REQUIRE(MerchantCountry(world, MerchantIndex(tx->merchant_id)) == tx->country);
      SYNTHGEN_FUZZ_REQUIRE(tx->amount_cents >= 1 && tx->amount_cents <= kMaxAmountCents);
      SYNTHGEN_FUZZ_REQUIRE(std::strcmp(tx->cc_num, card.cc_num) == 0);
    }
  }
  if (complete) SYNTHGEN_FUZZ_REQUIRE(pair == counts.pairs);
  for (const CardFraudRow& row : rows) {
    SYNTHGEN_FUZZ_REQUIRE(row.transaction.t_id == expected_tid);
    ++expected_tid;
    SYNTHGEN_FUZZ_REQUIRE(row.transaction.card >= 0 && row.transaction.card < world.cards);
    SYNTHGEN_FUZZ_REQUIRE(std::memchr(row.explanation, '\0', sizeof row.explanation) != nullptr &&
                          row.explanation[0] != '\0');
  }
  if (complete) SYNTHGEN_FUZZ_REQUIRE(static_cast<std::int64_t>(rows.size()) == counts.rows());
}

void CheckAcceptedOptions(const CardFraudOptions& options) {
  if (options.world.merchants > kGeneratedMerchants) return;
  CardFraudGenerator generator(options);  // may refuse a period too short for its fraud
  const CardFraudCounts& counts = generator.counts();
  const CardFraudCounts again = CardFraudGenerator::Counts(options);
  SYNTHGEN_FUZZ_REQUIRE(again.rows() == counts.rows() && again.attacks == counts.attacks);
  CheckCounts(options, counts);
  std::vector<CardFraudRow> rows;
  bool complete = false;
  while (rows.size() < kCheckedRows) {
    const std::size_t n = generator.NextBatch();
    if (n == 0) {
      complete = true;
      break;
    }
    SYNTHGEN_FUZZ_REQUIRE(n == generator.batch_size() && n <= CardFraudGenerator::kBatchRows);
    rows.insert(rows.end(), generator.rows(), generator.rows() + n);
  }
  CheckRows(options, counts, MerchantDirectory(options.world), rows, complete);
}

}  // namespace
}  // namespace synthgen::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace synthgen;
  using namespace synthgen::fuzz;
  FuzzInput input(data, size);
  CardFraudOptions options;
  options.legit_rows = input.Bigint(500'000);
  options.fraud_rate = input.Float8(0.0001);
  options.chain_attack_ratio = input.Float8(0.9);
  CardWorldOptions& world = options.world;
  world.seed = static_cast<std::uint64_t>(input.Bigint(42));
  world.merchants = input.Bigint(500);
  world.banks = input.Bigint(1'000);
  world.accounts = input.Bigint(10'000);
  world.cards = input.Bigint(20'000);
  const TimestampArgument window_start = input.Timestamptz(kDefaultSimulationDate - 30 * kMicrosPerDay);
  const TimestampArgument window_end = input.Timestamptz(kDefaultSimulationDate);
  if (window_start.refused() || window_end.refused()) return 0;
  world.start_date = window_start.instant;
  world.end_date = window_end.instant;
  options.tid_offset = input.NullableBigint(options.legit_rows).value_or(options.legit_rows);
  const TimestampArgument period_start = input.NullableTimestamptz(kDefaultSimulationDate);
  const TimestampArgument period_end = input.NullableTimestamptz(kDefaultSimulationDate + kMicrosPerDay);
  if (period_start.refused() || period_end.refused()) return 0;
  options.period_start = period_start.value();
  options.period_end = period_end.value();
  return RunCall(kParameters, [&] {
    options.Validate();
    CheckAcceptedOptions(options);
  });
}
