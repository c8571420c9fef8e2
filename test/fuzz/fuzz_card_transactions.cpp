// libFuzzer target: synth_generate_transactions' arguments (rows, seed, merchants, banks, accounts, cards,
// window_start, window_end, tid_offset, first_card, card_count, period_start, period_end, card_states) read
// as synth_generate_card_transactions.cpp reads them (card_states: card, last_ts, last_ip, country, sorted by
// card), through CardTransactionOptions::Validate (with ValidateCardPeriod and ValidateTidRange) and, when
// accepted, the first rows of the chunk's first kCheckedCards cards checked against
// card_transaction_generator.hpp and card_location.hpp: t_ids, allocation, timestamps, the 6-hour rule,
// addresses and merchants of the row's country, the start states, and chunk invariance. Worlds of more than
// kGeneratedMerchants merchants are validated only (building their merchant directory takes longer than an
// input should).
#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "core/card_entities.hpp"
#include "core/card_entity_id.hpp"
#include "core/card_geography.hpp"
#include "core/card_transaction_generator.hpp"
#include "core/card_transaction_options.hpp"
#include "card_checks.hpp"
#include "fuzz_input.hpp"

namespace synthgen::fuzz {
namespace {

constexpr std::string_view kParameters[] = {
    "rows",       "seed",       "merchants",  "banks",      "accounts",     "cards",      "window_start",
    "window_end", "tid_offset", "first_card", "card_count", "period_start", "period_end", "card_states"};

constexpr std::int64_t kGeneratedMerchants = 20'000;
constexpr std::int64_t kCheckedCards = 4;  // cards generated per input
constexpr std::size_t kCheckedRows = CardTransactionGenerator::kBatchRows;
constexpr std::size_t kMaxStates = 16;

std::string_view kCountryNames[kCardCountryCount];

// card_states as ReadCardStates reads it; false when the shim refuses it (a NULL element, an infinite
// last_ts, an unknown country). Sorted by card, as the shim sorts it.
bool ReadCardStates(FuzzInput& input, Instant near, std::vector<CardStartState>& states) {
  const int tag = input.Byte();
  if ((tag & 3) == 0) return true;  // NULL: no card has a start state
  for (std::size_t i = (tag >> 2) % (kMaxStates + 1); i > 0; --i) {
    if (input.Tag() == 0) return false;  // a NULL element
    CardStartState entry{};
    entry.card = input.Bigint(0);
    const TimestampArgument last_ts = input.Timestamptz(near);
    if (last_ts.refused()) return false;
    entry.state.last_ts = last_ts.instant;
    entry.state.last_ip = static_cast<Ipv4>(input.Raw64());
    const std::optional<std::string> country = input.NameElement(kCountryNames, kCardCountryCount);
    if (!country) return false;
    const std::optional<CountryIndex> index =
        FindCardCountry(country->c_str());  // the shim passes a C string
    if (!index) return false;
    entry.state.country = *index;
    entry.state.has_state = true;
    states.push_back(entry);
  }
  std::sort(states.begin(), states.end(),
            [](const CardStartState& a, const CardStartState& b) { return a.card < b.card; });
  return true;
}

const CardStartState* FindState(const CardTransactionOptions& options, std::int64_t card) {
  const CardStartState* end = options.states + options.state_count;
  const CardStartState* found =
      std::lower_bound(options.states, end, card,
                       [](const CardStartState& entry, std::int64_t key) { return entry.card < key; });
  return found != end && found->card == card ? found : nullptr;
}

// The rows of the options' chunk, up to `limit`, through whole batches (a generator that throws, throws
// here).
std::vector<CardTransaction> Pull(const CardTransactionOptions& options, std::size_t limit) {
  CardTransactionGenerator generator(options);
  std::vector<CardTransaction> rows;
  while (rows.size() < limit) {
    const std::size_t n = generator.NextBatch();
    if (n == 0) break;
    SYNTHGEN_FUZZ_REQUIRE(n == generator.batch_size() && n <= CardTransactionGenerator::kBatchRows);
    rows.insert(rows.end(), generator.rows(), generator.rows() + n);
  }
  return rows;
}

bool SameRow(const CardTransaction& a, const CardTransaction& b) {
  return a.t_id == b.t_id && a.card == b.card && std::strcmp(a.cc_num, b.cc_num) == 0 &&
         std::strcmp(a.account_id, b.account_id) == 0 && std::strcmp(a.merchant_id, b.merchant_id) == 0 &&
         a.amount_cents == b.amount_cents && a.ip == b.ip && a.card_present == b.card_present &&
         a.ts == b.ts && a.country == b.country;
}

// Whether the generator may refuse a card's start state: outside years 1900 to 9999 or not before the period.
bool StateRefusable(const CardTransactionOptions& options, const CardStartState& entry) {
  const Instant t = entry.state.last_ts;
  return t < kMinSimulationDate || t > kMaxSimulationDate || t >= options.PeriodStart();
}

void CheckRows(const CardTransactionOptions& options, const std::vector<CardTransaction>& rows,
               bool complete) {
  const CardWorldOptions& world = options.world;
  const std::int64_t end_card = options.first_card + options.EffectiveCardCount();
  std::optional<MerchantDirectory> merchants;  // built when a caller's state needs it
  std::int64_t expected_tid = options.FirstTidOfCard(options.first_card);
  std::int64_t card = -1;
  std::int64_t card_rows = 0;
  CardRow card_row{};
  Instant lo = 0;
  CardLocationState previous;
  bool previous_from_caller = false;
  for (const CardTransaction& row : rows) {
    SYNTHGEN_FUZZ_REQUIRE(row.t_id == expected_tid);
    ++expected_tid;
    if (row.card != card) {
      // Cards come in order, each with exactly its allocation; none is skipped.
      SYNTHGEN_FUZZ_REQUIRE(card == -1 ? row.card == options.first_card : row.card == card + 1);
      if (card != -1) SYNTHGEN_FUZZ_REQUIRE(card_rows == options.TransactionsOfCard(card));
      card = row.card;
      card_rows = 0;
      SYNTHGEN_FUZZ_REQUIRE(card < end_card);
      card_row = MakeCard(world, card);
      lo = std::max(options.PeriodStart(), card_row.issue_date);
      const CardStartState* start = FindState(options, card);
      previous = start != nullptr ? start->state : CardLocationState{};
      previous_from_caller = start != nullptr;
    }
    ++card_rows;
    SYNTHGEN_FUZZ_REQUIRE(std::strcmp(row.cc_num, card_row.cc_num) == 0);
    char account_id[16];
    FormatEntityId("ACC_", card_row.account, account_id);
    SYNTHGEN_FUZZ_REQUIRE(std::strcmp(row.account_id, account_id) == 0);
    // Whole seconds after lo, inside the period, in time order.
    SYNTHGEN_FUZZ_REQUIRE(row.ts >= lo && row.ts < options.PeriodEnd());
    SYNTHGEN_FUZZ_REQUIRE((row.ts - lo) % kMicrosPerSecond == 0);
    if (card_rows > 1) SYNTHGEN_FUZZ_REQUIRE(row.ts >= previous.last_ts);
    // A merchant of the row's country; a fresh address of it whenever the country changes.
    SYNTHGEN_FUZZ_REQUIRE(row.country < kCardCountryCount);
    const std::int64_t merchant = MerchantIndex(row.merchant_id);
    SYNTHGEN_FUZZ_REQUIRE(merchant >= 0 && merchant < world.merchants);
    SYNTHGEN_FUZZ_REQUIRE(MerchantCountry(world, merchant) == row.country);
    if (!previous.has_state || row.country != previous.country) {
      SYNTHGEN_FUZZ_REQUIRE(InCountryRanges(row.country, row.ip));
    }
    // The 6-hour rule (a caller's state in a country without merchants never keeps the card).
    if (previous.has_state && row.country != previous.country) {
      bool binding = true;
      if (previous_from_caller) {
        if (!merchants) merchants.emplace(world);
        binding = merchants->HasMerchants(previous.country);
      }
      if (binding) SYNTHGEN_FUZZ_REQUIRE(row.ts - previous.last_ts >= kMinimumCountryStay);
    }
    SYNTHGEN_FUZZ_REQUIRE(row.amount_cents >= 1 && row.amount_cents <= kMaxAmountCents);
    previous = StateAfter(row);
    previous_from_caller = false;
  }
  if (complete) {
    if (card != -1) SYNTHGEN_FUZZ_REQUIRE(card_rows == options.TransactionsOfCard(card));
    SYNTHGEN_FUZZ_REQUIRE(static_cast<std::int64_t>(rows.size()) == options.ChunkTransactions());
  }
}

void CheckAcceptedOptions(const CardTransactionOptions& options, std::uint8_t split_choice) {
  SYNTHGEN_FUZZ_REQUIRE(CardTransactionGenerator::ExpectedRows(options) ==
                        static_cast<double>(options.ChunkTransactions()));
  if (options.world.merchants > kGeneratedMerchants) return;

  // A start state the generator may refuse is the only reason it may throw once the options are valid.
  bool refusable = false;
  for (std::size_t i = 0; i < options.state_count; ++i) {
    refusable = refusable || StateRefusable(options, options.states[i]);
  }
  const auto pull = [refusable](const CardTransactionOptions& chunk, std::size_t limit) {
    try {
      return Pull(chunk, limit);
    } catch (const Error& error) {
      if (!refusable) Finding("a generator refused valid options", error.what());
      throw;
    }
  };
  // The first cards of the chunk (the same rows, by chunk invariance).
  CardTransactionOptions chunk = options;
  chunk.card_count = std::min(options.EffectiveCardCount(), kCheckedCards);
  std::vector<CardTransaction> rows = pull(chunk, kCheckedRows + 1);
  const bool complete = rows.size() <= kCheckedRows;
  if (!complete) rows.resize(kCheckedRows);
  CheckRows(chunk, rows, complete);

  // Chunk invariance: cards [first, first + k) then [first + k, end) begin with the same rows.
  const std::int64_t count = *chunk.card_count;
  if (count < 2 || rows.empty()) return;
  const std::int64_t k = 1 + split_choice % (count - 1);
  CardTransactionOptions head = chunk;
  head.card_count = k;
  std::vector<CardTransaction> parts = pull(head, rows.size());
  if (parts.size() < rows.size()) {
    CardTransactionOptions tail = chunk;
    tail.first_card = chunk.first_card + k;
    tail.card_count = count - k;
    const std::vector<CardTransaction> rest = pull(tail, rows.size() - parts.size());
    parts.insert(parts.end(), rest.begin(), rest.end());
  }
  SYNTHGEN_FUZZ_REQUIRE(parts.size() >= rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) SYNTHGEN_FUZZ_REQUIRE(SameRow(parts[i], rows[i]));
}

}  // namespace
}  // namespace synthgen::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  for (std::size_t i = 0; i < synthgen::kCardCountryCount; ++i) {
    synthgen::fuzz::kCountryNames[i] = synthgen::kCardCountries[i].name;
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace synthgen;
  using namespace synthgen::fuzz;
  FuzzInput input(data, size);
  CardTransactionOptions options;
  options.rows = input.Bigint(500'000);
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
  options.tid_offset = input.Bigint(0);
  options.first_card = input.Bigint(0);
  options.card_count = input.NullableBigint(0);
  const TimestampArgument period_start = input.NullableTimestamptz(kDefaultSimulationDate);
  const TimestampArgument period_end = input.NullableTimestamptz(kDefaultSimulationDate + kMicrosPerDay);
  if (period_start.refused() || period_end.refused()) return 0;
  options.period_start = period_start.value();
  options.period_end = period_end.value();
  std::vector<CardStartState> states;
  if (!ReadCardStates(input, kDefaultSimulationDate - kMicrosPerDay, states)) return 0;
  options.states = states.data();
  options.state_count = states.size();
  const std::uint8_t split_choice = input.Byte();
  return RunCall(kParameters, [&] {
    options.Validate();
    CheckAcceptedOptions(options, split_choice);
  });
}
