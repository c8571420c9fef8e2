// synth_generate_users(): the user world as a materialising set-returning function, and its planner support
// function (row estimate); synth_insert_users(): the same rows loaded into two tables through the bulk path
// (bulk_insert.hpp). PostgreSQL APIs: fmgr argument access and the Datum builders of row_values.hpp.
// Safety: the generator's lifetime, bridge calls and interrupt checks are BatchRun's (batch_run.hpp);
// the row building here holds only trivially destructible locals.
#include <cstring>
#include <string_view>

#include "core/user_world_generator.hpp"
#include "pg/argument_checks.hpp"
#include "pg/bulk_insert.hpp"
#include "pg/materialized_srf.hpp"
#include "pg/timestamp_conversion.hpp"
#include "pg/user_world_arguments.hpp"

extern "C" {
#include "postgres.h"
#include "fmgr.h"
#include "funcapi.h"
#include "catalog/pg_type.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "utils/builtins.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(synthgen_synth_generate_users);
PG_FUNCTION_INFO_V1(synthgen_synth_generate_users_support);
PG_FUNCTION_INFO_V1(synthgen_synth_insert_users);
}

#include "pg/row_values.hpp"

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

// The columns' names and types, for the bulk path: the generated_records and evaluation_metadata columns. The
// strings are NUL-terminated in their fixed-size fields, so those sizes bound their lengths.
constexpr GeneratorColumn kColumns[kColumnCount] = {
    {"record_id", VARCHAROID, VarcharTypmod(sizeof(UserRecord::record_id) - 1)},
    {"user_id", VARCHAROID, VarcharTypmod(sizeof(UserIdentity::user_id) - 1)},
    {"full_name", VARCHAROID, VarcharTypmod(sizeof(UserIdentity::full_name) - 1)},
    {"email", VARCHAROID, VarcharTypmod(sizeof(UserIdentity::email) - 1)},
    {"phone", VARCHAROID, VarcharTypmod(sizeof(UserIdentity::phone) - 1)},
    {"transaction_timestamp", TIMESTAMPTZOID},
    {"is_off_hours_txn", BOOLOID},
    {"available_balance", NUMERICOID},
    {"balance_to_transaction_ratio", FLOAT8OID},
    {"avg_available_balance_30d", NUMERICOID},
    {"balance_volatility_z_score", FLOAT8OID},
    {"bank_connections_count_24h", INT4OID},
    {"bank_connections_count_7d", INT4OID},
    {"bank_connections_avg_30d", FLOAT8OID},
    {"amount", NUMERICOID},
    {"amount_to_avg_ratio", FLOAT8OID},
    {"merchant_risk_score", INT4OID},
    {"is_returned", BOOLOID},
    {"email_changed_at", TIMESTAMPTZOID},
    {"phone_changed_at", TIMESTAMPTZOID},
    {"is_fraudulent", BOOLOID},
    {"fraud_type", VARCHAROID, VarcharTypmod(kMaxFraudPatternNameLength)},
    {"new_bank_connections", INT4OID},
    {"sequence_number", INT4OID},
    {"fraud_confirmed_at", TIMESTAMPTZOID},
    {"is_pre_fraud", BOOLOID},
    {"days_to_fraud", FLOAT8OID},
    {"is_train_eligible", BOOLOID},
    {"is_fraud_event", BOOLOID},
    {"true_fraud_type", VARCHAROID, VarcharTypmod(kMaxFraudPatternNameLength)},
};

// --- PostgreSQL side: plain C data only ---

static_assert(kPostgresEpochInUnixMicros == (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * USECS_PER_DAY);

Datum CentsDatum(std::int64_t cents) { return ScaledNumericDatum(cents, 2); }
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
  values[kTransactionTimestamp] = InstantDatum(record.transaction_time);
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
  if (!nulls[kEmailChangedAt]) values[kEmailChangedAt] = InstantDatum(record.email_changed_at);
  nulls[kPhoneChangedAt] = record.phone_changed_at == kNoInstant;
  if (!nulls[kPhoneChangedAt]) values[kPhoneChangedAt] = InstantDatum(record.phone_changed_at);
  values[kIsFraudulent] = BoolGetDatum(record.is_fraudulent);
  nulls[kFraudType] = record.fraud_type == FraudPattern::kNone;
  if (!nulls[kFraudType]) values[kFraudType] = PatternDatum(record.fraud_type);
  values[kNewBankConnections] = Int32GetDatum(record.new_bank_connections);
  values[kSequenceNumber] = Int32GetDatum(record.sequence_number);
  nulls[kFraudConfirmedAt] = record.fraud_confirmed_at == kNoInstant;
  if (!nulls[kFraudConfirmedAt]) values[kFraudConfirmedAt] = InstantDatum(record.fraud_confirmed_at);
  values[kIsPreFraud] = BoolGetDatum(record.is_pre_fraud);
  nulls[kDaysToFraud] = !record.has_days_to_fraud;
  if (record.has_days_to_fraud) values[kDaysToFraud] = Float8GetDatum(record.days_to_fraud);
  values[kIsTrainEligible] = BoolGetDatum(record.is_train_eligible);
  values[kIsFraudEvent] = BoolGetDatum(record.is_fraud_event);
  nulls[kTrueFraudType] = record.true_fraud_type == FraudPattern::kNone;
  if (!nulls[kTrueFraudType]) values[kTrueFraudType] = PatternDatum(record.true_fraud_type);
}

std::size_t EmitRecords(const void* source, const RowSink& sink) {
  const auto* generator = static_cast<const UserWorldGenerator*>(source);
  Datum values[kColumnCount];
  bool nulls[kColumnCount];
  IdentityDatums identity;  // valid until the row context is reset after this batch
  for (std::size_t i = 0; i < generator->batch_size(); ++i) {
    FillRow(generator->records()[i], identity, values, nulls);
    sink.put(sink.target, values, nulls);
  }
  return generator->batch_size();
}

constexpr BatchGenerator kUserWorld = {&GeneratorBridge<UserWorldGenerator, UserWorldOptions>::Create,
                                       &GeneratorBridge<UserWorldGenerator, UserWorldOptions>::NextBatch,
                                       &GeneratorBridge<UserWorldGenerator, UserWorldOptions>::Destroy,
                                       &EmitRecords};

}  // namespace
}  // namespace synthgen::pg

using namespace synthgen;
using namespace synthgen::pg;

extern "C" PGDLLEXPORT Datum synthgen_synth_generate_users(PG_FUNCTION_ARGS) {
  UserWorldOptions options;
  const bool seed_drawn = ReadUserWorldArguments(fcinfo, 0, options);
  MaterializeBatches(fcinfo, kColumnCount, kUserWorld, &options, seed_drawn, options.seed);
  return static_cast<Datum>(0);
}

// synth_insert_users(records, metadata, <the generator's arguments>): one generation into both tables.
extern "C" PGDLLEXPORT Datum synthgen_synth_insert_users(PG_FUNCTION_ARGS) {
  RequireArgument(fcinfo, 0, "records");
  RequireArgument(fcinfo, 1, "metadata");
  const unsigned int targets[] = {PG_GETARG_OID(0), PG_GETARG_OID(1)};
  UserWorldOptions options;
  const bool seed_drawn = ReadUserWorldArguments(fcinfo, 2, options);
  const std::uint64_t rows =
      InsertBatches(targets, 2, kColumns, kColumnCount, kUserWorld, &options, seed_drawn, options.seed);
  PG_RETURN_INT64(static_cast<int64>(rows));
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
