// Tests CardTransactionGenerator: the headline world (seed 42, 500 merchants, 20,000 cards, 30 days, 500,000
// transactions) for the location rules and shares, subnets, merchants, issue dates, time order, t_ids and
// allocation; chunk and batch invariance, determinism, incremental windows, goldens and validation.
#include "core/card_transaction_generator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "expect_error.hpp"

namespace synthgen {
namespace {

std::vector<CardTransaction> Generate(const CardTransactionOptions& options) {
  CardTransactionGenerator generator(options);
  std::vector<CardTransaction> rows;
  for (std::size_t n; (n = generator.NextBatch()) > 0;) {
    EXPECT_EQ(n, generator.batch_size());
    EXPECT_LE(n, CardTransactionGenerator::kBatchRows);
    rows.insert(rows.end(), generator.rows(), generator.rows() + n);
  }
  EXPECT_EQ(generator.NextBatch(), 0u);
  return rows;
}

// The headline world of the original's document.
CardTransactionOptions Headline() {
  CardTransactionOptions options;
  options.world.seed = 42;
  options.world.merchants = 500;
  options.world.banks = 1000;
  options.world.accounts = 10000;
  options.world.cards = 20000;
  options.rows = 500000;
  return options;
}

const std::vector<CardTransaction>& HeadlineRows() {
  static const std::vector<CardTransaction> rows = Generate(Headline());
  return rows;
}

bool SameRow(const CardTransaction& a, const CardTransaction& b) {
  return a.t_id == b.t_id && a.card == b.card && std::strcmp(a.cc_num, b.cc_num) == 0 &&
         std::strcmp(a.account_id, b.account_id) == 0 && std::strcmp(a.merchant_id, b.merchant_id) == 0 &&
         a.amount_cents == b.amount_cents && a.ip == b.ip && a.card_present == b.card_present &&
         a.ts == b.ts && a.country == b.country;
}

void ExpectSameRows(const std::vector<CardTransaction>& a, const std::vector<CardTransaction>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) ASSERT_TRUE(SameRow(a[i], b[i])) << "row " << i;
}

bool IsNeighbourOf(CountryIndex home, CountryIndex country) {
  const CardCountry& entry = kCardCountries[home];
  return std::find(entry.neighbours, entry.neighbours + entry.neighbour_count, country) !=
         entry.neighbours + entry.neighbour_count;
}

std::int64_t MerchantIndex(const CardTransaction& row) { return std::stoll(row.merchant_id + 6); }

// Start states as an incremental caller holds them: by card, turned into the sorted array the options take.
struct StartStates {
  std::map<std::int64_t, CardLocationState> states;
  std::vector<CardStartState> entries;

  void Attach(CardTransactionOptions& options) {
    entries.clear();
    for (const auto& [card, state] : states) entries.push_back(CardStartState{card, state});
    options.states = entries.data();
    options.state_count = entries.size();
  }
};

// -----------------------------------------------------------------------------------------------------------
// The headline world

TEST(CardTransactionGeneratorTest, HeadlineAllocationAndTids) {
  const auto& rows = HeadlineRows();
  ASSERT_EQ(rows.size(), 500000u);
  EXPECT_EQ(CardTransactionGenerator::ExpectedRows(Headline()), 500000.0);
  std::vector<int> per_card(20000);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].t_id, static_cast<std::int64_t>(i));
    if (i > 0) {
      ASSERT_LE(rows[i - 1].card, rows[i].card);
    }
    ++per_card[static_cast<std::size_t>(rows[i].card)];
  }
  for (int count : per_card) EXPECT_EQ(count, 25);
}

TEST(CardTransactionGeneratorTest, HeadlineTimesRespectWindowIssueDateAndOrder) {
  const CardTransactionOptions options = Headline();
  const auto& rows = HeadlineRows();
  CardRow card{};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const CardTransaction& row = rows[i];
    if (i == 0 || row.card != rows[i - 1].card) {
      card = MakeCard(options.world, row.card);
      EXPECT_STREQ(row.cc_num, card.cc_num);
      EXPECT_STREQ(row.account_id, MakeAccount(options.world, card.account).account_id);
    } else {
      ASSERT_LE(rows[i - 1].ts, row.ts) << "row " << i;
    }
    ASSERT_GE(row.ts, options.world.start_date);
    ASSERT_LT(row.ts, options.world.end_date);
    ASSERT_EQ((row.ts - options.world.start_date) % kMicrosPerSecond, 0);
    if (card.issue_date < options.world.end_date) {
      ASSERT_GE(row.ts, card.issue_date) << "row " << i;
    } else {
      // Issued when the window closes (1st of the month at midnight): the documented fallback.
      ASSERT_EQ(row.ts, options.world.end_date - kMicrosPerSecond);
    }
  }
}

