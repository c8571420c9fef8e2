// synth_generate_transactions() and synth_generate_fraud(): the card world's legitimate transactions (with
// location continuity, optionally continuing each card from a caller-supplied state) and its fraud, as
// materialising set-returning functions; synth_insert_transactions(): the same transactions loaded straight
// into a table through the bulk path (bulk_insert.hpp); synth_generate_fraud_support(): the fraud's exact row
// count for the planner. PostgreSQL APIs: fmgr argument access, array deconstruction and composite attribute
// access for card_states (with an interrupt check per state: a world may hold 10^8 cards), the Datum builders
// of row_values.hpp. Safety: the generators' lifetime, bridge calls
// and interrupt checks are BatchRun's (batch_run.hpp); the card states are plain structs in palloc'd memory
// that outlives the call; argument reading and row building hold only trivially destructible locals.
#include <sys/socket.h>  // AF_INET, for utils/inet.h

#include <algorithm>
#include <cstring>

#include "core/card_fraud_generator.hpp"
#include "core/card_transaction_generator.hpp"
#include "pg/argument_checks.hpp"
#include "pg/bulk_insert.hpp"
#include "pg/card_world_arguments.hpp"
#include "pg/materialized_srf.hpp"
#include "pg/timestamp_conversion.hpp"

extern "C" {
#include "postgres.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "catalog/pg_type.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/inet.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(synthgen_synth_generate_transactions);
PG_FUNCTION_INFO_V1(synthgen_synth_generate_fraud);
PG_FUNCTION_INFO_V1(synthgen_synth_generate_fraud_support);
PG_FUNCTION_INFO_V1(synthgen_synth_insert_transactions);
}

#include "pg/row_values.hpp"

namespace synthgen::pg {
namespace {

// --- Arguments, in the order of the SQL declarations.
enum TransactionArgument {
  kRows,
  kTransactionSeed,  // then merchants, banks, accounts, cards, window_start, window_end
  kTidOffset = kTransactionSeed + 7,
  kFirstCard,
  kCardCount,
  kPeriodStart,
  kPeriodEnd,
  kCardStates,
};
enum FraudArgument {
  kLegitRows,
  kFraudRate,
  kChainAttackRatio,
  kFraudSeed,  // then merchants, banks, accounts, cards, window_start, window_end
  kFraudTidOffset = kFraudSeed + 7,
  kFraudPeriodStart,
  kFraudPeriodEnd,
};

void RaiseBadState(const char* message) {
  ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("card_states %s", message)));
}

// One synth_card_state (card, last_ts, last_ip, country) as a start state.
CardStartState ReadCardState(HeapTupleHeader tuple) {
  bool null_card, null_ts, null_ip, null_country;
  const Datum card = GetAttributeByNum(tuple, 1, &null_card);
  const Datum last_ts = GetAttributeByNum(tuple, 2, &null_ts);
  const Datum last_ip = GetAttributeByNum(tuple, 3, &null_ip);
  const Datum country = GetAttributeByNum(tuple, 4, &null_country);
  if (null_card || null_ts || null_ip || null_country) {
    ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                    errmsg("card_states must not hold a NULL card, last_ts, last_ip or country")));
  }
  CardStartState entry{};
  entry.card = DatumGetInt64(card);
  const TimestampTz timestamp = DatumGetTimestampTz(last_ts);
  if (TIMESTAMP_NOT_FINITE(timestamp)) RaiseBadState("must hold finite last_ts values");
  entry.state.last_ts = FromPostgresTimestamp(timestamp);
  const inet* address = DatumGetInetPP(last_ip);
  if (ip_family(address) != PGSQL_AF_INET || ip_bits(address) != 32)
    RaiseBadState("must hold IPv4 host addresses");
  const unsigned char* bytes = ip_addr(address);
  entry.state.last_ip = (static_cast<std::uint32_t>(bytes[0]) << 24) |
                        (static_cast<std::uint32_t>(bytes[1]) << 16) |
                        (static_cast<std::uint32_t>(bytes[2]) << 8) | bytes[3];
  const char* name = text_to_cstring(DatumGetTextPP(country));
  const std::optional<CountryIndex> index = FindCardCountry(name);
  if (!index) {
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("card_states names the unknown country \"%s\"", name)));
  }
  entry.state.country = *index;
  entry.state.has_state = true;
  return entry;
}

