// libFuzzer target: synth_generate_users' arguments (n, fraud_rate, seed, simulation_date, legacy, patterns,
// first_user, world_size) read as user_world_arguments.cpp reads them, through UserWorldOptions::Validate
// and, when accepted, the first users of the chunk (at most kCheckedUsers, the world unchanged) checked
// against the README's model: identities, record order and windows, labels, the fraud split, and chunk
// invariance.
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "core/fraud_pattern.hpp"
#include "core/identity.hpp"
#include "core/user_world_generator.hpp"
#include "core/user_world_options.hpp"
#include "fuzz_input.hpp"

namespace synthgen::fuzz {
namespace {

constexpr std::string_view kParameters[] = {"n",      "fraud_rate", "seed",       "simulation_date",
                                            "legacy", "patterns",   "first_user", "world_size"};

constexpr std::int64_t kCheckedUsers = 12;    // users generated per input
constexpr std::int64_t kCountedWorld = 2048;  // worlds up to this size have their fraud split counted
constexpr Instant kHistoryReach = 180 * kMicrosPerDay;
constexpr Instant kLabelDelayMin = kMicrosPerHour;
constexpr Instant kLabelDelayMax = 60 * kMicrosPerDay;
constexpr Instant kAfterEventReach = 14 * kMicrosPerDay + kMicrosPerMinute;  // 1-14 days, ties a second later

// The merchant risk range of each pattern's fraud event (README, "The five fraud patterns").
constexpr std::int32_t kEventRisk[kFraudPatternCount][2] = {{15, 49}, {20, 59}, {40, 84}, {50, 84}, {60, 94}};

std::string_view kPatternNames[kFraudPatternCount];

// patterns text[] as ReadPatterns reads it; false when the shim refuses the array (a NULL element, an unknown
// name, a name twice).
bool ReadPatterns(FuzzInput& input, PatternSelection& selection) {
  const int tag = input.Byte();
  if ((tag & 3) == 0) {
    selection = PatternSelection::All();
    return true;
  }
  selection = PatternSelection();
  for (int i = (tag >> 2) % 9; i > 0; --i) {
    const std::optional<std::string> name = input.NameElement(kPatternNames, kFraudPatternCount);
    if (!name) return false;
    const FraudPattern pattern = FindFraudPattern(name->c_str());  // the shim passes a C string
    if (pattern == FraudPattern::kNone || !selection.TryAdd(pattern)) return false;
  }
  return true;
}

// A record copied out of its batch: its fields as text (doubles exactly) and its user's identity.
struct CopiedRecord {
  UserRecord record;
  UserIdentity identity;
  std::string text;
};

std::string RecordText(const UserRecord& r, const UserIdentity& id) {
  char buffer[1024];
  std::snprintf(buffer, sizeof buffer,
                "%s|%s|%s|%s|%s|%" PRId64 "|%d|%" PRId64 "|%a|%" PRId64 "|%a|%d|%d|%a|%" PRId64
                "|%a|%d|%d|%" PRId64 "|%" PRId64 "|%d|%d|%d|%d|%" PRId64 "|%d|%d|%a|%d|%d|%d",
                r.record_id, id.user_id, id.full_name, id.email, id.phone, r.transaction_time, r.is_off_hours,
                r.available_balance_cents, r.balance_to_transaction_ratio, r.avg_available_balance_30d_cents,
                r.balance_volatility_z_score, r.bank_connections_24h, r.bank_connections_7d,
                r.bank_connections_avg_30d, r.amount_cents, r.amount_to_avg_ratio, r.merchant_risk_score,
                r.is_returned, r.email_changed_at, r.phone_changed_at, r.is_fraudulent,
                static_cast<int>(r.fraud_type), r.new_bank_connections, r.sequence_number,
                r.fraud_confirmed_at, r.is_pre_fraud, r.has_days_to_fraud, r.days_to_fraud,
                r.is_train_eligible, r.is_fraud_event, static_cast<int>(r.true_fraud_type));
  return buffer;
}

// Every record of the options' users; inspect (if given) sees the generator first.
std::vector<CopiedRecord> Generate(const UserWorldOptions& options,
                                   const std::function<void(const UserWorldGenerator&)>& inspect = {}) {
  std::vector<CopiedRecord> out;
  UserWorldGenerator generator(options);
  if (inspect) inspect(generator);
  while (const std::size_t n = generator.NextBatch()) {
    SYNTHGEN_FUZZ_REQUIRE(n == generator.batch_size() && n <= UserWorldGenerator::kBatchRecords);
    for (std::size_t i = 0; i < n; ++i) {
      const UserRecord& record = generator.records()[i];
      out.push_back({record, *record.identity, RecordText(record, *record.identity)});
      out.back().record.identity = nullptr;
    }
  }
  return out;
}

bool IsIdWithHex(const char* id, std::string_view prefix) {
  const std::string_view text(id);
  if (text.size() != prefix.size() + 12 || text.substr(0, prefix.size()) != prefix) return false;
  return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(prefix.size()), text.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// One user's records against the model.
void CheckUser(const UserWorldOptions& options, FraudPattern pattern, const CopiedRecord* records,
               int count) {
  const Instant now = options.simulation_date;
  SYNTHGEN_FUZZ_REQUIRE(count >= 1 && count <= kMaxRecordsPerUser);
  if (options.legacy) SYNTHGEN_FUZZ_REQUIRE(count == 1);
  if (!options.legacy && pattern == FraudPattern::kNone) SYNTHGEN_FUZZ_REQUIRE(count >= 3 && count <= 15);

  int events = 0;
  Instant event_time = kNoInstant;
  for (int i = 0; i < count; ++i) {
    const UserRecord& r = records[i].record;
    SYNTHGEN_FUZZ_REQUIRE(IsIdWithHex(r.record_id, "rec_"));
    SYNTHGEN_FUZZ_REQUIRE(r.sequence_number == (options.legacy ? 1 : i + 1));
    if (i > 0) SYNTHGEN_FUZZ_REQUIRE(r.transaction_time > records[i - 1].record.transaction_time);
    SYNTHGEN_FUZZ_REQUIRE(r.transaction_time <= now);
    SYNTHGEN_FUZZ_REQUIRE(r.transaction_time >= now - kHistoryReach);
    SYNTHGEN_FUZZ_REQUIRE(r.is_off_hours == IsOffHours(r.transaction_time));
    SYNTHGEN_FUZZ_REQUIRE(r.email_changed_at == kNoInstant || r.email_changed_at <= r.transaction_time);
    SYNTHGEN_FUZZ_REQUIRE(r.phone_changed_at == kNoInstant || r.phone_changed_at <= r.transaction_time);
    SYNTHGEN_FUZZ_REQUIRE(r.amount_cents >= 1);
    if (pattern == FraudPattern::kNone) {
      SYNTHGEN_FUZZ_REQUIRE(!r.is_fraud_event && r.true_fraud_type == FraudPattern::kNone);
      SYNTHGEN_FUZZ_REQUIRE(!r.is_fraudulent && r.fraud_type == FraudPattern::kNone);
      SYNTHGEN_FUZZ_REQUIRE(r.fraud_confirmed_at == kNoInstant && !r.has_days_to_fraud);
      SYNTHGEN_FUZZ_REQUIRE(r.is_pre_fraud && r.is_train_eligible);
      SYNTHGEN_FUZZ_REQUIRE(r.merchant_risk_score >= 5 && r.merchant_risk_score <= 44);
      SYNTHGEN_FUZZ_REQUIRE(r.amount_cents <= 5'000'000);
      continue;
    }
    SYNTHGEN_FUZZ_REQUIRE(r.fraud_confirmed_at == records[0].record.fraud_confirmed_at);
    SYNTHGEN_FUZZ_REQUIRE(r.is_pre_fraud == (r.transaction_time < r.fraud_confirmed_at));
    SYNTHGEN_FUZZ_REQUIRE(r.is_train_eligible == r.is_pre_fraud);
    SYNTHGEN_FUZZ_REQUIRE(r.has_days_to_fraud);
    const double days = static_cast<double>(r.fraud_confirmed_at - r.transaction_time) / kMicrosPerDay;
    SYNTHGEN_FUZZ_REQUIRE(std::fabs(r.days_to_fraud - days) <= 1e-9 * std::max(1.0, std::fabs(days)));
    if (r.is_fraud_event) {
      ++events;
      event_time = r.transaction_time;
      SYNTHGEN_FUZZ_REQUIRE(r.true_fraud_type == pattern);
      const bool confirmed = r.fraud_confirmed_at <= now;
      SYNTHGEN_FUZZ_REQUIRE(r.is_fraudulent == confirmed);
      SYNTHGEN_FUZZ_REQUIRE(r.fraud_type == (confirmed ? pattern : FraudPattern::kNone));
      SYNTHGEN_FUZZ_REQUIRE(r.fraud_confirmed_at >= r.transaction_time + kLabelDelayMin);
      SYNTHGEN_FUZZ_REQUIRE(r.fraud_confirmed_at <= r.transaction_time + kLabelDelayMax);
      SYNTHGEN_FUZZ_REQUIRE(r.is_train_eligible);
      const auto* risk = kEventRisk[static_cast<std::size_t>(pattern)];
      SYNTHGEN_FUZZ_REQUIRE(r.merchant_risk_score >= risk[0] && r.merchant_risk_score <= risk[1]);
    } else {
      SYNTHGEN_FUZZ_REQUIRE(r.true_fraud_type == FraudPattern::kNone);
      SYNTHGEN_FUZZ_REQUIRE(!r.is_fraudulent && r.fraud_type == FraudPattern::kNone);
    }
  }
  if (pattern == FraudPattern::kNone) return;
  SYNTHGEN_FUZZ_REQUIRE(events == 1);
  int after = 0;
  for (int i = 0; i < count; ++i) {
    const Instant t = records[i].record.transaction_time;
    if (t <= event_time) continue;
    ++after;
    SYNTHGEN_FUZZ_REQUIRE(t <= event_time + kAfterEventReach);
  }
  SYNTHGEN_FUZZ_REQUIRE(after <= 2);
}

// Exactly floor(world_size x fraud_rate) fraud users, the k-th in permutation order dealt patterns[k mod p]
// (generator: any generator of the options' world).
void CheckFraudSplit(const UserWorldOptions& options, const UserWorldGenerator& generator) {
  const std::int64_t world = options.EffectiveWorldSize();
  std::int64_t per_pattern[kFraudPatternCount] = {};
  std::int64_t fraud = 0;
  for (std::int64_t user = 0; user < world; ++user) {
    const FraudPattern pattern = generator.PatternOf(user);
    if (pattern == FraudPattern::kNone) continue;
    SYNTHGEN_FUZZ_REQUIRE(options.patterns.Contains(pattern));
    ++per_pattern[static_cast<std::size_t>(pattern)];
    ++fraud;
  }
  const std::int64_t expected = options.FraudUserCount();
  SYNTHGEN_FUZZ_REQUIRE(fraud == expected);
  const auto selected = static_cast<std::int64_t>(options.patterns.size());
  for (std::int64_t k = 0; k < selected; ++k) {
    const std::int64_t share = expected / selected + (k < expected % selected ? 1 : 0);
    SYNTHGEN_FUZZ_REQUIRE(
        per_pattern[static_cast<std::size_t>(options.patterns[static_cast<std::size_t>(k)])] == share);
  }
}

void CheckAcceptedOptions(const UserWorldOptions& options, std::uint8_t split_choice) {
  // The first users of the chunk, in the same world.
  UserWorldOptions chunk = options;
  chunk.world_size = options.EffectiveWorldSize();
  chunk.count = std::min(options.count, kCheckedUsers);
  SYNTHGEN_FUZZ_REQUIRE(UserWorldGenerator::ExpectedRecordsPerUser(options) >= 1.0);

  std::vector<FraudPattern> patterns;
  const std::vector<CopiedRecord> records = Generate(chunk, [&](const UserWorldGenerator& generator) {
    for (std::int64_t user = chunk.first_user; user < chunk.first_user + chunk.count; ++user) {
      patterns.push_back(generator.PatternOf(user));
    }
    if (options.EffectiveWorldSize() <= kCountedWorld) CheckFraudSplit(options, generator);
  });
  std::set<std::string> record_ids;
  std::size_t begin = 0;
  for (std::int64_t user = chunk.first_user; user < chunk.first_user + chunk.count; ++user) {
    SYNTHGEN_FUZZ_REQUIRE(begin < records.size());
    UserIdentity identity;
    MakeIdentity(chunk.seed, user, identity);
    SYNTHGEN_FUZZ_REQUIRE(IsIdWithHex(identity.user_id, "user_"));
    std::size_t end = begin;
    while (end < records.size() && std::string_view(records[end].identity.user_id) == identity.user_id) ++end;
    SYNTHGEN_FUZZ_REQUIRE(end > begin);
    const UserIdentity& got = records[begin].identity;
    SYNTHGEN_FUZZ_REQUIRE(std::string_view(got.full_name) == identity.full_name &&
                          std::string_view(got.email) == identity.email &&
                          std::string_view(got.phone) == identity.phone);
    for (std::size_t i = begin; i < end; ++i)
      SYNTHGEN_FUZZ_REQUIRE(record_ids.insert(records[i].record.record_id).second);
    CheckUser(chunk, patterns[static_cast<std::size_t>(user - chunk.first_user)], records.data() + begin,
              static_cast<int>(end - begin));
    begin = end;
  }
  SYNTHGEN_FUZZ_REQUIRE(begin == records.size());

  // Chunk invariance: [first, first + k) then [first + k, first + count) give the same rows.
  if (chunk.count >= 2) {
    const auto [head, tail] = SplitChunk(chunk, split_choice);
    std::vector<CopiedRecord> parts = Generate(head);
    const std::vector<CopiedRecord> rest = Generate(tail);
    parts.insert(parts.end(), rest.begin(), rest.end());
    SYNTHGEN_FUZZ_REQUIRE(parts.size() == records.size());
    for (std::size_t i = 0; i < parts.size(); ++i) SYNTHGEN_FUZZ_REQUIRE(parts[i].text == records[i].text);
  }
}

}  // namespace
}  // namespace synthgen::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  for (std::size_t i = 0; i < synthgen::kFraudPatternCount; ++i) {
    synthgen::fuzz::kPatternNames[i] = synthgen::FraudPatternName(static_cast<synthgen::FraudPattern>(i));
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace synthgen;
  using namespace synthgen::fuzz;
  FuzzInput input(data, size);
  UserWorldOptions options;
  options.count = input.Bigint(10);
  options.fraud_rate = input.Float8(0.05);
  options.seed = static_cast<std::uint64_t>(input.Bigint(42));
  const TimestampArgument simulation_date = input.Timestamptz(kDefaultSimulationDate);
  if (simulation_date.refused()) return 0;
  options.simulation_date = simulation_date.instant;
  options.legacy = input.Boolean(false);
  if (!ReadPatterns(input, options.patterns)) return 0;
  options.first_user = input.Bigint(0);
  options.world_size = input.NullableBigint(SaturatingAdd(options.first_user, options.count));
  const std::uint8_t split_choice = input.Byte();
  return RunCall(kParameters, [&] {
    options.Validate();
    CheckAcceptedOptions(options, split_choice);
  });
}
