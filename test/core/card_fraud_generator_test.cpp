// Tests CardFraudGenerator: exact counts (including the document's headline), attack sizes, chain timing,
// amounts, addresses and flags, geographic pairs, gap tiers and explanations, t_ids, issue dates, batches,
// determinism, goldens and validation.
#include "core/card_fraud_generator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "core/card_transaction_options.hpp"
#include "core/error.hpp"
#include "expect_error.hpp"

namespace synthgen {
namespace {

std::vector<CardFraudRow> Generate(const CardFraudOptions& options) {
  CardFraudGenerator generator(options);
  std::vector<CardFraudRow> rows;
  for (std::size_t n; (n = generator.NextBatch()) > 0;) {
    EXPECT_EQ(n, generator.batch_size());
    EXPECT_LE(n, CardFraudGenerator::kBatchRows);
    rows.insert(rows.end(), generator.rows(), generator.rows() + n);
  }
  EXPECT_EQ(generator.NextBatch(), 0u);
  EXPECT_EQ(static_cast<std::int64_t>(rows.size()), generator.counts().rows());
  return rows;
}

CardFraudOptions Headline() {
  CardFraudOptions options;
  options.world.seed = 42;
  options.world.merchants = 500;
  options.world.banks = 1000;
  options.world.accounts = 10000;
  options.world.cards = 20000;
  options.legit_rows = 500000;
  options.fraud_rate = 0.0001;
  options.chain_attack_ratio = 0.9;
  options.tid_offset = 500000;
  return options;
}

// A busy variant: 2,000 attacks and 2,500 pairs.
CardFraudOptions Busy() {
  CardFraudOptions options = Headline();
  options.legit_rows = 1'000'000;
  options.fraud_rate = 0.025;
  options.chain_attack_ratio = 0.8;
  return options;
}

const std::vector<CardFraudRow>& BusyRows() {
  static const std::vector<CardFraudRow> rows = Generate(Busy());
  return rows;
}

bool InCountry(Ipv4 ip, CountryIndex country) {
  const CardCountry& entry = kCardCountries[country];
  for (std::size_t r = 0; r < entry.range_count; ++r) {
    if (ip >= entry.ranges[r].first && ip <= entry.ranges[r].last) return true;
  }
  return false;
}

std::int64_t MerchantIndex(const CardTransaction& row) { return std::stoll(row.merchant_id + 6); }

TEST(CardFraudGeneratorTest, Counts) {
  struct Case {
    std::int64_t n;
    double rate;
    double ratio;
    std::int64_t requested, chain, attacks, pairs;
  };
  const Case cases[] = {
      {500000, 0.0001, 0.9, 50, 45, 5, 2},  // the document's headline: 45 + 4 = 49 rows
      {500000, 0.005, 0.9, 2500, 2250, 225, 125},
      {0, 0.5, 0.9, 0, 0, 0, 0},
      {1000, 0.0, 0.9, 0, 0, 0, 0},
      {10, 0.01, 0.9, 1, 0, 0, 1},     // at least one; a single geographic row still makes a pair
      {100, 0.29, 0.5, 29, 14, 2, 7},  // decimal floors: 29, not the original's 28
      {1000, 0.003, 1.0, 3, 3, 1, 0},  // one attack of fewer than 5 rows
      {1000, 0.009, 1.0, 9, 9, 1, 0},
      {1000, 0.01, 1.0, 10, 10, 1, 0},
      {1000, 0.011, 1.0, 11, 11, 2, 0},
      {1000, 0.02, 0.0, 20, 0, 0, 10},
      {1000, 0.021, 0.0, 21, 0, 0, 10},
      {1'000'000'000'000, 1.0, 0.29, 1'000'000'000'000, 290'000'000'000, 29'000'000'000, 355'000'000'000},
  };
  for (const Case& c : cases) {
    const CardFraudCounts counts = CountCardFraud(c.n, c.rate, c.ratio, true);
    EXPECT_EQ(counts.requested, c.requested) << c.n << " " << c.rate;
    EXPECT_EQ(counts.chain_rows, c.chain) << c.n << " " << c.rate;
    EXPECT_EQ(counts.attacks, c.attacks) << c.n << " " << c.rate;
    EXPECT_EQ(counts.pairs, c.pairs) << c.n << " " << c.rate;
    EXPECT_EQ(counts.geo_rows, 2 * c.pairs);
    EXPECT_EQ(counts.rows(), c.chain + 2 * c.pairs);
    EXPECT_EQ(CountCardFraud(c.n, c.rate, c.ratio, false).pairs, 0);
  }
  const CardFraudCounts headline = CardFraudGenerator::Counts(Headline());
  EXPECT_EQ(headline.rows(), 49);
  EXPECT_EQ(headline.geo_rows, 4);
}

TEST(CardFraudGeneratorTest, HeadlineRows) {
  const CardFraudOptions options = Headline();
  const auto rows = Generate(options);
  ASSERT_EQ(rows.size(), 49u);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].transaction.t_id, 500000 + static_cast<std::int64_t>(i));
    EXPECT_EQ(rows[i].fraud_type, i < 45 ? CardFraudType::kChainAttack : CardFraudType::kGeographic);
  }
  EXPECT_STREQ(CardFraudTypeName(CardFraudType::kChainAttack), "chain_attack");
  EXPECT_STREQ(CardFraudTypeName(CardFraudType::kGeographic), "geographic");
}