TEST(CardTransactionGeneratorTest, HeadlineLocationShares) {
  const CardTransactionOptions options = Headline();
  const auto& rows = HeadlineRows();
  std::array<std::int64_t, 3> shares{};
  CountryIndex home = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i == 0 || rows[i].card != rows[i - 1].card) {
      home = AccountHomeCountry(options.world, MakeCard(options.world, rows[i].card).account);
    }
    const CountryIndex country = rows[i].country;
    ++shares[country == home ? 0 : IsNeighbourOf(home, country) ? 1 : 2];
  }
  const double total = static_cast<double>(rows.size());
  EXPECT_NEAR(100.0 * shares[0] / total, 85.0, 1.0);
  EXPECT_NEAR(100.0 * shares[1] / total, 10.0, 1.0);
  EXPECT_NEAR(100.0 * shares[2] / total, 5.0, 1.0);
}

TEST(CardTransactionGeneratorTest, HeadlineSixHourRuleAndSubnets) {
  const auto& rows = HeadlineRows();
  std::int64_t changes = 0;
  std::int64_t same_country = 0;
  std::int64_t same_24 = 0;
  std::int64_t same_16 = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const CardTransaction& a = rows[i - 1];
    const CardTransaction& b = rows[i];
    if (a.card != b.card) continue;
    if (a.country != b.country) {
      ++changes;
      ASSERT_GE(b.ts - a.ts, kMinimumCountryStay) << "rows " << i - 1 << " and " << i;
    } else {
      ++same_country;
      same_24 += (a.ip >> 8) == (b.ip >> 8);
      same_16 += (a.ip >> 16) == (b.ip >> 16);
    }
  }
  EXPECT_GT(changes, 50000);
  EXPECT_NEAR(100.0 * same_24 / same_country, 42.0, 2.0);
  EXPECT_NEAR(100.0 * same_16 / same_country, 60.0, 2.0);
}

TEST(CardTransactionGeneratorTest, HeadlineMerchantsAmountsAndCardPresence) {
  const CardTransactionOptions options = Headline();
  const auto& rows = HeadlineRows();
  std::vector<MerchantRow> merchants;
  for (std::int64_t m = 0; m < 500; ++m) merchants.push_back(MakeMerchant(options.world, m));
  std::int64_t present = 0;
  std::vector<std::int64_t> amounts;
  amounts.reserve(rows.size());
  for (const CardTransaction& row : rows) {
    const MerchantRow& merchant = merchants[static_cast<std::size_t>(MerchantIndex(row))];
    ASSERT_STREQ(merchant.merchant_id, row.merchant_id);
    ASSERT_EQ(merchant.country, row.country);
    ASSERT_GE(row.amount_cents, 1);
    present += row.card_present;
    amounts.push_back(row.amount_cents);
  }
  EXPECT_NEAR(100.0 * present / static_cast<double>(rows.size()), 60.0, 0.5);
  std::nth_element(amounts.begin(), amounts.begin() + amounts.size() / 2, amounts.end());
  EXPECT_NEAR(amounts[amounts.size() / 2] / 100.0, 33.12, 0.5);  // e^3.5
}

