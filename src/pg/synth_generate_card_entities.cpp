// synth_generate_merchants(), synth_generate_banks(), synth_generate_accounts() and synth_generate_cards(): the
// credit-card world's entities as materialising set-returning functions, one per kind, over the core's pure
// entity functions. PostgreSQL APIs: fmgr argument access, the Datum builders of
// row_values.hpp. Safety: the generator's lifetime, bridge calls and interrupt checks are MaterializeBatches'
// (materialized_srf.hpp); argument reading and row building hold only trivially destructible locals.
#include <cstring>

#include "core/card_entity_generator.hpp"
#include "core/card_entity_id.hpp"
#include "pg/argument_checks.hpp"
#include "pg/materialized_srf.hpp"
#include "pg/random_seed.hpp"

extern "C" {
#include "postgres.h"
#include "fmgr.h"
#include "funcapi.h"

PG_FUNCTION_INFO_V1(synthgen_synth_generate_merchants);
PG_FUNCTION_INFO_V1(synthgen_synth_generate_banks);
PG_FUNCTION_INFO_V1(synthgen_synth_generate_accounts);
PG_FUNCTION_INFO_V1(synthgen_synth_generate_cards);
}

#include "pg/row_values.hpp"

namespace synthgen::pg {
namespace {

// --- Arguments: (n, seed, window_end, first_<kind>) for merchants, banks and accounts;
// (n, seed, accounts, banks, window_start, window_end, first_card) for cards.

// Reads n and seed (arguments 0 and 1); returns true if a NULL seed drew a random one.
bool ReadCountAndSeed(FunctionCallInfo fcinfo, CardEntityOptions& options) {
  RequireArgument(fcinfo, 0, "n");
  options.count = PG_GETARG_INT64(0);
  const bool seed_drawn = PG_ARGISNULL(1);
  options.world.seed = static_cast<std::uint64_t>(seed_drawn ? DrawRandomSeed() : PG_GETARG_INT64(1));
  return seed_drawn;
}

void ReadFirst(FunctionCallInfo fcinfo, int index, const char* name, CardEntityOptions& options) {
  RequireArgument(fcinfo, index, name);
  options.first = PG_GETARG_INT64(index);
  options.first_parameter = name;
}

// Merchants, banks and accounts depend on the window's end alone; the start is set just before it.
bool ReadSimpleEntityArguments(FunctionCallInfo fcinfo, const char* first_name, CardEntityOptions& options) {
  const bool seed_drawn = ReadCountAndSeed(fcinfo, options);
  options.world.end_date = ReadInstantArgument(fcinfo, 2, "window_end");
  options.world.start_date = options.world.end_date - 1;
  ReadFirst(fcinfo, 3, first_name, options);
  return seed_drawn;
}

bool ReadCardArguments(FunctionCallInfo fcinfo, CardEntityOptions& options) {
  const bool seed_drawn = ReadCountAndSeed(fcinfo, options);
  RequireArgument(fcinfo, 2, "accounts");
  RequireArgument(fcinfo, 3, "banks");
  options.world.accounts = PG_GETARG_INT64(2);
  options.world.banks = PG_GETARG_INT64(3);
  options.world.start_date = ReadInstantArgument(fcinfo, 4, "window_start");
  options.world.end_date = ReadInstantArgument(fcinfo, 5, "window_end");
  ReadFirst(fcinfo, 6, "first_card", options);
  return seed_drawn;
}

// --- Rows, in the order of the SQL declarations.

enum MerchantColumn { kMerchantId, kCategory, kMerchantCountry, kChargebacksDay, kChargebacksWeek,
                      kChargebacksMonth, kMerchantLastModified, kMerchantColumnCount };
enum BankColumn { kBankId, kBankCountry, kCreditRating, kDaysSinceRatingChange, kBankLastModified,
                  kBankColumnCount };
enum AccountColumn { kAccountId, kName, kAddress, kDebt, kAccountLastModified, kCreationDate, kEndDate,
                     kHomeCountry, kAccountColumnCount };
enum CardColumn { kCardId, kCcNum, kCardAccountId, kCardBankId, kIssueDate, kExpiryDate, kCardType, kStatus,
                  kCardLastModified, kStatusUpdated, kCardColumnCount };

void FillMerchant(const MerchantRow& row, Datum* values, bool* nulls) {
  std::memset(nulls, 0, sizeof(bool) * kMerchantColumnCount);
  values[kMerchantId] = TextDatum(row.merchant_id);
  values[kCategory] = TextDatum(kMerchantCategories[row.category]);
  values[kMerchantCountry] = TextDatum(kCardCountries[row.country].name);
  values[kChargebacksDay] = ScaledNumericDatum(row.chargebacks_prev_day_hundredths, 2);
  values[kChargebacksWeek] = ScaledNumericDatum(row.chargebacks_prev_week_hundredths, 2);
  values[kChargebacksMonth] = ScaledNumericDatum(row.chargebacks_prev_month_hundredths, 2);
  values[kMerchantLastModified] = InstantDatum(row.last_modified);
}

void FillBank(const BankRow& row, Datum* values, bool* nulls) {
  std::memset(nulls, 0, sizeof(bool) * kBankColumnCount);
  values[kBankId] = TextDatum(row.bank_id);
  values[kBankCountry] = TextDatum(kCardCountries[row.country].name);
  values[kCreditRating] = Int32GetDatum(row.credit_rating);
  values[kDaysSinceRatingChange] = Int32GetDatum(row.days_since_bank_cr_changed);
  values[kBankLastModified] = InstantDatum(row.last_modified);
}

void FillAccount(const AccountRow& row, Datum* values, bool* nulls) {
  std::memset(nulls, 0, sizeof(bool) * kAccountColumnCount);
  values[kAccountId] = TextDatum(row.account_id);
  values[kName] = TextDatum(row.name);
  values[kAddress] = TextDatum(row.address);
  values[kDebt] = ScaledNumericDatum(row.debt_end_prev_month_cents, 2);
  values[kAccountLastModified] = InstantDatum(row.last_modified);
  values[kCreationDate] = InstantDatum(row.creation_date);
  SetOptionalInstant(row.end_date, kEndDate, values, nulls);
  values[kHomeCountry] = TextDatum(kCardCountries[row.home_country].name);
}

void FillCard(const CardRow& row, Datum* values, bool* nulls) {
  std::memset(nulls, 0, sizeof(bool) * kCardColumnCount);
  char account_id[16];
  char bank_id[16];
  FormatEntityId("ACC_", row.account, account_id);
  FormatEntityId("BANK_", row.bank, bank_id);
  values[kCardId] = TextDatum(row.card_id);
  values[kCcNum] = TextDatum(row.cc_num);
  values[kCardAccountId] = TextDatum(account_id);
  values[kCardBankId] = TextDatum(bank_id);
  values[kIssueDate] = InstantDatum(row.issue_date);
  values[kExpiryDate] = InstantDatum(row.expiry_date);
  values[kCardType] = TextDatum(CardTypeName(row.type));
  values[kStatus] = TextDatum(CardStatusName(row.status));
  values[kCardLastModified] = InstantDatum(row.last_modified);
  values[kStatusUpdated] = BoolGetDatum(row.status_updated);
}

// The calls of one entity kind: the shared generator bridge and a batch emitter over its row filler.
template <typename Row, Row (*Make)(const CardWorldOptions&, std::int64_t), int kColumns,
          void (*Fill)(const Row&, Datum*, bool*)>
struct EntityFunction {
  using Generator = CardEntityGenerator<Row, Make>;
  using Bridge = GeneratorBridge<Generator, CardEntityOptions>;