TEST(CardFraudGeneratorTest, Goldens) {
  const auto rows = Generate(Headline());
  const CardTransaction& chain = rows[0].transaction;
  EXPECT_STREQ(chain.cc_num, "5891-7822-1249-8708");
  EXPECT_STREQ(chain.account_id, "ACC_00002973");
  EXPECT_STREQ(chain.merchant_id, "MERCH_00000274");
  EXPECT_EQ(chain.amount_cents, 136);
  EXPECT_EQ(chain.ip, 0x511dd9e8u);
  EXPECT_EQ(chain.ts, 1766999233LL * kMicrosPerSecond);
  EXPECT_EQ(chain.country, 18);
  EXPECT_STREQ(rows[0].explanation, "Chain attack: Multiple small transactions ($1.36) in short time period");
  const CardTransaction& geo = rows[45].transaction;
  EXPECT_STREQ(geo.cc_num, "3590-5509-1936-8825");
  EXPECT_STREQ(geo.merchant_id, "MERCH_00000118");
  EXPECT_EQ(geo.amount_cents, 11021);
  EXPECT_EQ(geo.ip, 0x46081895u);
  EXPECT_EQ(geo.ts, 1766305461LL * kMicrosPerSecond);
  EXPECT_STREQ(
      rows[45].explanation,
      "Geographic fraud: Card present transaction in Canada, followed by card present transaction in "
      "Russia only 36 minutes later (impossible travel)");
  EXPECT_STREQ(
      rows[46].explanation,
      "Geographic fraud: Card present transaction in Russia, preceded by card present transaction in "
      "Canada only 36 minutes earlier (impossible travel)");
}

// Every row belongs to its card, lies in the window and after the card's issue date; t_ids are contiguous
// with chain rows first.
TEST(CardFraudGeneratorTest, RowsBelongToTheirCardsAndWindow) {
  const CardFraudOptions options = Busy();
  const auto& rows = BusyRows();
  const CardFraudCounts counts = CardFraudGenerator::Counts(options);
  EXPECT_EQ(counts.attacks, 2000);
  EXPECT_EQ(counts.pairs, 2500);
  ASSERT_EQ(static_cast<std::int64_t>(rows.size()), counts.rows());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const CardTransaction& tx = rows[i].transaction;
    ASSERT_EQ(tx.t_id, options.tid_offset + static_cast<std::int64_t>(i));
    ASSERT_EQ(rows[i].fraud_type, static_cast<std::int64_t>(i) < counts.chain_rows
                                      ? CardFraudType::kChainAttack
                                      : CardFraudType::kGeographic);
    const CardRow card = MakeCard(options.world, tx.card);
    ASSERT_STREQ(tx.cc_num, card.cc_num);
    char account_id[16];
    std::snprintf(account_id, sizeof account_id, "ACC_%08lld", static_cast<long long>(card.account));
    ASSERT_STREQ(tx.account_id, account_id);
    ASSERT_GE(tx.ts, options.world.start_date);
    ASSERT_GE(tx.ts, card.issue_date);
    ASSERT_LT(tx.ts, options.world.end_date);
    ASSERT_EQ((tx.ts - std::max(options.world.start_date, card.issue_date)) % kMicrosPerSecond, 0);
    ASSERT_TRUE(InCountry(tx.ip, tx.country)) << i;
    ASSERT_LT(MerchantIndex(tx), options.world.merchants);
  }
}