TEST(CardTransactionGeneratorTest, Goldens) {
  const auto& rows = HeadlineRows();
  struct Golden {
    std::size_t index;
    const char* cc_num;
    const char* account_id;
    const char* merchant_id;
    std::int64_t amount_cents;
    Ipv4 ip;
    bool card_present;
    Instant ts;
    CountryIndex country;
  };
  const Golden goldens[] = {
      {0, "1999-9936-3405-6921", "ACC_00008985", "MERCH_00000306", 7557, 0xbd63f51eu, false,
       1764756790000000LL, 12},
      {1, "1999-9936-3405-6921", "ACC_00008985", "MERCH_00000063", 11907, 0x45b6721fu, false,
       1764778984000000LL, 0},
      {24, "1999-9936-3405-6921", "ACC_00008985", "MERCH_00000245", 1855, 0x321f45e5u, false,
       1767172698000000LL, 0},
      {25, "5425-9886-1896-4684", "ACC_00001509", "MERCH_00000233", 15592, 0x50e13e61u, false,
       1764754774000000LL, 3},
      {123456, "5869-9539-5124-6336", "ACC_00004451", "MERCH_00000023", 36501, 0x4e3708d6u, true,
       1765187668000000LL, 24},
      {499999, "4896-9661-8226-8542", "ACC_00005950", "MERCH_00000165", 233, 0x3d30b63au, true,
       1766948223000000LL, 5},
  };
  for (const Golden& golden : goldens) {
    const CardTransaction& row = rows[golden.index];
    EXPECT_STREQ(row.cc_num, golden.cc_num) << golden.index;
    EXPECT_STREQ(row.account_id, golden.account_id) << golden.index;
    EXPECT_STREQ(row.merchant_id, golden.merchant_id) << golden.index;
    EXPECT_EQ(row.amount_cents, golden.amount_cents) << golden.index;
    EXPECT_EQ(row.ip, golden.ip) << golden.index;
    EXPECT_EQ(row.card_present, golden.card_present) << golden.index;
    EXPECT_EQ(row.ts, golden.ts) << golden.index;
    EXPECT_EQ(row.country, golden.country) << golden.index;
  }
}

// -----------------------------------------------------------------------------------------------------------
// Chunks, batches, determinism

// A small world whose cards hold thousands of transactions each, so cards span batches.
CardTransactionOptions Dense() {
  CardTransactionOptions options;
  options.world.seed = 9;
  options.world.merchants = 60;
  options.world.cards = 7;
  options.rows = 30001;  // 4285 per card, and one more for cards 0-5
  options.tid_offset = 1000;
  return options;
}

TEST(CardTransactionGeneratorTest, ChunksConcatenateToTheWhole) {
  for (const CardTransactionOptions& base : {Dense(), [] {
                                               CardTransactionOptions options = Headline();
                                               options.world.cards = 500;
                                               options.rows = 12345;
                                               return options;
                                             }()}) {
    const std::vector<CardTransaction> whole = Generate(base);
    ASSERT_EQ(whole.size(), static_cast<std::size_t>(base.rows));
    for (std::int64_t split : {std::int64_t{1}, base.world.cards / 3, base.world.cards - 1}) {
      CardTransactionOptions first = base;
      first.card_count = split;
      CardTransactionOptions second = base;
      second.first_card = split;
      std::vector<CardTransaction> joined = Generate(first);
      const std::vector<CardTransaction> rest = Generate(second);
      EXPECT_EQ(CardTransactionGenerator::ExpectedRows(first), static_cast<double>(joined.size()));
      EXPECT_EQ(CardTransactionGenerator::ExpectedRows(second), static_cast<double>(rest.size()));
      joined.insert(joined.end(), rest.begin(), rest.end());
      ExpectSameRows(joined, whole);
    }
    // Every card alone.
    std::vector<CardTransaction> singles;
    for (std::int64_t card = 0; card < std::min<std::int64_t>(base.world.cards, 40); ++card) {
      CardTransactionOptions one = base;
      one.first_card = card;
      one.card_count = 1;
      const auto rows = Generate(one);
      ASSERT_EQ(static_cast<std::int64_t>(rows.size()), base.TransactionsOfCard(card));
      if (!rows.empty()) {
        EXPECT_EQ(rows.front().t_id, base.FirstTidOfCard(card));
      }
      singles.insert(singles.end(), rows.begin(), rows.end());
    }
    ExpectSameRows(singles, std::vector<CardTransaction>(whole.begin(), whole.begin() + singles.size()));
  }
}

TEST(CardTransactionGeneratorTest, DenseCardsAreTimeOrderedAndUniform) {
  const CardTransactionOptions options = Dense();
  const auto rows = Generate(options);
  ASSERT_EQ(rows.size(), 30001u);
  std::vector<std::int64_t> per_card(7);
  std::array<std::int64_t, 10> deciles{};
  const Instant span = options.world.end_date - options.world.start_date;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].t_id, 1000 + static_cast<std::int64_t>(i));
    ++per_card[static_cast<std::size_t>(rows[i].card)];
    if (i > 0 && rows[i].card == rows[i - 1].card) {
      ASSERT_LE(rows[i - 1].ts, rows[i].ts);
    }
    const Instant lo = std::max(options.world.start_date, MakeCard(options.world, rows[i].card).issue_date);
    ASSERT_GE(rows[i].ts, lo);
    if (lo == options.world.start_date) ++deciles[static_cast<std::size_t>((rows[i].ts - lo) * 10 / span)];
  }
  for (std::int64_t card = 0; card < 7; ++card) EXPECT_EQ(per_card[card], card < 6 ? 4286 : 4285);
  // Order statistics of uniforms are uniform: every tenth of the window holds a tenth of the rows.
  std::int64_t counted = 0;
  for (std::int64_t d : deciles) counted += d;
  for (std::int64_t d : deciles) EXPECT_NEAR(static_cast<double>(d) / counted, 0.1, 0.015);
}

