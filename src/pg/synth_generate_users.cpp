// synth_generate_users(): the user world as a materialising set-returning function, and its planner support
// function (row estimate). PostgreSQL APIs: fmgr argument access, InitMaterializedSRF/tuplestore_putvalues,
// text/numeric/timestamptz constructors, ereport, CHECK_FOR_INTERRUPTS. Safety: the generator lives on the
// heap, owned by a memory-context callback; it is only touched through noexcept bridge calls; every frame
// that can raise a PostgreSQL error holds only trivially destructible locals.
#include <cstring>
#include <string_view>

#include "core/user_world_generator.hpp"
#include "pg/context_owner.hpp"
#include "pg/error_bridge.hpp"
#include "pg/random_seed.hpp"
#include "pg/timestamp_conversion.hpp"
#include "pg/user_world_arguments.hpp"

extern "C" {
#include "postgres.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(synthgen_synth_generate_users);
PG_FUNCTION_INFO_V1(synthgen_synth_generate_users_support);
}

namespace synthgen::pg {
namespace {

// Output columns, in the order of the SQL declaration.
enum Column {
  kRecordId,
  kUserId,
  kFullName,
  kEmail,
  kPhone,
  kTransactionTimestamp,
  kIsOffHoursTxn,
  kAvailableBalance,
  kBalanceToTransactionRatio,
  kAvgAvailableBalance30d,
  kBalanceVolatilityZScore,
  kBankConnectionsCount24h,
  kBankConnectionsCount7d,
  kBankConnectionsAvg30d,
  kAmount,
  kAmountToAvgRatio,
  kMerchantRiskScore,
  kIsReturned,
  kEmailChangedAt,
  kPhoneChangedAt,
  kIsFraudulent,
  kFraudType,
  kNewBankConnections,
  kSequenceNumber,
  kFraudConfirmedAt,
  kIsPreFraud,
  kDaysToFraud,
  kIsTrainEligible,
  kIsFraudEvent,
  kTrueFraudType,
  kColumnCount
};

// --- C++ side: noexcept bridge calls over the generator
// -------------------------------------------------------

UserWorldGenerator* CreateGenerator(const UserWorldOptions& options, ErrorRecord& error) noexcept {
  UserWorldGenerator* generator = nullptr;
  CallGuarded(error, [&] { generator = new UserWorldGenerator(options); });
  return generator;
}

std::size_t NextBatch(UserWorldGenerator* generator, ErrorRecord& error) noexcept {
  std::size_t count = 0;
  CallGuarded(error, [&] { count = generator->NextBatch(); });
  return count;
}

void DestroyGenerator(void* generator) noexcept { delete static_cast<UserWorldGenerator*>(generator); }

// --- PostgreSQL side: plain C data only
// ----------------------------------------------------------------------

static_assert(kPostgresEpochInUnixMicros == (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * USECS_PER_DAY);

Datum TimestampDatum(Instant instant) { return TimestampTzGetDatum(ToPostgresTimestamp(instant)); }
Datum CentsDatum(std::int64_t cents) { return NumericGetDatum(int64_div_fast_to_numeric(cents, 2)); }
Datum TextDatum(std::string_view text) {
  return PointerGetDatum(cstring_to_text_with_len(text.data(), static_cast<int>(text.size())));
}
Datum PatternDatum(FraudPattern pattern) { return TextDatum(FraudPatternName(pattern)); }

// A user's identity columns, built once and shared by all of the user's rows in a batch.
struct IdentityDatums {
  const UserIdentity* source = nullptr;
  Datum user_id = 0, full_name = 0, email = 0, phone = 0;

  void Refresh(const UserIdentity* identity) {
    if (identity == source) return;
    source = identity;
    user_id = TextDatum(identity->user_id);
    full_name = TextDatum(identity->full_name);
    email = TextDatum(identity->email);
    phone = TextDatum(identity->phone);
  }
};

void FillRow(const UserRecord& record, IdentityDatums& identity, Datum* values, bool* nulls) {
  std::memset(nulls, 0, sizeof(bool) * kColumnCount);
  identity.Refresh(record.identity);
  values[kRecordId] = TextDatum(record.record_id);
  values[kUserId] = identity.user_id;
  values[kFullName] = identity.full_name;
  values[kEmail] = identity.email;
  values[kPhone] = identity.phone;
  values[kTransactionTimestamp] = TimestampDatum(record.transaction_time);
  values[kIsOffHoursTxn] = BoolGetDatum(record.is_off_hours);
  values[kAvailableBalance] = CentsDatum(record.available_balance_cents);
  values[kBalanceToTransactionRatio] = Float8GetDatum(record.balance_to_transaction_ratio);
  values[kAvgAvailableBalance30d] = CentsDatum(record.avg_available_balance_30d_cents);
  values[kBalanceVolatilityZScore] = Float8GetDatum(record.balance_volatility_z_score);
  values[kBankConnectionsCount24h] = Int32GetDatum(record.bank_connections_24h);
  values[kBankConnectionsCount7d] = Int32GetDatum(record.bank_connections_7d);
  values[kBankConnectionsAvg30d] = Float8GetDatum(record.bank_connections_avg_30d);
  values[kAmount] = CentsDatum(record.amount_cents);
  values[kAmountToAvgRatio] = Float8GetDatum(record.amount_to_avg_ratio);
  values[kMerchantRiskScore] = Int32GetDatum(record.merchant_risk_score);
  values[kIsReturned] = BoolGetDatum(record.is_returned);
  nulls[kEmailChangedAt] = record.email_changed_at == kNoInstant;
  if (!nulls[kEmailChangedAt]) values[kEmailChangedAt] = TimestampDatum(record.email_changed_at);
  nulls[kPhoneChangedAt] = record.phone_changed_at == kNoInstant;
  if (!nulls[kPhoneChangedAt]) values[kPhoneChangedAt] = TimestampDatum(record.phone_changed_at);
  values[kIsFraudulent] = BoolGetDatum(record.is_fraudulent);
  nulls[kFraudType] = record.fraud_type == FraudPattern::kNone;
  if (!nulls[kFraudType]) values[kFraudType] = PatternDatum(record.fraud_type);
  values[kNewBankConnections] = Int32GetDatum(record.new_bank_connections);
  values[kSequenceNumber] = Int32GetDatum(record.sequence_number);
  nulls[kFraudConfirmedAt] = record.fraud_confirmed_at == kNoInstant;
  if (!nulls[kFraudConfirmedAt]) values[kFraudConfirmedAt] = TimestampDatum(record.fraud_confirmed_at);
  values[kIsPreFraud] = BoolGetDatum(record.is_pre_fraud);
  nulls[kDaysToFraud] = !record.has_days_to_fraud;
  if (record.has_days_to_fraud) values[kDaysToFraud] = Float8GetDatum(record.days_to_fraud);
  values[kIsTrainEligible] = BoolGetDatum(record.is_train_eligible);
  values[kIsFraudEvent] = BoolGetDatum(record.is_fraud_event);
  nulls[kTrueFraudType] = record.true_fraud_type == FraudPattern::kNone;
  if (!nulls[kTrueFraudType]) values[kTrueFraudType] = PatternDatum(record.true_fraud_type);
}

}  // namespace
}  // namespace synthgen::pg

using namespace synthgen;
using namespace synthgen::pg;

extern "C" PGDLLEXPORT Datum synthgen_synth_generate_users(PG_FUNCTION_ARGS) {
  UserWorldOptions options;
  const bool seed_drawn = ReadUserWorldArguments(fcinfo, options);

  InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
  ReturnSetInfo* result = reinterpret_cast<ReturnSetInfo*>(fcinfo->resultinfo);
  if (result->setDesc->natts != kColumnCount) {
    ereport(ERROR,
            (errcode(ERRCODE_DATATYPE_MISMATCH),
             errmsg("synthgen internal error: synth_generate_users is declared with %d columns, expected %d",
                    result->setDesc->natts, static_cast<int>(kColumnCount))));
  }

  MemoryContext owner_context =
      AllocSetContextCreate(CurrentMemoryContext, "synthgen generator", ALLOCSET_SMALL_SIZES);
  MemoryContext row_context = AllocSetContextCreate(owner_context, "synthgen rows", ALLOCSET_DEFAULT_SIZES);
  ContextOwner owner(owner_context);
  ErrorRecord error;
  UserWorldGenerator* generator = CreateGenerator(options, error);
  if (error.failed()) RaiseError(error);
  owner.Arm(generator, DestroyGenerator);
  if (seed_drawn) ReportDrawnSeed(static_cast<std::int64_t>(options.seed));

  Datum values[kColumnCount];
  bool nulls[kColumnCount];
  for (;;) {
    const std::size_t count = NextBatch(generator, error);
    if (error.failed()) RaiseError(error);
    if (count == 0) break;
    const UserRecord* records = generator->records();
    MemoryContext previous = MemoryContextSwitchTo(row_context);
    IdentityDatums identity;  // valid until row_context is reset
    for (std::size_t i = 0; i < count; ++i) {
      FillRow(records[i], identity, values, nulls);
      tuplestore_putvalues(result->setResult, result->setDesc, values, nulls);
    }
    MemoryContextSwitchTo(previous);
    MemoryContextReset(row_context);
    CHECK_FOR_INTERRUPTS();
  }
  MemoryContextDelete(owner_context);  // destroys the generator
  return static_cast<Datum>(0);
}

// Row estimate: n users times the expected records per user for the given (or default) options.
extern "C" PGDLLEXPORT Datum synthgen_synth_generate_users_support(PG_FUNCTION_ARGS) {
  Node* request = reinterpret_cast<Node*>(PG_GETARG_POINTER(0));
  if (!IsA(request, SupportRequestRows)) PG_RETURN_POINTER(nullptr);
  auto* rows_request = reinterpret_cast<SupportRequestRows*>(request);
  UserWorldOptions options;
  if (!EstimateUserWorldArguments(rows_request->node, options)) PG_RETURN_POINTER(nullptr);
  rows_request->rows =
      clamp_row_est(static_cast<double>(options.count) * UserWorldGenerator::ExpectedRecordsPerUser(options));
  PG_RETURN_POINTER(rows_request);
}