// card_states (argument `index`) as an array sorted by card, in palloc'd memory (order and duplicates are the
// core's to check).
void ReadCardStates(FunctionCallInfo fcinfo, int index, CardTransactionOptions& options) {
  if (PG_ARGISNULL(index)) return;
  ArrayType* array = PG_GETARG_ARRAYTYPE_P(index);
  Datum* elements;
  bool* element_nulls;
  int count;
  deconstruct_array(array, ARR_ELEMTYPE(array), -1, false, TYPALIGN_DOUBLE, &elements, &element_nulls,
                    &count);
  auto* states = static_cast<CardStartState*>(palloc(sizeof(CardStartState) * std::max(count, 1)));
  for (int i = 0; i < count; ++i) {
    CHECK_FOR_INTERRUPTS();
    if (element_nulls[i]) {
      ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED), errmsg("card_states must not hold NULL")));
    }
    states[i] = ReadCardState(DatumGetHeapTupleHeader(elements[i]));
  }
  std::sort(states, states + count,
            [](const CardStartState& a, const CardStartState& b) { return a.card < b.card; });
  options.states = states;
  options.state_count = static_cast<std::size_t>(count);
}

// The transaction arguments, from argument `base` on (synth_insert_transactions has its target first).
bool ReadTransactionArguments(FunctionCallInfo fcinfo, int base, CardTransactionOptions& options) {
  RequireArgument(fcinfo, base + kRows, "rows");
  options.rows = PG_GETARG_INT64(base + kRows);
  const bool seed_drawn = ReadCardWorldArguments(fcinfo, base + kTransactionSeed, options.world);
  RequireArgument(fcinfo, base + kTidOffset, "tid_offset");
  options.tid_offset = PG_GETARG_INT64(base + kTidOffset);
  RequireArgument(fcinfo, base + kFirstCard, "first_card");
  options.first_card = PG_GETARG_INT64(base + kFirstCard);
  if (!PG_ARGISNULL(base + kCardCount)) options.card_count = PG_GETARG_INT64(base + kCardCount);
  options.period_start = ReadOptionalInstantArgument(fcinfo, base + kPeriodStart, "period_start");
  options.period_end = ReadOptionalInstantArgument(fcinfo, base + kPeriodEnd, "period_end");
  ReadCardStates(fcinfo, base + kCardStates, options);
  return seed_drawn;
}

bool ReadFraudArguments(FunctionCallInfo fcinfo, CardFraudOptions& options) {
  RequireArgument(fcinfo, kLegitRows, "legit_rows");
  RequireArgument(fcinfo, kFraudRate, "fraud_rate");
  RequireArgument(fcinfo, kChainAttackRatio, "chain_attack_ratio");
  options.legit_rows = PG_GETARG_INT64(kLegitRows);
  options.fraud_rate = PG_GETARG_FLOAT8(kFraudRate);
  options.chain_attack_ratio = PG_GETARG_FLOAT8(kChainAttackRatio);
  const bool seed_drawn = ReadCardWorldArguments(fcinfo, kFraudSeed, options.world);
  options.tid_offset = PG_ARGISNULL(kFraudTidOffset) ? options.legit_rows : PG_GETARG_INT64(kFraudTidOffset);
  options.period_start = ReadOptionalInstantArgument(fcinfo, kFraudPeriodStart, "period_start");
  options.period_end = ReadOptionalInstantArgument(fcinfo, kFraudPeriodEnd, "period_end");
  return seed_drawn;
}

// --- Rows: the transaction columns, then (fraud only) fraud_type, incident and explanation.
enum Column {
  kTId,
  kCcNum,
  kAccountId,
  kMerchantId,
  kAmount,
  kIpAddress,
  kCardPresent,
  kTs,
  kTransactionColumnCount,
  kFraudType = kTransactionColumnCount,
  kIncident,
  kExplanation,
  kFraudColumnCount
};
// The transaction columns' names and types, for the bulk path, with the modifiers their values fit: card
// numbers are 19 characters, entity ids at most 15 (FormatEntityId), amounts at most kMaxAmountCents.
static_assert(sizeof(CardTransaction::cc_num) == 20 && sizeof(CardTransaction::account_id) == 16 &&
              sizeof(CardTransaction::merchant_id) == 16 && kMaxAmountCents < 1'000'000'000'000);
constexpr GeneratorColumn kTransactionColumns[kTransactionColumnCount] = {
    {"t_id", INT8OID},
    {"cc_num", VARCHAROID, VarcharTypmod(19)},
    {"account_id", VARCHAROID, VarcharTypmod(15)},
    {"merchant_id", VARCHAROID, VarcharTypmod(15)},
    {"amount", NUMERICOID, NumericTypmod(12, 2)},
    {"ip_address", INETOID},
    {"card_present", BOOLOID},
    {"ts", TIMESTAMPTZOID}};

void FillTransaction(const CardTransaction& row, Datum* values) {
  values[kTId] = Int64GetDatum(row.t_id);
  values[kCcNum] = TextDatum(row.cc_num);
  values[kAccountId] = TextDatum(row.account_id);
  values[kMerchantId] = TextDatum(row.merchant_id);
  values[kAmount] = ScaledNumericDatum(row.amount_cents, 2);
  values[kIpAddress] = Ipv4Datum(row.ip);
  values[kCardPresent] = BoolGetDatum(row.card_present);
  values[kTs] = InstantDatum(row.ts);
}