TEST(CardTransactionGeneratorTest, DeterministicAndWindowDependent) {
  CardTransactionOptions options = Headline();
  options.world.cards = 300;
  options.rows = 3000;
  ExpectSameRows(Generate(options), Generate(options));
  CardTransactionOptions shifted = options;
  shifted.period_start = options.world.start_date + kMicrosPerDay;
  const auto a = Generate(options);
  const auto b = Generate(shifted);
  int same = 0;
  for (std::size_t i = 0; i < a.size(); ++i) same += a[i].amount_cents == b[i].amount_cents;
  EXPECT_LT(same, 100);
}

TEST(CardTransactionGeneratorTest, FewerRowsThanCards) {
  CardTransactionOptions options = Headline();
  options.world.cards = 1000;
  options.rows = 37;
  options.first_card = 20;
  options.card_count = 500;
  const auto rows = Generate(options);
  ASSERT_EQ(rows.size(), 17u);
  EXPECT_EQ(CardTransactionGenerator::ExpectedRows(options), 17.0);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].card, 20 + static_cast<std::int64_t>(i));
    EXPECT_EQ(rows[i].t_id, 20 + static_cast<std::int64_t>(i));
  }
  options.rows = 0;
  EXPECT_TRUE(Generate(options).empty());
}

// -----------------------------------------------------------------------------------------------------------
// Incremental windows

TEST(CardTransactionGeneratorTest, IncrementalWindowContinuesEveryCard) {
  CardTransactionOptions first = Headline();
  first.world.cards = 2000;
  first.rows = 200000;  // 100 per card in 30 days: a transaction every 7 hours
  const auto before = Generate(first);
  StartStates lookup;
  for (const CardTransaction& row : before) lookup.states[row.card] = StateAfter(row);

  CardTransactionOptions second = first;
  second.period_start = first.world.end_date;
  second.period_end = first.world.end_date + 10 * kMicrosPerDay;
  second.rows = 70000;
  second.tid_offset = before.back().t_id + 1;
  lookup.Attach(second);
  const auto after = Generate(second);
  second.states = nullptr;
  second.state_count = 0;
  const auto fresh = Generate(second);

  ASSERT_EQ(after.size(), 70000u);
  EXPECT_EQ(after.front().t_id, 200000);
  EXPECT_EQ(after.back().t_id, 269999);
  int seams = 0;
  int close_seams = 0;
  int same_country = 0;
  int same_16 = 0;
  int fresh_violations = 0;
  for (std::size_t i = 0; i < after.size(); ++i) {
    if (i > 0 && after[i].card == after[i - 1].card) continue;
    const CardLocationState& state = lookup.states.at(after[i].card);
    ++seams;
    const Instant gap = after[i].ts - state.last_ts;
    if (gap < kMinimumCountryStay) {
      ++close_seams;
      ASSERT_EQ(after[i].country, state.country) << "card " << after[i].card;
      fresh_violations += fresh[i].country != state.country;
    }
    if (after[i].country == state.country) {
      ++same_country;
      same_16 += (after[i].ip >> 16) == (state.last_ip >> 16);
    }
  }
  EXPECT_EQ(seams, 2000);
  EXPECT_GT(close_seams, 100);
  EXPECT_GT(fresh_violations, 5);  // without the states the seam breaks the rule
  EXPECT_NEAR(static_cast<double>(same_16) / same_country, 0.6, 0.05);
}