TEST(CardFraudGeneratorTest, ChainAttacks) {
  const CardFraudOptions options = Busy();
  const auto& rows = BusyRows();
  std::int64_t chain_rows = 0;
  std::int64_t multi_address = 0;
  std::int64_t attacks = 0;
  std::int64_t bursts = 0;
  std::int64_t steps = 0;
  for (std::size_t begin = 0; begin < rows.size() && rows[begin].fraud_type == CardFraudType::kChainAttack;) {
    std::size_t end = begin;
    while (end < rows.size() && rows[end].fraud_type == CardFraudType::kChainAttack &&
           rows[end].incident == rows[begin].incident) {
      ++end;
    }
    ASSERT_EQ(rows[begin].incident, attacks);
    const auto size = static_cast<std::int64_t>(end - begin);
    ASSERT_GE(size, 5);
    ASSERT_LE(size, 15);
    chain_rows += size;
    std::set<Ipv4> addresses;
    for (std::size_t i = begin; i < end; ++i) {
      const CardTransaction& tx = rows[i].transaction;
      const auto position = static_cast<std::int64_t>(i - begin);
      EXPECT_EQ(tx.card, rows[begin].transaction.card);
      EXPECT_EQ(tx.country, rows[begin].transaction.country);
      EXPECT_FALSE(tx.card_present);
      if (i > begin) {
        ASSERT_GT(tx.ts, rows[i - 1].transaction.ts);  // strictly increasing
        const Instant step = tx.ts - rows[i - 1].transaction.ts;
        bursts += step <= 120 * kMicrosPerSecond;
        ++steps;
      }
      if (position < 2) {
        EXPECT_GE(tx.amount_cents, 100);
        EXPECT_LE(tx.amount_cents, 1000);
      } else if (position < 4) {
        EXPECT_GE(tx.amount_cents, 1000);
        EXPECT_LE(tx.amount_cents, 2500);
      } else {
        EXPECT_GE(tx.amount_cents, 2500);
        EXPECT_LE(tx.amount_cents, 4999);
      }
      char explanation[160];
      std::snprintf(explanation, sizeof explanation,
                    "Chain attack: Multiple small transactions ($%lld.%02lld) in short time period",
                    static_cast<long long>(tx.amount_cents / 100),
                    static_cast<long long>(tx.amount_cents % 100));
      EXPECT_STREQ(rows[i].explanation, explanation);
      addresses.insert(tx.ip);
    }
    // Rows lie in [start + 10 s, start + duration) with a duration of at most 2 hours.
    EXPECT_LT(rows[end - 1].transaction.ts - rows[begin].transaction.ts,
              2 * kMicrosPerHour - 10 * kMicrosPerSecond);
    EXPECT_LE(addresses.size(), 3u);
    if (size >= 3) multi_address += addresses.size() > 1;
    ++attacks;
    begin = end;
  }
  EXPECT_EQ(attacks, 2000);
  EXPECT_EQ(chain_rows, CardFraudGenerator::Counts(options).chain_rows);
  EXPECT_NEAR(static_cast<double>(multi_address) / attacks, 0.3, 0.04);
  // 40% bursts (10-120 s) plus the spread steps that happen to be short.
  EXPECT_GT(static_cast<double>(bursts) / steps, 0.4);
}

