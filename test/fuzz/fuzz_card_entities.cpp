// libFuzzer target: the card world's entity functions, synth_generate_merchants / banks / accounts (n, seed,
// window_end, first_<kind>) and synth_generate_cards (n, seed, accounts, banks, window_start, window_end,
// first_card), read as synth_generate_card_entities.cpp reads them, through CardEntityGenerator's checks and
// CardWorldOptions::Validate and, when accepted, the first entities (at most kCheckedEntities) checked
// against card_entities.hpp: ids, value ranges, dates, and rows equal to the pure per-index functions.
#include <algorithm>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/card_entities.hpp"
#include "core/card_entity_generator.hpp"
#include "core/card_entity_id.hpp"
#include "fuzz_input.hpp"

namespace synthgen::fuzz {
namespace {

constexpr std::string_view kMerchantParameters[] = {"n", "seed", "window_end", "first_merchant"};
constexpr std::string_view kBankParameters[] = {"n", "seed", "window_end", "first_bank"};
constexpr std::string_view kAccountParameters[] = {"n", "seed", "window_end", "first_account"};
constexpr std::string_view kCardParameters[] = {
    "n", "seed", "accounts", "banks", "window_start", "window_end", "first_card"};

constexpr std::int64_t kCheckedEntities = 48;
constexpr Instant kDay = kMicrosPerDay;

bool IsEntityId(const char* id, const char* prefix, std::int64_t index) {
  char expected[16];
  FormatEntityId(prefix, index, expected);
  return std::strcmp(id, expected) == 0;
}

bool IsFirstOfMonth(Instant t) { return CivilDateOf(t).day == 1; }

// "XXXX-XXXX-XXXX-XXXX", every group in 1000-9999.
bool IsCardNumber(const char* number) {
  const std::string_view text(number);
  if (text.size() != 19) return false;
  for (std::size_t group = 0; group < 4; ++group) {
    const std::string_view digits = text.substr(group * 5, 4);
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    if (digits[0] == '0') return false;
    if (group < 3 && text[group * 5 + 4] != '-') return false;
  }
  return true;
}

bool IsMerchantCountry(CountryIndex country, std::size_t first_positions) {
  return std::find(kMerchantCountryOrder, kMerchantCountryOrder + first_positions, country) !=
         kMerchantCountryOrder + first_positions;
}

// Builds the generator from the options as the shim does (its checks are the rejection), then checks the
// first kCheckedEntities rows of the same range.
template <typename Generator, typename Check>
void Generate(const CardEntityOptions& options, Check&& check) {
  Generator generator(options);
  CardEntityOptions checked = options;
  checked.count = std::min(options.count, kCheckedEntities);
  std::optional<Generator> capped;
  if (checked.count != options.count) capped.emplace(checked);
  Generator& source = capped ? *capped : generator;
  std::int64_t index = options.first;
  while (const std::size_t n = source.NextBatch()) {
    SYNTHGEN_FUZZ_REQUIRE(n == source.rows().size() && n <= Generator::kBatchRows);
    for (const auto& row : source.rows()) check(row, index++);
  }
  SYNTHGEN_FUZZ_REQUIRE(index == options.first + checked.count);
}

void CheckMerchants(const CardEntityOptions& options) {
  const CardWorldOptions& world = options.world;
  Generate<MerchantGenerator>(options, [&](const MerchantRow& row, std::int64_t index) {
    SYNTHGEN_FUZZ_REQUIRE(IsEntityId(row.merchant_id, "MERCH_", index));
    SYNTHGEN_FUZZ_REQUIRE(row.category < kMerchantCategoryCount);
    SYNTHGEN_FUZZ_REQUIRE(IsMerchantCountry(row.country, kCardCountryCount));
    SYNTHGEN_FUZZ_REQUIRE(row.country == MerchantCountry(world, index));
    SYNTHGEN_FUZZ_REQUIRE(row.chargebacks_prev_day_hundredths >= 0 &&
                          row.chargebacks_prev_week_hundredths >= 0 &&
                          row.chargebacks_prev_month_hundredths >= 0);
    SYNTHGEN_FUZZ_REQUIRE(row.last_modified >= world.end_date - 365 * kDay &&
                          row.last_modified <= world.end_date);
    const MerchantRow alone = MakeMerchant(world, index);
    SYNTHGEN_FUZZ_REQUIRE(alone.category == row.category && alone.country == row.country &&
                          alone.chargebacks_prev_month_hundredths == row.chargebacks_prev_month_hundredths &&
                          alone.last_modified == row.last_modified);
  });
}

void CheckBanks(const CardEntityOptions& options) {
  const CardWorldOptions& world = options.world;
  Generate<BankGenerator>(options, [&](const BankRow& row, std::int64_t index) {
    SYNTHGEN_FUZZ_REQUIRE(IsEntityId(row.bank_id, "BANK_", index));
    SYNTHGEN_FUZZ_REQUIRE(IsMerchantCountry(row.country, kBankCountryCount));
    SYNTHGEN_FUZZ_REQUIRE(row.credit_rating >= 1 && row.credit_rating <= 10);
    SYNTHGEN_FUZZ_REQUIRE(row.days_since_bank_cr_changed >= 0 && row.days_since_bank_cr_changed <= 1095);
    SYNTHGEN_FUZZ_REQUIRE(row.last_modified >= world.end_date - 365 * kDay &&
                          row.last_modified <= world.end_date);
    const BankRow alone = MakeBank(world, index);
    SYNTHGEN_FUZZ_REQUIRE(alone.country == row.country && alone.credit_rating == row.credit_rating &&
                          alone.last_modified == row.last_modified);
  });
}

void CheckAccounts(const CardEntityOptions& options) {
  const CardWorldOptions& world = options.world;
  Generate<AccountGenerator>(options, [&](const AccountRow& row, std::int64_t index) {
    SYNTHGEN_FUZZ_REQUIRE(IsEntityId(row.account_id, "ACC_", index));
    SYNTHGEN_FUZZ_REQUIRE(row.home_country < kCardCountryCount);
    SYNTHGEN_FUZZ_REQUIRE(row.home_country == AccountHomeCountry(world, index));
    SYNTHGEN_FUZZ_REQUIRE(std::strlen(row.name) > 0 && std::strlen(row.address) > 0);
    SYNTHGEN_FUZZ_REQUIRE(row.creation_date >= world.end_date - 5 * 365 * kDay &&
                          row.creation_date <= world.end_date);
    SYNTHGEN_FUZZ_REQUIRE(row.last_modified >= world.end_date - 365 * kDay &&
                          row.last_modified <= world.end_date);
    SYNTHGEN_FUZZ_REQUIRE(row.end_date == kNoInstant || row.end_date > row.creation_date);
    const AccountRow alone = MakeAccount(world, index);
    SYNTHGEN_FUZZ_REQUIRE(std::strcmp(alone.name, row.name) == 0 &&
                          std::strcmp(alone.address, row.address) == 0 && alone.end_date == row.end_date);
  });
}

void CheckCards(const CardEntityOptions& options) {
  const CardWorldOptions& world = options.world;
  std::set<std::string> numbers;
  Generate<CardGenerator>(options, [&](const CardRow& row, std::int64_t index) {
    SYNTHGEN_FUZZ_REQUIRE(IsEntityId(row.card_id, "CARD_", index));
    SYNTHGEN_FUZZ_REQUIRE(IsCardNumber(row.cc_num));
    SYNTHGEN_FUZZ_REQUIRE(numbers.insert(row.cc_num).second);
    SYNTHGEN_FUZZ_REQUIRE(row.account >= 0 && row.account < world.accounts);
    SYNTHGEN_FUZZ_REQUIRE(row.bank >= 0 && row.bank < world.banks);
    // Issued on the first of a month, 1 to 1095 days before the window's end (so at least a day before it).
    SYNTHGEN_FUZZ_REQUIRE(IsFirstOfMonth(row.issue_date));
    SYNTHGEN_FUZZ_REQUIRE(row.issue_date <= world.end_date - kDay);
    SYNTHGEN_FUZZ_REQUIRE(row.issue_date > world.end_date - 1095 * kDay - 31 * kDay);
    SYNTHGEN_FUZZ_REQUIRE(IsFirstOfMonth(row.expiry_date) && row.expiry_date > world.end_date - 31 * kDay);
    SYNTHGEN_FUZZ_REQUIRE(static_cast<std::size_t>(row.type) < kCardTypeCount);
    SYNTHGEN_FUZZ_REQUIRE(static_cast<std::size_t>(row.status) < kCardStatusCount);
    if (row.status_updated) {
      SYNTHGEN_FUZZ_REQUIRE(row.last_modified > row.issue_date &&
                            row.last_modified <= world.start_date - kDay);
    } else {
      SYNTHGEN_FUZZ_REQUIRE(row.status == CardStatus::kActive && row.last_modified == row.issue_date);
    }
    const CardRow alone = MakeCard(world, index);
    SYNTHGEN_FUZZ_REQUIRE(std::strcmp(alone.cc_num, row.cc_num) == 0 && alone.account == row.account &&
                          alone.issue_date == row.issue_date && alone.last_modified == row.last_modified);
  });
}

// (n, seed, window_end, first_<kind>) as ReadSimpleEntityArguments reads them; false when the shim refuses.
bool ReadSimpleEntity(FuzzInput& input, std::int64_t default_count, const char* first_name,
                      CardEntityOptions& options) {
  options.count = input.Bigint(default_count);
  options.world.seed = static_cast<std::uint64_t>(input.Bigint(42));
  const TimestampArgument window_end = input.Timestamptz(kDefaultSimulationDate);
  if (window_end.refused()) return false;
  options.world.end_date = window_end.instant;
  options.uses_window_start = false;
  options.first = input.Bigint(0);
  options.first_parameter = first_name;
  return true;
}

// (n, seed, accounts, banks, window_start, window_end, first_card) as ReadCardArguments reads them.
bool ReadCards(FuzzInput& input, CardEntityOptions& options) {
  options.count = input.Bigint(20'000);
  options.world.seed = static_cast<std::uint64_t>(input.Bigint(42));
  options.world.accounts = input.Bigint(10'000);
  options.world.banks = input.Bigint(1'000);
  const TimestampArgument window_start = input.Timestamptz(kDefaultSimulationDate - 30 * kDay);
  const TimestampArgument window_end = input.Timestamptz(kDefaultSimulationDate);
  if (window_start.refused() || window_end.refused()) return false;
  options.world.start_date = window_start.instant;
  options.world.end_date = window_end.instant;
  options.first = input.Bigint(0);
  options.first_parameter = "first_card";
  return true;
}

}  // namespace
}  // namespace synthgen::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace synthgen;
  using namespace synthgen::fuzz;
  FuzzInput input(data, size);
  CardEntityOptions options;
  switch (input.Byte() & 3) {
    case 0:
      if (!ReadSimpleEntity(input, 500, "first_merchant", options)) return 0;
      return RunCall(kMerchantParameters, [&] { CheckMerchants(options); });
    case 1:
      if (!ReadSimpleEntity(input, 1'000, "first_bank", options)) return 0;
      return RunCall(kBankParameters, [&] { CheckBanks(options); });
    case 2:
      if (!ReadSimpleEntity(input, 10'000, "first_account", options)) return 0;
      return RunCall(kAccountParameters, [&] { CheckAccounts(options); });
    default:
      if (!ReadCards(input, options)) return 0;
      return RunCall(kCardParameters, [&] { CheckCards(options); });
  }
}
