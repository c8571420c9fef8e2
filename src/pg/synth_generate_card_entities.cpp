// synth_generate_merchants(), synth_generate_banks(), synth_generate_accounts() and synth_generate_cards(): the
// credit-card world's entities as materialising set-returning functions, one per kind, over the core's pure
// entity functions; synth_insert_merchants() ... synth_insert_cards(): the same rows loaded straight into a
// table through the bulk path (bulk_insert.hpp). PostgreSQL APIs: fmgr argument access, the Datum builders of
// row_values.hpp. Safety: the generator's lifetime, bridge calls and interrupt checks are BatchRun's
// (batch_run.hpp); argument reading and row building hold only trivially destructible locals.
#include <cstring>

#include "core/card_entity_generator.hpp"
#include "core/card_entity_id.hpp"
#include "pg/argument_checks.hpp"
#include "pg/bulk_insert.hpp"
#include "pg/materialized_srf.hpp"
#include "pg/random_seed.hpp"

extern "C" {
#include "postgres.h"
#include "fmgr.h"
#include "funcapi.h"
#include "catalog/pg_type.h"

PG_FUNCTION_INFO_V1(synthgen_synth_generate_merchants);
PG_FUNCTION_INFO_V1(synthgen_synth_generate_banks);
PG_FUNCTION_INFO_V1(synthgen_synth_generate_accounts);
PG_FUNCTION_INFO_V1(synthgen_synth_generate_cards);
PG_FUNCTION_INFO_V1(synthgen_synth_insert_merchants);
PG_FUNCTION_INFO_V1(synthgen_synth_insert_banks);
PG_FUNCTION_INFO_V1(synthgen_synth_insert_accounts);
PG_FUNCTION_INFO_V1(synthgen_synth_insert_cards);
}

#include "pg/row_values.hpp"