TEST(CardFraudGeneratorTest, GeographicPairs) {
  const CardFraudOptions options = Busy();
  const auto& rows = BusyRows();
  const std::int64_t chain_rows = CardFraudGenerator::Counts(options).chain_rows;
  std::int64_t tiers[3] = {};
  std::set<std::pair<int, int>> used;
  std::int64_t pair = 0;
  for (auto i = static_cast<std::size_t>(chain_rows); i < rows.size(); i += 2, ++pair) {
    const CardFraudRow& a = rows[i];
    const CardFraudRow& b = rows[i + 1];
    ASSERT_EQ(a.fraud_type, CardFraudType::kGeographic);
    ASSERT_EQ(a.incident, pair);
    ASSERT_EQ(b.incident, pair);
    ASSERT_EQ(a.transaction.card, b.transaction.card);
    EXPECT_TRUE(a.transaction.card_present);
    EXPECT_TRUE(b.transaction.card_present);
    const Instant gap = (b.transaction.ts - a.transaction.ts) / kMicrosPerSecond;
    ASSERT_GE(gap, 300);
    ASSERT_LE(gap, 3600);
    ++tiers[gap < 900 ? 0 : gap < 1800 ? 1 : 2];
    bool distant = false;
    for (const CountryPair& p : kDistantCountryPairs) {
      distant |= p.first == a.transaction.country && p.second == b.transaction.country;
    }
    ASSERT_TRUE(distant) << int{a.transaction.country} << " " << int{b.transaction.country};
    used.insert({a.transaction.country, b.transaction.country});
    EXPECT_EQ(MerchantCountry(options.world, MerchantIndex(a.transaction)), a.transaction.country);
    EXPECT_EQ(MerchantCountry(options.world, MerchantIndex(b.transaction)), b.transaction.country);
    const std::string c1(kCardCountries[a.transaction.country].name);
    const std::string c2(kCardCountries[b.transaction.country].name);
    const std::string minutes = std::to_string(gap / 60);
    EXPECT_EQ(a.explanation, "Geographic fraud: Card present transaction in " + c1 +
                                 ", followed by card present transaction in " + c2 + " only " + minutes +
                                 " minutes later (impossible travel)");
    EXPECT_EQ(b.explanation, "Geographic fraud: Card present transaction in " + c2 +
                                 ", preceded by card present transaction in " + c1 + " only " + minutes +
                                 " minutes earlier (impossible travel)");
  }
  EXPECT_EQ(pair, 2500);
  EXPECT_EQ(used.size(), kDistantCountryPairCount);
  // Tiers drawn uniformly (a gap of exactly 900 or 1800 s counts in the higher tier here).
  for (std::int64_t tier : tiers) EXPECT_NEAR(tier / 2500.0, 1.0 / 3.0, 0.04);
}

TEST(CardFraudGeneratorTest, DeterministicAndBatchedByIncident) {
  const auto& rows = BusyRows();
  CardFraudGenerator generator(Busy());
  std::size_t offset = 0;
  for (std::size_t n; (n = generator.NextBatch()) > 0; offset += n) {
    // Whole incidents per batch.
    const CardFraudRow& last = generator.rows()[n - 1];
    if (offset + n < rows.size()) {
      const CardFraudRow& next = rows[offset + n];
      EXPECT_FALSE(next.fraud_type == last.fraud_type && next.incident == last.incident);
    }
    for (std::size_t i = 0; i < n; ++i) {
      ASSERT_EQ(std::memcmp(&generator.rows()[i].transaction.t_id, &rows[offset + i].transaction.t_id,
                            sizeof(std::int64_t)),
                0);
      ASSERT_EQ(generator.rows()[i].transaction.ts, rows[offset + i].transaction.ts);
      ASSERT_EQ(generator.rows()[i].transaction.ip, rows[offset + i].transaction.ip);
      ASSERT_STREQ(generator.rows()[i].explanation, rows[offset + i].explanation);
    }
  }
  EXPECT_EQ(offset, rows.size());
  // Another window start gives other fraud.
  CardFraudOptions shifted = Headline();
  shifted.period_start = shifted.world.start_date + kMicrosPerHour;
  EXPECT_NE(Generate(shifted)[0].transaction.ts, Generate(Headline())[0].transaction.ts);
}

// With merchants in two countries that are no distant pair, pairs fall back to those two countries.
TEST(CardFraudGeneratorTest, FallbackPairsAndNoPairs) {
  CardFraudOptions options = Headline();
  options.world.merchants = 2;
  options.fraud_rate = 0.001;
  options.chain_attack_ratio = 0.5;
  std::uint64_t seed = 0;
  for (;; ++seed) {
    options.world.seed = seed;
    const CountryIndex a = MerchantCountry(options.world, 0);
    const CountryIndex b = MerchantCountry(options.world, 1);
    bool distant = false;
    for (const CountryPair& p : kDistantCountryPairs) {
      distant |= (p.first == a && p.second == b) || (p.first == b && p.second == a);
    }
    if (a != b && !distant) break;
  }
  const auto rows = Generate(options);
  const CountryIndex low = std::min(MerchantCountry(options.world, 0), MerchantCountry(options.world, 1));
  const CountryIndex high = std::max(MerchantCountry(options.world, 0), MerchantCountry(options.world, 1));
  std::int64_t geo = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].fraud_type != CardFraudType::kGeographic) continue;
    EXPECT_EQ(rows[i].transaction.country, geo % 2 == 0 ? low : high);
    ++geo;
  }
  EXPECT_EQ(geo, 2 * 125);
  // A single merchant: no country pair at all, so no geographic fraud.
  options.world.merchants = 1;
  const CardFraudCounts counts = CardFraudGenerator::Counts(options);
  EXPECT_EQ(counts.pairs, 0);
  EXPECT_EQ(counts.chain_rows, 250);
  EXPECT_EQ(Generate(options).size(), 250u);
}