std::size_t EmitTransactions(const void* source, const RowSink& sink) {
  const auto* generator = static_cast<const CardTransactionGenerator*>(source);
  Datum values[kTransactionColumnCount];
  bool nulls[kTransactionColumnCount] = {};
  for (std::size_t i = 0; i < generator->batch_size(); ++i) {
    FillTransaction(generator->rows()[i], values);
    sink.put(sink.target, values, nulls);
  }
  return generator->batch_size();
}

std::size_t EmitFraud(const void* source, const RowSink& sink) {
  const auto* generator = static_cast<const CardFraudGenerator*>(source);
  Datum values[kFraudColumnCount];
  bool nulls[kFraudColumnCount] = {};
  for (std::size_t i = 0; i < generator->batch_size(); ++i) {
    const CardFraudRow& row = generator->rows()[i];
    FillTransaction(row.transaction, values);
    values[kFraudType] = TextDatum(CardFraudTypeName(row.fraud_type));
    values[kIncident] = Int64GetDatum(row.incident);
    values[kExplanation] = TextDatum(row.explanation);
    sink.put(sink.target, values, nulls);
  }
  return generator->batch_size();
}

using TransactionBridge = GeneratorBridge<CardTransactionGenerator, CardTransactionOptions>;
using FraudBridge = GeneratorBridge<CardFraudGenerator, CardFraudOptions>;
constexpr BatchGenerator kTransactions = {&TransactionBridge::Create, &TransactionBridge::NextBatch,
                                          &TransactionBridge::Destroy, &EmitTransactions};
constexpr BatchGenerator kFraud = {&FraudBridge::Create, &FraudBridge::NextBatch, &FraudBridge::Destroy,
                                   &EmitFraud};

}  // namespace
}  // namespace synthgen::pg

using namespace synthgen::pg;

extern "C" PGDLLEXPORT Datum synthgen_synth_generate_transactions(PG_FUNCTION_ARGS) {
  synthgen::CardTransactionOptions options;
  const bool seed_drawn = ReadTransactionArguments(fcinfo, 0, options);
  MaterializeBatches(fcinfo, kTransactionColumnCount, kTransactions, &options, seed_drawn,
                     options.world.seed);
  return static_cast<Datum>(0);
}

extern "C" PGDLLEXPORT Datum synthgen_synth_generate_fraud(PG_FUNCTION_ARGS) {
  synthgen::CardFraudOptions options;
  const bool seed_drawn = ReadFraudArguments(fcinfo, options);
  MaterializeBatches(fcinfo, kFraudColumnCount, kFraud, &options, seed_drawn, options.world.seed);
  return static_cast<Datum>(0);
}

extern "C" PGDLLEXPORT Datum synthgen_synth_insert_transactions(PG_FUNCTION_ARGS) {
  RequireArgument(fcinfo, 0, "target");
  const Oid target = PG_GETARG_OID(0);
  synthgen::CardTransactionOptions options;
  const bool seed_drawn = ReadTransactionArguments(fcinfo, 1, options);
  const std::uint64_t written = InsertBatches(&target, 1, kTransactionColumns, kTransactionColumnCount,
                                              kTransactions, &options, seed_drawn, options.world.seed);
  PG_RETURN_INT64(static_cast<int64>(written));
}

// Row estimate: the fraud's exact row count (CountCardFraud) when legit_rows, fraud_rate and
// chain_attack_ratio are constants within their ranges; the declared ROWS otherwise.
extern "C" PGDLLEXPORT Datum synthgen_synth_generate_fraud_support(PG_FUNCTION_ARGS) {
  Node* request = reinterpret_cast<Node*>(PG_GETARG_POINTER(0));
  if (!IsA(request, SupportRequestRows)) PG_RETURN_POINTER(nullptr);
  auto* rows_request = reinterpret_cast<SupportRequestRows*>(request);
  Datum legit_rows, fraud_rate, chain_attack_ratio;
  if (!ConstantArgument(rows_request->node, 0, legit_rows) ||
      !ConstantArgument(rows_request->node, 1, fraud_rate) ||
      !ConstantArgument(rows_request->node, 2, chain_attack_ratio)) {
    PG_RETURN_POINTER(nullptr);
  }
  const auto within_unit = [](double rate) { return rate >= 0.0 && rate <= 1.0; };
  if (DatumGetInt64(legit_rows) < 0 || !within_unit(DatumGetFloat8(fraud_rate)) ||
      !within_unit(DatumGetFloat8(chain_attack_ratio))) {
    PG_RETURN_POINTER(nullptr);
  }
  const synthgen::CardFraudCounts counts = synthgen::CountCardFraud(
      DatumGetInt64(legit_rows), DatumGetFloat8(fraud_rate), DatumGetFloat8(chain_attack_ratio), true);
  rows_request->rows = clamp_row_est(static_cast<double>(counts.rows()));
  PG_RETURN_POINTER(rows_request);
}