namespace synthgen::pg {
namespace {

// --- Arguments, from argument `base` on (the synth_insert_* functions have their target first):
// (n, seed, window_end, first_<kind>) for merchants, banks and accounts;
// (n, seed, accounts, banks, window_start, window_end, first_card) for cards.

// Reads n and seed; returns true if a NULL seed drew a random one.
bool ReadCountAndSeed(FunctionCallInfo fcinfo, int base, CardEntityOptions& options) {
  RequireArgument(fcinfo, base, "n");
  options.count = PG_GETARG_INT64(base);
  const bool seed_drawn = PG_ARGISNULL(base + 1);
  options.world.seed = static_cast<std::uint64_t>(seed_drawn ? SeedForNullArgument(fcinfo) : PG_GETARG_INT64(base + 1));
  return seed_drawn;
}

void ReadFirst(FunctionCallInfo fcinfo, int index, const char* name, CardEntityOptions& options) {
  RequireArgument(fcinfo, index, name);
  options.first = PG_GETARG_INT64(index);
  options.first_parameter = name;
}

// Merchants, banks and accounts depend on the window's end alone; the world's start is neither read nor
// checked.
template <const char* kFirstName>
bool ReadSimpleEntityArguments(FunctionCallInfo fcinfo, int base, CardEntityOptions& options) {
  const bool seed_drawn = ReadCountAndSeed(fcinfo, base, options);
  options.world.end_date = ReadInstantArgument(fcinfo, base + 2, "window_end");
  options.uses_window_start = false;
  ReadFirst(fcinfo, base + 3, kFirstName, options);
  return seed_drawn;
}
constexpr char kFirstMerchant[] = "first_merchant";
constexpr char kFirstBank[] = "first_bank";
constexpr char kFirstAccount[] = "first_account";

bool ReadCardArguments(FunctionCallInfo fcinfo, int base, CardEntityOptions& options) {
  const bool seed_drawn = ReadCountAndSeed(fcinfo, base, options);
  RequireArgument(fcinfo, base + 2, "accounts");
  RequireArgument(fcinfo, base + 3, "banks");
  options.world.accounts = PG_GETARG_INT64(base + 2);
  options.world.banks = PG_GETARG_INT64(base + 3);
  options.world.start_date = ReadInstantArgument(fcinfo, base + 4, "window_start");
  options.world.end_date = ReadInstantArgument(fcinfo, base + 5, "window_end");
  ReadFirst(fcinfo, base + 6, "first_card", options);
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

// The columns' names and types, for the bulk path; ids are NUL-terminated in 16-byte fields, card numbers in 20.
static_assert(sizeof(MerchantRow::merchant_id) == 16 && sizeof(BankRow::bank_id) == 16 &&
              sizeof(AccountRow::account_id) == 16 && sizeof(CardRow::card_id) == 16 && sizeof(CardRow::cc_num) == 20);
constexpr int kIdTypmod = VarcharTypmod(15);
constexpr GeneratorColumn kMerchantColumns[kMerchantColumnCount] = {
    {"merchant_id", VARCHAROID, kIdTypmod}, {"category", TEXTOID},
    {"country", TEXTOID},                   {"cnt_chrgeback_prev_day", NUMERICOID},
    {"cnt_chrgeback_prev_week", NUMERICOID}, {"cnt_chrgeback_prev_month", NUMERICOID},
    {"last_modified", TIMESTAMPTZOID}};
constexpr GeneratorColumn kBankColumns[kBankColumnCount] = {
    {"bank_id", VARCHAROID, kIdTypmod}, {"country", TEXTOID}, {"credit_rating", INT4OID},
    {"days_since_bank_cr_changed", INT4OID}, {"last_modified", TIMESTAMPTZOID}};
constexpr GeneratorColumn kAccountColumns[kAccountColumnCount] = {
    {"account_id", VARCHAROID, kIdTypmod}, {"name", TEXTOID}, {"address", TEXTOID},
    {"debt_end_prev_month", NUMERICOID},    {"last_modified", TIMESTAMPTZOID}, {"creation_date", TIMESTAMPTZOID},
    {"end_date", TIMESTAMPTZOID},           {"home_country", TEXTOID}};
constexpr GeneratorColumn kCardColumns[kCardColumnCount] = {
    {"card_id", VARCHAROID, kIdTypmod},    {"cc_num", VARCHAROID, VarcharTypmod(19)},
    {"account_id", VARCHAROID, kIdTypmod}, {"bank_id", VARCHAROID, kIdTypmod},
    {"issue_date", TIMESTAMPTZOID},        {"cc_expiry_date", TIMESTAMPTZOID},
    {"card_type", TEXTOID},                {"status", TEXTOID},
    {"last_modified", TIMESTAMPTZOID},     {"status_updated", BOOLOID}};

// The calls of one entity kind: the shared generator bridge, a batch emitter over its row filler, and the two
// ways to run it (rows returned, or loaded into a table).
template <typename Row, Row (*Make)(const CardWorldOptions&, std::int64_t), int kColumns,
          void (*Fill)(const Row&, Datum*, bool*), const GeneratorColumn* kColumnTypes,
          bool (*Read)(FunctionCallInfo, int, CardEntityOptions&)>
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

  static Datum Generate(FunctionCallInfo fcinfo) {
    CardEntityOptions options;
    const bool seed_drawn = Read(fcinfo, 0, options);
    MaterializeBatches(fcinfo, kColumns, kCalls, &options, seed_drawn, options.world.seed);
    return static_cast<Datum>(0);
  }

  static Datum Insert(FunctionCallInfo fcinfo) {
    RequireArgument(fcinfo, 0, "target");
    const Oid target = PG_GETARG_OID(0);
    CardEntityOptions options;
    const bool seed_drawn = Read(fcinfo, 1, options);
    const std::uint64_t written =
        InsertBatches(&target, 1, kColumnTypes, kColumns, kCalls, &options, seed_drawn, options.world.seed);
    PG_RETURN_INT64(static_cast<int64>(written));
  }
};

using Merchants = EntityFunction<MerchantRow, &MakeMerchant, kMerchantColumnCount, &FillMerchant, kMerchantColumns,
                                 &ReadSimpleEntityArguments<kFirstMerchant>>;
using Banks = EntityFunction<BankRow, &MakeBank, kBankColumnCount, &FillBank, kBankColumns,
                             &ReadSimpleEntityArguments<kFirstBank>>;
using Accounts = EntityFunction<AccountRow, &MakeAccount, kAccountColumnCount, &FillAccount, kAccountColumns,
                                &ReadSimpleEntityArguments<kFirstAccount>>;
using Cards = EntityFunction<CardRow, &MakeCard, kCardColumnCount, &FillCard, kCardColumns, &ReadCardArguments>;

}  // namespace
}  // namespace synthgen::pg

using namespace synthgen::pg;

extern "C" PGDLLEXPORT Datum synthgen_synth_generate_merchants(PG_FUNCTION_ARGS) { return Merchants::Generate(fcinfo); }
extern "C" PGDLLEXPORT Datum synthgen_synth_generate_banks(PG_FUNCTION_ARGS) { return Banks::Generate(fcinfo); }
extern "C" PGDLLEXPORT Datum synthgen_synth_generate_accounts(PG_FUNCTION_ARGS) { return Accounts::Generate(fcinfo); }
extern "C" PGDLLEXPORT Datum synthgen_synth_generate_cards(PG_FUNCTION_ARGS) { return Cards::Generate(fcinfo); }

extern "C" PGDLLEXPORT Datum synthgen_synth_insert_merchants(PG_FUNCTION_ARGS) { return Merchants::Insert(fcinfo); }
extern "C" PGDLLEXPORT Datum synthgen_synth_insert_banks(PG_FUNCTION_ARGS) { return Banks::Insert(fcinfo); }
extern "C" PGDLLEXPORT Datum synthgen_synth_insert_accounts(PG_FUNCTION_ARGS) { return Accounts::Insert(fcinfo); }
extern "C" PGDLLEXPORT Datum synthgen_synth_insert_cards(PG_FUNCTION_ARGS) { return Cards::Insert(fcinfo); }