  static std::size_t Emit(const void* source, const RowSink& sink) {
    Datum values[kColumns];
    bool nulls[kColumns];
    const auto& rows = static_cast<const Generator*>(source)->rows();
    for (const Row& row : rows) {
      Fill(row, values, nulls);
      sink.put(sink.target, values, nulls);
    }
    return rows.size();
  }
  static constexpr BatchGenerator kCalls = {&Bridge::Create, &Bridge::NextBatch, &Bridge::Destroy, &Emit};

  static Datum Run(FunctionCallInfo fcinfo, const CardEntityOptions& options, bool seed_drawn) {
    MaterializeBatches(fcinfo, kColumns, kCalls, &options, seed_drawn, options.world.seed);
    return static_cast<Datum>(0);
  }
};

using Merchants = EntityFunction<MerchantRow, &MakeMerchant, kMerchantColumnCount, &FillMerchant>;
using Banks = EntityFunction<BankRow, &MakeBank, kBankColumnCount, &FillBank>;
using Accounts = EntityFunction<AccountRow, &MakeAccount, kAccountColumnCount, &FillAccount>;
using Cards = EntityFunction<CardRow, &MakeCard, kCardColumnCount, &FillCard>;

}  // namespace
}  // namespace synthgen::pg

using synthgen::CardEntityOptions;
using namespace synthgen::pg;

extern "C" PGDLLEXPORT Datum synthgen_synth_generate_merchants(PG_FUNCTION_ARGS) {
  CardEntityOptions options;
  const bool seed_drawn = ReadSimpleEntityArguments(fcinfo, "first_merchant", options);
  return Merchants::Run(fcinfo, options, seed_drawn);
}

extern "C" PGDLLEXPORT Datum synthgen_synth_generate_banks(PG_FUNCTION_ARGS) {
  CardEntityOptions options;
  const bool seed_drawn = ReadSimpleEntityArguments(fcinfo, "first_bank", options);
  return Banks::Run(fcinfo, options, seed_drawn);
}

extern "C" PGDLLEXPORT Datum synthgen_synth_generate_accounts(PG_FUNCTION_ARGS) {
  CardEntityOptions options;
  const bool seed_drawn = ReadSimpleEntityArguments(fcinfo, "first_account", options);
  return Accounts::Run(fcinfo, options, seed_drawn);
}

extern "C" PGDLLEXPORT Datum synthgen_synth_generate_cards(PG_FUNCTION_ARGS) {
  CardEntityOptions options;
  const bool seed_drawn = ReadCardArguments(fcinfo, options);
  return Cards::Run(fcinfo, options, seed_drawn);
}