TEST(CardTransactionGeneratorTest, RejectsStatesOutsideTheWorld) {
  CardTransactionOptions options = Headline();
  options.world.cards = 10;
  options.rows = 10;
  StartStates lookup;
  lookup.states[3] = CardLocationState{30, kDefaultSimulationDate, 1, true};
  lookup.Attach(options);
  CardTransactionGenerator generator(options);
  try {
    generator.NextBatch();
    ADD_FAILURE() << "a state with country 30 was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(error.what()).find("card 3"), std::string::npos) << error.what();
  }
  lookup.states[3] = CardLocationState{2, kNoInstant, 1, true};
  lookup.Attach(options);
  CardTransactionGenerator again(options);
  EXPECT_THROW(again.NextBatch(), Error);
  // A state is the card's last transaction before the period: not at or after its start.
  lookup.states[3] = CardLocationState{2, options.PeriodStart(), 1, true};
  lookup.Attach(options);
  CardTransactionGenerator late(options);
  try {
    late.NextBatch();
    ADD_FAILURE() << "a state at the period's start was accepted";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("at or after period_start"), std::string::npos) << error.what();
  }
  lookup.states[3] = CardLocationState{2, options.PeriodStart() - kMicrosPerSecond, 1, true};
  lookup.Attach(options);
  CardTransactionGenerator in_time(options);
  EXPECT_NO_THROW(in_time.NextBatch());
}

// -----------------------------------------------------------------------------------------------------------
// Validation

void ExpectRejected(const CardTransactionOptions& options, ErrorCode code, const std::string& parameter) {
  ExpectError([&] { CardTransactionGenerator generator(options); }, code, parameter, "the generator");
  EXPECT_THROW(CardTransactionGenerator::ExpectedRows(options), Error);
}

TEST(CardTransactionGeneratorTest, Validation) {
  const CardTransactionOptions valid = Headline();
  EXPECT_NO_THROW(valid.Validate());
  CardTransactionOptions o = valid;
  o.rows = -1;
  ExpectRejected(o, ErrorCode::kOutOfRange, "rows");
  o = valid;
  o.rows = kMaxCardTransactions + 1;
  ExpectRejected(o, ErrorCode::kOutOfRange, "rows");
  o = valid;
  o.tid_offset = -5;
  ExpectRejected(o, ErrorCode::kOutOfRange, "tid_offset");
  o = valid;
  o.tid_offset = INT64_MAX - 10;
  ExpectRejected(o, ErrorCode::kOutOfRange, "tid_offset");
  o.tid_offset = INT64_MAX - valid.rows;
  EXPECT_NO_THROW(o.Validate());
  o = valid;
  o.first_card = -1;
  ExpectRejected(o, ErrorCode::kOutOfRange, "first_card");
  o = valid;
  o.card_count = -1;
  ExpectRejected(o, ErrorCode::kOutOfRange, "card_count");
  o = valid;
  o.first_card = 19990;
  o.card_count = 11;
  ExpectRejected(o, ErrorCode::kOutOfRange, "first_card");
  o.card_count = INT64_MAX;
  ExpectRejected(o, ErrorCode::kOutOfRange, "card_count");
  o = valid;
  o.first_card = 20001;
  ExpectRejected(o, ErrorCode::kOutOfRange, "first_card");
  o.first_card = 20000;  // an empty chunk at the end is fine
  EXPECT_TRUE(Generate(o).empty());
  o = valid;
  o.period_end = valid.world.start_date;
  ExpectRejected(o, ErrorCode::kInvalidArgument, "period_end");
  o = valid;
  o.period_start = kMinSimulationDate - 1;
  ExpectRejected(o, ErrorCode::kOutOfRange, "period_start");
  o = valid;
  o.period_end = kMaxSimulationDate + 1;
  ExpectRejected(o, ErrorCode::kOutOfRange, "period_end");
  o = valid;
  o.period_start = valid.world.start_date;
  o.period_end = valid.world.end_date - kMicrosPerSecond;  // would leave room before some issue dates
  ExpectRejected(o, ErrorCode::kInvalidArgument, "period_end must not precede window_end");
  o = valid;
  o.world.merchants = 0;
  ExpectRejected(o, ErrorCode::kOutOfRange, "merchants");

  o = valid;
  StartStates lookup;
  lookup.states[valid.world.cards] = CardLocationState{0, kDefaultSimulationDate, 1, true};
  lookup.Attach(o);
  ExpectRejected(o, ErrorCode::kInvalidArgument, "card_states names card 20000, outside");
  const CardStartState repeated[] = {{4, CardLocationState{0, kDefaultSimulationDate, 1, true}},
                                     {4, CardLocationState{1, kDefaultSimulationDate, 1, true}}};
  o.states = repeated;
  o.state_count = 2;
  ExpectRejected(o, ErrorCode::kInvalidArgument, "card_states names card 4 more than once");
}

}  // namespace
}  // namespace synthgen