void ExpectRejected(const CardFraudOptions& options, ErrorCode code, const std::string& text) {
  ExpectError(
      [&] {
        CardFraudGenerator generator(options);
        while (generator.NextBatch() > 0) {
        }
      },
      code, text, "the generator");
}

TEST(CardFraudGeneratorTest, WindowTooShort) {
  CardFraudOptions options = Headline();
  options.period_start = options.world.end_date - 2 * kMicrosPerHour + kMicrosPerSecond;
  ExpectRejected(options, ErrorCode::kInvalidArgument, "at least 2 hours for chain attacks");
  options.period_start = options.world.end_date - 2 * kMicrosPerHour;
  EXPECT_EQ(Generate(options).size(), 49u);
  options.chain_attack_ratio = 0.0;
  options.period_start = options.world.end_date - kMicrosPerHour;
  ExpectRejected(options, ErrorCode::kInvalidArgument, "more than 1 hour for geographic fraud");
  options.period_start = options.world.end_date - kMicrosPerHour - kMicrosPerSecond;
  EXPECT_EQ(Generate(options).size(), 50u);
  options.fraud_rate = 0.0;  // no fraud: any window will do
  options.period_start = options.world.end_date - kMicrosPerSecond;
  EXPECT_TRUE(Generate(options).empty());
}

// A period ending before the window does could end before some card's issue date: it is refused.
TEST(CardFraudGeneratorTest, PeriodEndingBeforeTheWindow) {
  CardFraudOptions options = Headline();
  options.period_start = options.world.end_date - 10 * 365 * kMicrosPerDay;
  options.period_end = *options.period_start + 30 * kMicrosPerDay;
  ExpectRejected(options, ErrorCode::kInvalidArgument, "period_end must not precede window_end");
}

TEST(CardFraudGeneratorTest, Validation) {
  const CardFraudOptions valid = Headline();
  CardFraudOptions o = valid;
  o.fraud_rate = std::nan("");
  ExpectRejected(o, ErrorCode::kInvalidArgument, "fraud_rate");
  o.fraud_rate = 1.5;
  ExpectRejected(o, ErrorCode::kOutOfRange, "fraud_rate");
  o.fraud_rate = -0.1;
  ExpectRejected(o, ErrorCode::kOutOfRange, "fraud_rate");
  o = valid;
  o.chain_attack_ratio = std::nan("");
  ExpectRejected(o, ErrorCode::kInvalidArgument, "chain_attack_ratio");
  o.chain_attack_ratio = 1.01;
  ExpectRejected(o, ErrorCode::kOutOfRange, "chain_attack_ratio");
  o = valid;
  o.legit_rows = -1;
  ExpectRejected(o, ErrorCode::kOutOfRange, "legit_rows");
  o.legit_rows = kMaxCardTransactions + 1;
  ExpectRejected(o, ErrorCode::kOutOfRange, "legit_rows");
  o = valid;
  o.tid_offset = -1;
  ExpectRejected(o, ErrorCode::kOutOfRange, "tid_offset");
  o.tid_offset = INT64_MAX - 48;
  ExpectRejected(o, ErrorCode::kOutOfRange, "tid_offset");
  o.tid_offset = INT64_MAX - 49;
  EXPECT_NO_THROW(o.Validate());
  o = valid;
  o.period_end = valid.world.start_date;
  ExpectRejected(o, ErrorCode::kInvalidArgument, "period_end");
  o = valid;
  o.world.cards = 0;
  ExpectRejected(o, ErrorCode::kOutOfRange, "cards");
  EXPECT_THROW(CardFraudGenerator::Counts(o), Error);
}

}  // namespace
}  // namespace synthgen
