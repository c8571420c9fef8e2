// Tests UserWorldGenerator end to end: determinism, chunks, fraud mix, timelines, windows and labels.
#include "core/user_world_generator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/identity.hpp"
#include "core/label_delay.hpp"

namespace synthgen {
namespace {

// -----------------------------------------------------------------------------------------------------------
// Helpers

// Calls visit(user_index, records, count) once per user, in generation order, while the batch is alive. A
// user's records are the contiguous run that shares one identity pointer. Returns the number of users seen.
using UserVisitor = std::function<void(std::int64_t user, const UserRecord* records, int count)>;

std::int64_t ForEachUser(const UserWorldOptions& options, const UserVisitor& visit) {
  UserWorldGenerator generator(options);
  std::int64_t user = options.first_user;
  for (std::size_t n; (n = generator.NextBatch()) > 0;) {
    const UserRecord* records = generator.records();
    std::size_t begin = 0;
    while (begin < n) {
      std::size_t end = begin + 1;
      while (end < n && records[end].identity == records[begin].identity) ++end;
      visit(user++, records + begin, static_cast<int>(end - begin));
      begin = end;
    }
  }
  return user - options.first_user;
}

// A record copied out of its batch, with its user's identity strings by value.
struct PlainRecord {
  std::int64_t user = 0;
  std::string user_id;
  std::string full_name;
  std::string email;
  std::string phone;
  UserRecord record{};  // identity cleared: it points into a batch that no longer exists
};

// Runs a generator to completion and copies every record.
std::vector<PlainRecord> Generate(const UserWorldOptions& options) {
  std::vector<PlainRecord> out;
  ForEachUser(options, [&](std::int64_t user, const UserRecord* records, int count) {
    for (int i = 0; i < count; ++i) {
      PlainRecord plain;
      plain.user = user;
      plain.user_id = records[i].identity->user_id;
      plain.full_name = records[i].identity->full_name;
      plain.email = records[i].identity->email;
      plain.phone = records[i].identity->phone;
      plain.record = records[i];
      plain.record.identity = nullptr;
      out.push_back(plain);
    }
  });
  return out;
}

template <typename T>
bool SameBytes(const T& a, const T& b) {
  return std::memcmp(&a, &b, sizeof(T)) == 0;
}

// Every field of UserRecord is compared below; a new field must be added there too.
static_assert(sizeof(UserRecord) == 184, "UserRecord changed: update FirstDifference");

// The name of the first field in which two records differ ("" when identical); doubles compare bitwise.
std::string FirstDifference(const PlainRecord& a, const PlainRecord& b) {
#define SYNTHGEN_COMPARE_FIELD(field) \
  if (!SameBytes(a.record.field, b.record.field)) return #field
  if (a.user != b.user) return "user";
  if (a.user_id != b.user_id) return "user_id";
  if (a.full_name != b.full_name) return "full_name";
  if (a.email != b.email) return "email";
  if (a.phone != b.phone) return "phone";
  if (std::strcmp(a.record.record_id, b.record.record_id) != 0) return "record_id";
  SYNTHGEN_COMPARE_FIELD(transaction_time);
  SYNTHGEN_COMPARE_FIELD(is_off_hours);
  SYNTHGEN_COMPARE_FIELD(available_balance_cents);
  SYNTHGEN_COMPARE_FIELD(balance_to_transaction_ratio);
  SYNTHGEN_COMPARE_FIELD(avg_available_balance_30d_cents);
  SYNTHGEN_COMPARE_FIELD(balance_volatility_z_score);
  SYNTHGEN_COMPARE_FIELD(bank_connections_24h);
  SYNTHGEN_COMPARE_FIELD(bank_connections_7d);
  SYNTHGEN_COMPARE_FIELD(bank_connections_avg_30d);
  SYNTHGEN_COMPARE_FIELD(amount_cents);
  SYNTHGEN_COMPARE_FIELD(amount_to_avg_ratio);
  SYNTHGEN_COMPARE_FIELD(merchant_risk_score);
  SYNTHGEN_COMPARE_FIELD(is_returned);
  SYNTHGEN_COMPARE_FIELD(email_changed_at);
  SYNTHGEN_COMPARE_FIELD(phone_changed_at);
  SYNTHGEN_COMPARE_FIELD(is_fraudulent);
  SYNTHGEN_COMPARE_FIELD(fraud_type);
  SYNTHGEN_COMPARE_FIELD(new_bank_connections);
  SYNTHGEN_COMPARE_FIELD(sequence_number);
  SYNTHGEN_COMPARE_FIELD(fraud_confirmed_at);
  SYNTHGEN_COMPARE_FIELD(is_pre_fraud);
  SYNTHGEN_COMPARE_FIELD(has_days_to_fraud);
  SYNTHGEN_COMPARE_FIELD(days_to_fraud);
  SYNTHGEN_COMPARE_FIELD(is_train_eligible);
  SYNTHGEN_COMPARE_FIELD(is_fraud_event);
  SYNTHGEN_COMPARE_FIELD(true_fraud_type);
#undef SYNTHGEN_COMPARE_FIELD
  return "";
}

// Expects two record lists to be identical, record for record; reports the first few differences.
void ExpectSameRecords(const std::vector<PlainRecord>& expected, const std::vector<PlainRecord>& actual) {
  ASSERT_EQ(expected.size(), actual.size());
  int reported = 0;
  for (std::size_t i = 0; i < expected.size() && reported < 5; ++i) {
    const std::string field = FirstDifference(expected[i], actual[i]);
    if (!field.empty()) {
      ADD_FAILURE() << "record " << i << " (user " << expected[i].user << ", sequence "
                    << expected[i].record.sequence_number << ") differs in " << field;
      ++reported;
    }
  }
}

// "YYYY-MM-DD hh:mm:ss" in UTC (Howard Hinnant's civil_from_days), for readable failure messages.
std::string FormatInstant(Instant t) {
  if (t == kNoInstant) return "NULL";
  std::int64_t days = t / kMicrosPerDay;
  std::int64_t micros = t % kMicrosPerDay;
  if (micros < 0) {
    micros += kMicrosPerDay;
    --days;
  }
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t mp = (5 * day_of_year + 2) / 153;
  const std::int64_t day = day_of_year - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = year_of_era + era * 400 + (month <= 2);
  const std::int64_t seconds = micros / kMicrosPerSecond;
  char text[64];
  std::snprintf(text, sizeof text, "%04lld-%02lld-%02lld %02lld:%02lld:%02lld", static_cast<long long>(year),
                static_cast<long long>(month), static_cast<long long>(day),
                static_cast<long long>(seconds / 3600), static_cast<long long>(seconds / 60 % 60),
                static_cast<long long>(seconds % 60));
  return text;
}

std::string Describe(const UserRecord& r) {
  char text[512];
  std::snprintf(
      text, sizeof text,
      "seq %d at %s: amount %lld, balance %lld, avg30 %lld, z %.4f, ratio %.4f, conn new/24h/7d %d/%d/%d, "
      "returned %d, event %d",
      r.sequence_number, FormatInstant(r.transaction_time).c_str(), static_cast<long long>(r.amount_cents),
      static_cast<long long>(r.available_balance_cents),
      static_cast<long long>(r.avg_available_balance_30d_cents), r.balance_volatility_z_score,
      r.amount_to_avg_ratio, r.new_bank_connections, r.bank_connections_24h, r.bank_connections_7d,
      r.is_returned ? 1 : 0, r.is_fraud_event ? 1 : 0);
  return text;
}

// Collects property violations over many users and reports the count plus the first few examples.
class Violations {
 public:
  void Add(std::int64_t user, const std::string& what) {
    if (count_++ < 5) examples_ += "\n  user " + std::to_string(user) + ": " + what;
  }
  int count() const { return count_; }
  std::string Summary() const { return std::to_string(count_) + " violation(s), first:" + examples_; }

 private:
  int count_ = 0;
  std::string examples_;
};

// Off-hours recomputed from the UTC clock time: [22:00, 06:00).
bool UtcOffHours(Instant t) {
  Instant micros_of_day = t % kMicrosPerDay;
  if (micros_of_day < 0) micros_of_day += kMicrosPerDay;
  const Instant hour = micros_of_day / kMicrosPerHour;
  return hour >= 22 || hour < 6;
}

UserWorldOptions WorldOptions(std::int64_t users, std::uint64_t seed, double fraud_rate) {
  UserWorldOptions options;
  options.count = users;
  options.seed = seed;
  options.fraud_rate = fraud_rate;
  return options;
}

UserWorldOptions SinglePatternWorld(FraudPattern pattern, std::int64_t users, std::uint64_t seed) {
  UserWorldOptions options = WorldOptions(users, seed, 1.0);
  options.patterns = PatternSelection();
  options.patterns.Add(pattern);
  return options;
}

// The index of the user's fraud event, or -1.
int FraudEventIndex(const UserRecord* records, int count) {
  for (int i = 0; i < count; ++i) {
    if (records[i].is_fraud_event) return i;
  }
  return -1;
}

// -----------------------------------------------------------------------------------------------------------
// Determinism and chunking

TEST(UserWorldGeneratorTest, SameOptionsGiveIdenticalRecords) {
  const UserWorldOptions options = WorldOptions(3000, 2024, 0.1);
  const std::vector<PlainRecord> first = Generate(options);
  const std::vector<PlainRecord> second = Generate(options);
  ASSERT_GT(first.size(), 3000u);
  ExpectSameRecords(first, second);
}

TEST(UserWorldGeneratorTest, DifferentSeedsGiveDifferentWorlds) {
  const std::vector<PlainRecord> a = Generate(WorldOptions(200, 1, 0.1));
  const std::vector<PlainRecord> b = Generate(WorldOptions(200, 2, 0.1));
  int same_user_ids = 0;
  int same_times = 0;
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    if (a[i].user_id == b[i].user_id) ++same_user_ids;
    if (a[i].record.transaction_time == b[i].record.transaction_time) ++same_times;
  }
  EXPECT_EQ(same_user_ids, 0);
  EXPECT_LT(same_times, 5);
}

TEST(UserWorldGeneratorTest, ChunksConcatenateToTheWholeWorld) {
  constexpr std::int64_t kWorld = 3000;
  const UserWorldOptions whole_options = WorldOptions(kWorld, 77, 0.1);
  const std::vector<PlainRecord> whole = Generate(whole_options);

  std::vector<PlainRecord> chunked;
  const std::int64_t bounds[] = {0, 1000, 1700, kWorld};
  for (int c = 0; c < 3; ++c) {
    UserWorldOptions options = whole_options;
    options.first_user = bounds[c];
    options.count = bounds[c + 1] - bounds[c];
    options.world_size = kWorld;
    const std::vector<PlainRecord> chunk = Generate(options);
    ASSERT_FALSE(chunk.empty());
    EXPECT_EQ(chunk.front().user, bounds[c]);
    EXPECT_EQ(chunk.back().user, bounds[c + 1] - 1);
    chunked.insert(chunked.end(), chunk.begin(), chunk.end());
  }
  ExpectSameRecords(whole, chunked);
}

TEST(UserWorldGeneratorTest, SingleUserRegeneratedAloneEqualsItsSlice) {
  constexpr std::int64_t kWorld = 3000;
  const UserWorldOptions whole_options = WorldOptions(kWorld, 77, 0.1);
  const std::vector<PlainRecord> whole = Generate(whole_options);
  const UserWorldGenerator oracle(whole_options);

  std::vector<std::int64_t> users = {0, 1, 1234, kWorld - 1};
  for (std::int64_t user = 0, fraud = 0; user < kWorld && fraud < 5; ++user) {
    if (oracle.PatternOf(user) != FraudPattern::kNone) {
      users.push_back(user);
      ++fraud;
    }
  }
  for (std::int64_t user : users) {
    SCOPED_TRACE("user " + std::to_string(user));
    std::vector<PlainRecord> slice;
    for (const PlainRecord& record : whole) {
      if (record.user == user) slice.push_back(record);
    }
    UserWorldOptions options = whole_options;
    options.first_user = user;
    options.count = 1;
    options.world_size = kWorld;
    ExpectSameRecords(slice, Generate(options));
  }
}

TEST(UserWorldGeneratorTest, UsersComeOutInIndexOrderWithTheirOwnIdentity) {
  UserWorldOptions options = WorldOptions(700, 5, 0.2);
  options.first_user = 300;
  options.world_size = 5000;
  Violations violations;
  const std::int64_t users =
      ForEachUser(options, [&](std::int64_t user, const UserRecord* records, int /*count*/) {
        UserIdentity expected;
        MakeIdentity(options.seed, user, expected);
        const UserIdentity& actual = *records[0].identity;
        if (std::strcmp(actual.user_id, expected.user_id) != 0 ||
            std::strcmp(actual.email, expected.email) != 0 ||
            std::strcmp(actual.full_name, expected.full_name) != 0 ||
            std::strcmp(actual.phone, expected.phone) != 0) {
          violations.Add(user, std::string("identity ") + actual.user_id + " expected " + expected.user_id);
        }
        if (records[0].sequence_number != 1) violations.Add(user, "first record " + Describe(records[0]));
      });
  EXPECT_EQ(users, 700);
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
}

TEST(UserWorldGeneratorTest, EmptyChunkYieldsNothing) {
  UserWorldOptions options = WorldOptions(0, 1, 0.05);
  UserWorldGenerator generator(options);
  EXPECT_EQ(generator.NextBatch(), 0u);
  EXPECT_EQ(generator.NextBatch(), 0u);

  options.first_user = 10;
  options.world_size = 100;
  UserWorldGenerator chunk(options);
  EXPECT_EQ(chunk.NextBatch(), 0u);
}

TEST(UserWorldGeneratorTest, BatchesAreBoundedAndHoldWholeUsers) {
  for (bool legacy : {false, true}) {
    SCOPED_TRACE(legacy ? "legacy" : "full");
    UserWorldOptions options = WorldOptions(20000, 3, 0.3);
    options.legacy = legacy;
    UserWorldGenerator generator(options);
    std::size_t total = 0;
    std::size_t batches = 0;
    std::string previous_last_user;
    for (std::size_t n; (n = generator.NextBatch()) > 0;) {
      ++batches;
      ASSERT_LE(n, UserWorldGenerator::kBatchRecords);
      const UserRecord* records = generator.records();
      EXPECT_EQ(records[0].sequence_number, 1) << "batch " << batches << " starts inside a user";
      EXPECT_NE(previous_last_user, records[0].identity->user_id) << "a user spans batches " << batches;
      previous_last_user = records[n - 1].identity->user_id;
      total += n;
    }
    EXPECT_EQ(generator.NextBatch(), 0u);
    EXPECT_GT(batches, 1u);
    if (legacy) EXPECT_EQ(total, 20000u);
    if (!legacy) EXPECT_GT(total, 20000u * 5);
  }
}

// These values define synthgen's output for seed 42 (world of 1,000 users, default options): they must only
// change with a deliberate, documented change of the output format.
TEST(UserWorldGeneratorTest, GoldenValuesForSeed42) {
  const std::vector<PlainRecord> records = Generate(WorldOptions(1000, 42, 0.05));
  EXPECT_EQ(records.size(), 9633u);
  ASSERT_FALSE(records.empty());
  const auto first_user_records =
      std::count_if(records.begin(), records.end(), [](const PlainRecord& r) { return r.user == 0; });
  EXPECT_EQ(first_user_records, 7);
  EXPECT_EQ(records[0].user, 0);
  EXPECT_EQ(records[0].user_id, "user_54e97d43f4b4");
  EXPECT_STREQ(records[0].record.record_id, "rec_b14e556bfd91");
  EXPECT_EQ(records[0].record.transaction_time, 1'761'632'352'000'000LL);  // 2025-10-28 06:19:12 UTC
  EXPECT_EQ(records[0].record.amount_cents, 16838);
}

// -----------------------------------------------------------------------------------------------------------
// Fraud assignment

// Users with a fraud event per pattern, checking PatternOf and the event count of every user on the way.
std::map<FraudPattern, int> FraudUsersByPattern(const UserWorldOptions& options, Violations& violations) {
  const UserWorldGenerator oracle(options);
  std::map<FraudPattern, int> by_pattern;
  ForEachUser(options, [&](std::int64_t user, const UserRecord* records, int count) {
    int events = 0;
    FraudPattern event_type = FraudPattern::kNone;
    for (int i = 0; i < count; ++i) {
      if (records[i].is_fraud_event) {
        ++events;
        event_type = records[i].true_fraud_type;
      } else if (records[i].true_fraud_type != FraudPattern::kNone) {
        violations.Add(user, "true_fraud_type set off the event: " + Describe(records[i]));
      }
    }
    const FraudPattern assigned = oracle.PatternOf(user);
    if (assigned == FraudPattern::kNone) {
      if (events != 0) {
        violations.Add(user, "legitimate user with " + std::to_string(events) + " fraud events");
      }
    } else {
      if (events != 1) violations.Add(user, "fraud user with " + std::to_string(events) + " fraud events");
      if (event_type != assigned) {
        violations.Add(user, "true_fraud_type " + std::string(FraudPatternName(event_type)) +
                                 " but PatternOf " + std::string(FraudPatternName(assigned)));
      }
    }
    if (events == 1) ++by_pattern[event_type];
  });
  return by_pattern;
}

TEST(UserWorldGeneratorTest, FivePercentOfTenThousandIsExactly500Fraud100PerPattern) {
  Violations violations;
  const std::map<FraudPattern, int> by_pattern =
      FraudUsersByPattern(WorldOptions(10000, 11, 0.05), violations);
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
  int total = 0;
  for (std::size_t i = 0; i < kFraudPatternCount; ++i) {
    const auto pattern = static_cast<FraudPattern>(i);
    const auto found = by_pattern.find(pattern);
    EXPECT_EQ(found == by_pattern.end() ? 0 : found->second, 100) << FraudPatternName(pattern);
    if (found != by_pattern.end()) total += found->second;
  }
  EXPECT_EQ(total, 500);
}

TEST(UserWorldGeneratorTest, FirstSelectedPatternGetsTheExtraFraudUser) {
  for (bool ato_first : {true, false}) {
    UserWorldOptions options = WorldOptions(10000, 12, 0.0333);
    options.patterns = PatternSelection();
    options.patterns.Add(ato_first ? FraudPattern::kAto : FraudPattern::kBustOut);
    options.patterns.Add(ato_first ? FraudPattern::kBustOut : FraudPattern::kAto);
    Violations violations;
    std::map<FraudPattern, int> by_pattern = FraudUsersByPattern(options, violations);
    EXPECT_EQ(violations.count(), 0) << violations.Summary();
    EXPECT_EQ(by_pattern.size(), 2u);
    EXPECT_EQ(by_pattern[FraudPattern::kAto], ato_first ? 167 : 166);
    EXPECT_EQ(by_pattern[FraudPattern::kBustOut], ato_first ? 166 : 167);
  }
}

TEST(UserWorldGeneratorTest, FraudUsersOfAChunkFollowTheWorldNotTheChunk) {
  // A chunk of 1,000 users of a 10,000-user world at 5% holds about 50 fraud users (not floor(1000 * 5%)
  // placed at the chunk's start), the same ones PatternOf of the whole world names.
  UserWorldOptions whole = WorldOptions(10000, 13, 0.05);
  const UserWorldGenerator world(whole);
  UserWorldOptions chunk = whole;
  chunk.first_user = 4000;
  chunk.count = 1000;
  chunk.world_size = 10000;
  int fraud = 0;
  Violations violations;
  ForEachUser(chunk, [&](std::int64_t user, const UserRecord* records, int count) {
    const bool has_event = FraudEventIndex(records, count) >= 0;
    if (has_event != (world.PatternOf(user) != FraudPattern::kNone)) violations.Add(user, "fraud mismatch");
    fraud += has_event;
  });
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
  EXPECT_GT(fraud, 20);
  EXPECT_LT(fraud, 85);
}

TEST(UserWorldGeneratorTest, SwitchingPatternsLeavesLegitimateUsersIdentical) {
  const UserWorldOptions all = WorldOptions(5000, 21, 0.2);
  UserWorldOptions ato_only = all;
  ato_only.patterns = PatternSelection();
  ato_only.patterns.Add(FraudPattern::kAto);
  const UserWorldGenerator oracle(all);

  auto legitimate = [&](const std::vector<PlainRecord>& records) {
    std::vector<PlainRecord> out;
    for (const PlainRecord& record : records) {
      if (oracle.PatternOf(record.user) == FraudPattern::kNone) out.push_back(record);
    }
    return out;
  };
  const std::vector<PlainRecord> from_all = legitimate(Generate(all));
  const std::vector<PlainRecord> from_ato = legitimate(Generate(ato_only));
  ASSERT_GT(from_all.size(), 4000u * 3);
  ExpectSameRecords(from_all, from_ato);
}

TEST(UserWorldGeneratorTest, LegacyModeKeepsOneRecordPerUser) {
  const UserWorldOptions full_options = WorldOptions(5000, 31, 0.1);
  UserWorldOptions legacy_options = full_options;
  legacy_options.legacy = true;
  const std::vector<PlainRecord> full = Generate(full_options);
  const std::vector<PlainRecord> legacy = Generate(legacy_options);
  ASSERT_EQ(legacy.size(), 5000u);

  // Group the full run by user.
  std::vector<std::vector<PlainRecord>> by_user(5000);
  for (const PlainRecord& record : full) by_user[static_cast<std::size_t>(record.user)].push_back(record);

  const UserWorldGenerator oracle(full_options);
  int fraud_users = 0;
  Violations violations;
  for (std::size_t i = 0; i < legacy.size(); ++i) {
    const PlainRecord& kept = legacy[i];
    if (kept.user != static_cast<std::int64_t>(i)) violations.Add(kept.user, "out of order");
    if (kept.record.sequence_number != 1) violations.Add(kept.user, "sequence " + Describe(kept.record));
    const std::vector<PlainRecord>& history = by_user[i];
    const bool fraud = oracle.PatternOf(kept.user) != FraudPattern::kNone;
    fraud_users += fraud;
    if (fraud != kept.record.is_fraud_event) violations.Add(kept.user, "kept " + Describe(kept.record));
    // The kept record is the fraud event of a fraud user, the latest record of a legitimate one, unchanged
    // but for its sequence number.
    PlainRecord expected = history.back();
    for (const PlainRecord& record : history) {
      if (record.record.is_fraud_event) expected = record;
    }
    expected.record.sequence_number = 1;
    const std::string field = FirstDifference(expected, kept);
    if (!field.empty()) violations.Add(kept.user, "differs from the full history in " + field);
  }
  EXPECT_EQ(fraud_users, 500);
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
}

TEST(UserWorldGeneratorTest, ExpectedRecordsPerUserMatchesTheGeneratedMean) {
  std::vector<UserWorldOptions> worlds = {WorldOptions(20000, 41, 0.0)};
  for (std::size_t i = 0; i < kFraudPatternCount; ++i) {
    worlds.push_back(SinglePatternWorld(static_cast<FraudPattern>(i), 20000, 41));
  }
  worlds.push_back(WorldOptions(20000, 41, 0.05));
  for (const UserWorldOptions& options : worlds) {
    std::int64_t records = 0;
    const std::int64_t users =
        ForEachUser(options, [&](std::int64_t, const UserRecord*, int count) { records += count; });
    const double mean = static_cast<double>(records) / static_cast<double>(users);
    const double expected = UserWorldGenerator::ExpectedRecordsPerUser(options);
    EXPECT_NEAR(mean, expected, 0.03 * expected)
        << "fraud_rate " << options.fraud_rate << ", first pattern " << FraudPatternName(options.patterns[0]);
  }
  UserWorldOptions legacy = WorldOptions(100, 1, 0.05);
  legacy.legacy = true;
  EXPECT_EQ(UserWorldGenerator::ExpectedRecordsPerUser(legacy), 1.0);
}

// -----------------------------------------------------------------------------------------------------------
// Per-user invariants

// A world with every pattern well represented.
UserWorldOptions MixedWorld() { return WorldOptions(20000, 99, 0.25); }

TEST(UserWorldGeneratorTest, TimelinesAreOrderedNumberedAndBeforeTheSimulationDate) {
  const UserWorldOptions options = MixedWorld();
  Violations violations;
  std::vector<std::string> record_ids;
  ForEachUser(options, [&](std::int64_t user, const UserRecord* records, int count) {
    if (count < 1 || count > kMaxRecordsPerUser) violations.Add(user, std::to_string(count) + " records");
    for (int i = 0; i < count; ++i) {
      const UserRecord& r = records[i];
      record_ids.emplace_back(r.record_id);
      if (r.sequence_number != i + 1) {
        violations.Add(user, "sequence_number at " + std::to_string(i) + ": " + Describe(r));
      }
      if (i > 0 && r.transaction_time <= records[i - 1].transaction_time) {
        violations.Add(user, "time does not increase: " + Describe(records[i - 1]) + " then " + Describe(r));
      }
      if (r.transaction_time > options.simulation_date) {
        violations.Add(user, "after the date: " + Describe(r));
      }
      if (r.transaction_time < options.simulation_date - 180 * kMicrosPerDay) {
        violations.Add(user, "more than 180 days back: " + Describe(r));
      }
      if (r.transaction_time % kMicrosPerSecond != 0) {
        violations.Add(user, "fractional second: " + Describe(r));
      }
      if (r.is_off_hours != UtcOffHours(r.transaction_time)) {
        violations.Add(user, "is_off_hours: " + Describe(r));
      }
      if (r.amount_cents <= 0) violations.Add(user, "non-positive amount: " + Describe(r));
      if (r.new_bank_connections < 0) violations.Add(user, "negative connections: " + Describe(r));
      if (r.merchant_risk_score < 0 || r.merchant_risk_score > 100) {
        violations.Add(user, "merchant_risk_score " + std::to_string(r.merchant_risk_score));
      }
      if (r.is_returned && !(r.is_fraud_event && r.true_fraud_type == FraudPattern::kLiquidityCrunch)) {
        violations.Add(user, "returned without a liquidity crunch: " + Describe(r));
      }
    }
  });
  EXPECT_EQ(violations.count(), 0) << violations.Summary();

  // Record ids are well-formed and unique over the world.
  for (const std::string& id : record_ids) {
    ASSERT_EQ(id.size(), 16u) << id;
    ASSERT_EQ(id.compare(0, 4, "rec_"), 0) << id;
    ASSERT_EQ(id.find_first_not_of("0123456789abcdef", 4), std::string::npos) << id;
  }
  std::sort(record_ids.begin(), record_ids.end());
  EXPECT_EQ(std::adjacent_find(record_ids.begin(), record_ids.end()), record_ids.end());
}

TEST(UserWorldGeneratorTest, ContactChangesAreStickyAndOnlyForAccountTakeovers) {
  const UserWorldOptions options = MixedWorld();
  const UserWorldGenerator oracle(options);
  Violations violations;
  int changed_users = 0;
  ForEachUser(options, [&](std::int64_t user, const UserRecord* records, int count) {
    const FraudPattern pattern = oracle.PatternOf(user);
    const bool takeover = pattern == FraudPattern::kAto || pattern == FraudPattern::kSleeperAto;
    bool changed = false;
    for (int i = 0; i < count; ++i) {
      const UserRecord& r = records[i];
      for (Instant changed_at : {r.email_changed_at, r.phone_changed_at}) {
        if (changed_at == kNoInstant) continue;
        changed = true;
        if (!takeover) violations.Add(user, "contact change without a takeover: " + Describe(r));
        if (changed_at > r.transaction_time) violations.Add(user, "change after the record: " + Describe(r));
      }
      if (i > 0) {
        const UserRecord& p = records[i - 1];
        if ((p.email_changed_at != kNoInstant && r.email_changed_at != p.email_changed_at) ||
            (p.phone_changed_at != kNoInstant && r.phone_changed_at != p.phone_changed_at)) {
          violations.Add(user, "a change was forgotten: " + Describe(r));
        }
      }
    }
    changed_users += changed;
  });
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
  EXPECT_GT(changed_users, 1000);
}

// Recomputes every windowed field of every record of the world from the user's own records. Counts, in
// boundary_hits, the records that lie exactly on the edge of another record's window (which the window
// includes).
Violations CheckWindowedFields(const UserWorldOptions& options, int* boundary_hits) {
  Violations violations;
  *boundary_hits = 0;
  ForEachUser(options, [&](std::int64_t user, const UserRecord* records, int count) {
    for (int i = 0; i < count; ++i) {
      const UserRecord& r = records[i];
      const Instant t = r.transaction_time;
      // Trailing windows: records with time >= t - W, up to and including this one.
      std::vector<int> window_30d;
      std::int64_t connections_24h = 0;
      std::int64_t connections_7d = 0;
      std::int64_t connections_30d = 0;
      for (int j = 0; j <= i; ++j) {
        const Instant tj = records[j].transaction_time;
        if (tj >= t - 30 * kMicrosPerDay) {
          window_30d.push_back(j);
          connections_30d += records[j].new_bank_connections;
        }
        if (tj >= t - 7 * kMicrosPerDay) connections_7d += records[j].new_bank_connections;
        if (tj >= t - kMicrosPerDay) connections_24h += records[j].new_bank_connections;
        if (tj == t - 30 * kMicrosPerDay || tj == t - 7 * kMicrosPerDay || tj == t - kMicrosPerDay) {
          ++*boundary_hits;
        }
      }
      const auto n = static_cast<long double>(window_30d.size());
      long double balance_sum = 0;
      for (int j : window_30d) balance_sum += records[j].available_balance_cents;
      const long double mean = balance_sum / n;
      const long long expected_avg = std::llroundl(mean);  // halves away from zero
      if (r.avg_available_balance_30d_cents != expected_avg) {
        violations.Add(user, "avg balance expected " + std::to_string(expected_avg) + ": " + Describe(r));
      }

      long double squares = 0;
      for (int j : window_30d) {
        const long double d = records[j].available_balance_cents - mean;
        squares += d * d;
      }
      double expected_z = 0.0;
      if (window_30d.size() >= 2 && squares > 0) {
        const long double stddev = std::sqrt(squares / (n - 1));
        expected_z = static_cast<double>((r.available_balance_cents - mean) / stddev);
      }
      if (!(std::fabs(r.balance_volatility_z_score - expected_z) <= 1e-9)) {
        violations.Add(user, "z expected " + std::to_string(expected_z) + ": " + Describe(r));
      }

      // Mean amount of the other records of the 30-day window.
      long double other_amounts = 0;
      int others = 0;
      for (int j : window_30d) {
        if (j == i) continue;
        other_amounts += records[j].amount_cents;
        ++others;
      }
      if (others == 0) {
        if (r.amount_to_avg_ratio != 1.0) violations.Add(user, "ratio without history: " + Describe(r));
      } else {
        const double expected_ratio = static_cast<double>(r.amount_cents / (other_amounts / others));
        if (!(std::fabs(r.amount_to_avg_ratio - expected_ratio) <= 1e-9 * expected_ratio)) {
          violations.Add(user, "ratio expected " + std::to_string(expected_ratio) + ": " + Describe(r));
        }
      }

      if (r.bank_connections_24h != connections_24h) {
        violations.Add(user,
                       "24h connections expected " + std::to_string(connections_24h) + ": " + Describe(r));
      }
      if (r.bank_connections_7d != connections_7d) {
        violations.Add(user,
                       "7d connections expected " + std::to_string(connections_7d) + ": " + Describe(r));
      }
      if (r.bank_connections_avg_30d != static_cast<double>(connections_30d) / 30.0) {
        violations.Add(user, "30d connection average: " + Describe(r));
      }
      const double expected_balance_ratio =
          static_cast<double>(r.available_balance_cents) / static_cast<double>(r.amount_cents);
      if (r.balance_to_transaction_ratio != expected_balance_ratio) {
        violations.Add(user, "balance_to_transaction_ratio: " + Describe(r));
      }
    }
  });
  return violations;
}

TEST(UserWorldGeneratorTest, WindowedFieldsMatchTheUsersOwnRecords) {
  int boundary_hits = 0;
  const Violations violations = CheckWindowedFields(MixedWorld(), &boundary_hits);
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
}

TEST(UserWorldGeneratorTest, WindowsIncludeARecordExactlyOnTheirEdge) {
  // Bust-out histories are dense (20-50 records in 45 days), so some records lie exactly 24 h, 7 days or 30
  // days apart; "RANGE BETWEEN <w> PRECEDING" includes them.
  int boundary_hits = 0;
  const Violations violations =
      CheckWindowedFields(SinglePatternWorld(FraudPattern::kBustOut, 20000, 5150), &boundary_hits);
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
  EXPECT_GT(boundary_hits, 0) << "no record lies on a window edge: this test checks nothing";
}

TEST(UserWorldGeneratorTest, BalancesEvolveFromSpendingAndIncome) {
  // Between two records only income is added: what the balance rose by, once the earlier record's debit is
  // counted back, is never negative. A returned debit is not spent.
  const UserWorldOptions options = MixedWorld();
  Violations violations;
  ForEachUser(options, [&](std::int64_t user, const UserRecord* records, int count) {
    for (int i = 1; i < count; ++i) {
      const UserRecord& p = records[i - 1];
      const UserRecord& r = records[i];
      const std::int64_t income =
          r.available_balance_cents - p.available_balance_cents + (p.is_returned ? 0 : p.amount_cents);
      if (income < 0) {
        violations.Add(
            user, "income " + std::to_string(income) + " between " + Describe(p) + " and " + Describe(r));
      }
    }
  });
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
}

TEST(UserWorldGeneratorTest, IncomeArrivesInWholeFortnightlyPaychecks) {
  // Income between records is a whole number of equal paychecks, at most one per 14 days (plus one).
  const UserWorldOptions options = MixedWorld();
  Violations violations;
  int users_with_income = 0;
  ForEachUser(options, [&](std::int64_t user, const UserRecord* records, int count) {
    std::vector<std::int64_t> incomes(static_cast<std::size_t>(count), 0);
    std::int64_t paycheck = 0;  // gcd of all income steps: a multiple of the pay
    for (int i = 1; i < count; ++i) {
      const UserRecord& p = records[i - 1];
      incomes[i] = records[i].available_balance_cents - p.available_balance_cents +
                   (p.is_returned ? 0 : p.amount_cents);
      paycheck = std::gcd(paycheck, incomes[i]);
    }
    if (paycheck <= 0) return;
    ++users_with_income;
    for (int i = 1; i < count; ++i) {
      const Instant gap = records[i].transaction_time - records[i - 1].transaction_time;
      if (incomes[i] / paycheck > gap / (14 * kMicrosPerDay) + 1) {
        violations.Add(user, std::to_string(incomes[i] / paycheck) + " paychecks of " +
                                 std::to_string(paycheck) + " before " + Describe(records[i]));
      }
    }
  });
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
  EXPECT_GT(users_with_income, 15000);
}

TEST(UserWorldGeneratorTest, HonoursAnySimulationDate) {
  // A simulation date before 1970 and off midnight, and the latest allowed one.
  const Instant dates[] = {-616'896'000LL * kMicrosPerSecond + 13 * kMicrosPerHour + 17 * kMicrosPerMinute +
                               5 * kMicrosPerSecond,  // 1950-06-15 13:17:05 UTC
                           kMaxSimulationDate};
  for (Instant date : dates) {
    SCOPED_TRACE("simulation date " + FormatInstant(date));
    UserWorldOptions options = WorldOptions(3000, 8, 0.3);
    options.simulation_date = date;
    Violations violations;
    int fraud_events = 0;
    ForEachUser(options, [&](std::int64_t user, const UserRecord* records, int count) {
      for (int i = 0; i < count; ++i) {
        const UserRecord& r = records[i];
        if (r.transaction_time > date || r.transaction_time < date - 180 * kMicrosPerDay) {
          violations.Add(user, "outside the history: " + Describe(r));
        }
        if (i > 0 && r.transaction_time <= records[i - 1].transaction_time) violations.Add(user, "order");
        if (r.is_off_hours != UtcOffHours(r.transaction_time)) {
          violations.Add(user, "is_off_hours: " + Describe(r));
        }
        if (r.is_fraudulent != (r.is_fraud_event && r.fraud_confirmed_at <= date)) {
          violations.Add(user, "label: " + Describe(r));
        }
        fraud_events += r.is_fraud_event;
      }
    });
    EXPECT_EQ(violations.count(), 0) << violations.Summary();
    EXPECT_EQ(fraud_events, 900);
  }
}

// -----------------------------------------------------------------------------------------------------------
// Pattern indicators on the fraud event (20,000 fraud users of one pattern each)

constexpr std::int64_t kPatternUsers = 20000;

// Calls check(user, records, count, event) for every user of a one-pattern world with fraud_rate 1.
void ForEachFraudUser(FraudPattern pattern, Violations& violations,
                      const std::function<void(std::int64_t, const UserRecord*, int, int)>& check) {
  const std::int64_t users = ForEachUser(SinglePatternWorld(pattern, kPatternUsers, 4242),
                                         [&](std::int64_t user, const UserRecord* records, int count) {
                                           const int event = FraudEventIndex(records, count);
                                           if (event < 0) {
                                             violations.Add(user, "no fraud event");
                                             return;
                                           }
                                           if (records[event].true_fraud_type != pattern) {
                                             violations.Add(user, "wrong type: " + Describe(records[event]));
                                           }
                                           check(user, records, count, event);
                                         });
  EXPECT_EQ(users, kPatternUsers);
}

TEST(UserWorldGeneratorTest, LiquidityCrunchEventIsAReturnedDebitOnAnEmptiedAccount) {
  Violations violations;
  ForEachFraudUser(FraudPattern::kLiquidityCrunch, violations,
                   [&](std::int64_t user, const UserRecord* records, int, int event) {
                     const UserRecord& e = records[event];
                     if (!(e.balance_volatility_z_score < -2.5)) violations.Add(user, "z: " + Describe(e));
                     if (!e.is_returned) violations.Add(user, "not returned: " + Describe(e));
                     if (e.available_balance_cents > 10000) violations.Add(user, "balance: " + Describe(e));
                   });
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
}

TEST(UserWorldGeneratorTest, LiquidityCrunchHasNoIncomeInTheFourWeeksBeforeTheEvent) {
  Violations violations;
  ForEachFraudUser(FraudPattern::kLiquidityCrunch, violations,
                   [&](std::int64_t user, const UserRecord* records, int, int event) {
                     const Instant run_up = records[event].transaction_time - 28 * kMicrosPerDay;
                     for (int i = 1; i <= event; ++i) {
                       const UserRecord& p = records[i - 1];
                       if (p.transaction_time < run_up) continue;
                       const std::int64_t income =
                           records[i].available_balance_cents - p.available_balance_cents + p.amount_cents;
                       if (income != 0) violations.Add(user, "income before " + Describe(records[i]));
                     }
                   });
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
}

TEST(UserWorldGeneratorTest, LinkBurstEventHasFiveToFifteenConnectionsIn24Hours) {
  Violations violations;
  ForEachFraudUser(FraudPattern::kLinkBurst, violations,
                   [&](std::int64_t user, const UserRecord* records, int, int event) {
                     const UserRecord& e = records[event];
                     if (e.bank_connections_24h < 5 || e.bank_connections_24h > 15) {
                       violations.Add(user, Describe(e));
                     }
                   });
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
}

// True when at least one contact detail changed, and every change lies 1 to 72 hours before the event.
bool ContactChangedShortlyBefore(const UserRecord& event, bool email_required) {
  const Instant t = event.transaction_time;
  auto within = [&](Instant changed_at) {
    return changed_at != kNoInstant && changed_at >= t - 72 * kMicrosPerHour &&
           changed_at <= t - kMicrosPerHour;
  };
  const bool email = event.email_changed_at != kNoInstant;
  const bool phone = event.phone_changed_at != kNoInstant;
  if (email_required && !email) return false;
  if (!email && !phone) return false;
  return (!email || within(event.email_changed_at)) && (!phone || within(event.phone_changed_at));
}

TEST(UserWorldGeneratorTest, AtoEventIsAnOffHoursSpikeAfterAContactChange) {
  Violations violations;
  ForEachFraudUser(FraudPattern::kAto, violations,
                   [&](std::int64_t user, const UserRecord* records, int, int event) {
                     const UserRecord& e = records[event];
                     if (!(e.amount_to_avg_ratio >= 5.5)) violations.Add(user, "ratio: " + Describe(e));
                     if (!e.is_off_hours) violations.Add(user, "daytime: " + Describe(e));
                     if (!ContactChangedShortlyBefore(e, false)) {
                       violations.Add(user, "contact change at " + FormatInstant(e.email_changed_at) + " / " +
                                                FormatInstant(e.phone_changed_at) + ": " + Describe(e));
                     }
                   });
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
}

TEST(UserWorldGeneratorTest, BustOutEventFollowsTwentyToFiftySmallTransactions) {
  Violations violations;
  ForEachFraudUser(FraudPattern::kBustOut, violations,
                   [&](std::int64_t user, const UserRecord* records, int, int event) {
                     const UserRecord& e = records[event];
                     if (event < 20 || event > 50) {
                       violations.Add(user, std::to_string(event) + " records before " + Describe(e));
                     }
                     if (!(e.amount_to_avg_ratio >= 5.5)) violations.Add(user, "ratio: " + Describe(e));
                     std::int64_t previous = 0;
                     for (int i = 0; i < event; ++i) previous += records[i].amount_cents;
                     // amount > 5 * (previous / event), exactly in integers.
                     if (event > 0 && !(e.amount_cents * event > 5 * previous)) {
                       violations.Add(user, "amount vs all previous: " + Describe(e));
                     }
                   });
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
}

TEST(UserWorldGeneratorTest, SleeperAtoEventFollowsDormancyAndALinkBurst) {
  Violations violations;
  ForEachFraudUser(
      FraudPattern::kSleeperAto, violations,
      [&](std::int64_t user, const UserRecord* records, int, int event) {
        const UserRecord& e = records[event];
        const Instant t = e.transaction_time;
        if (event < 4) {
          violations.Add(user, "only " + std::to_string(event) + " records before " + Describe(e));
          return;
        }
        int burst_connections = 0;
        for (int i = event - 3; i < event; ++i) {
          const UserRecord& b = records[i];
          if (b.transaction_time < t - kMicrosPerHour) {
            violations.Add(user, "burst record outside the hour: " + Describe(b));
          }
          if (b.new_bank_connections < 1) violations.Add(user, "burst without a link: " + Describe(b));
          burst_connections += b.new_bank_connections;
        }
        if (burst_connections < 3) violations.Add(user, "burst links " + std::to_string(burst_connections));
        const Instant dormant_gap = records[event - 3].transaction_time - records[event - 4].transaction_time;
        if (dormant_gap < 30 * kMicrosPerDay) {
          violations.Add(user, "not dormant before the burst: " + Describe(records[event - 4]) + " then " +
                                   Describe(records[event - 3]));
        }
        if (!e.is_off_hours) violations.Add(user, "daytime: " + Describe(e));
        if (!ContactChangedShortlyBefore(e, true)) {
          violations.Add(user, "email change at " + FormatInstant(e.email_changed_at) + ": " + Describe(e));
        }
        // The debit drains the account: at least 70% of a positive balance, and at least 3.5x the running
        // average (both exactly in integers; the amount is rounded up to the cent).
        std::int64_t previous = 0;
        for (int i = 0; i < event; ++i) previous += records[i].amount_cents;
        if (!(e.amount_cents * event * 10 >= 35 * previous))
          violations.Add(user, "below 3.5x average: " + Describe(e));
        if (e.available_balance_cents > 0 &&
            !(e.amount_cents * 100 >= 70 * e.available_balance_cents - 100)) {
          violations.Add(user, "does not drain the account: " + Describe(e));
        }
      });
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
}

// -----------------------------------------------------------------------------------------------------------
// Labels and evaluation metadata

TEST(UserWorldGeneratorTest, LabelsFollowTheConfirmationDelay) {
  const UserWorldOptions options = MixedWorld();
  const UserWorldGenerator oracle(options);
  const Instant now = options.simulation_date;
  Violations violations;
  int detected = 0;
  int undetected = 0;
  ForEachUser(options, [&](std::int64_t user, const UserRecord* records, int count) {
    const FraudPattern pattern = oracle.PatternOf(user);
    const int event = FraudEventIndex(records, count);
    for (int i = 0; i < count; ++i) {
      const UserRecord& r = records[i];
      const bool is_event = i == event;
      if (r.is_fraudulent != (is_event && r.fraud_confirmed_at <= now)) {
        violations.Add(user, "is_fraudulent: " + Describe(r));
      }
      if (r.fraud_type != (r.is_fraudulent ? pattern : FraudPattern::kNone)) {
        violations.Add(user, "fraud_type: " + Describe(r));
      }
      if (pattern == FraudPattern::kNone) {
        if (r.fraud_confirmed_at != kNoInstant || !r.is_pre_fraud || !r.is_train_eligible ||
            r.has_days_to_fraud || r.is_fraudulent) {
          violations.Add(user, "legitimate user's labels: " + Describe(r));
        }
        continue;
      }
      const Instant confirmed = records[event < 0 ? 0 : event].fraud_confirmed_at;
      if (r.fraud_confirmed_at == kNoInstant || r.fraud_confirmed_at != confirmed) {
        violations.Add(user,
                       "fraud_confirmed_at " + FormatInstant(r.fraud_confirmed_at) + ": " + Describe(r));
      }
      const double expected_days =
          static_cast<double>(r.fraud_confirmed_at - r.transaction_time) / static_cast<double>(kMicrosPerDay);
      if (!r.has_days_to_fraud || std::fabs(r.days_to_fraud - expected_days) > 1e-9) {
        violations.Add(user, "days_to_fraud " + std::to_string(r.days_to_fraud) + ": " + Describe(r));
      }
      if (r.is_pre_fraud != (r.transaction_time < r.fraud_confirmed_at)) {
        violations.Add(user, "is_pre_fraud: " + Describe(r));
      }
      if (r.is_train_eligible != r.is_pre_fraud || (is_event && !r.is_train_eligible)) {
        violations.Add(user, "is_train_eligible: " + Describe(r));
      }
    }
    if (event >= 0) {
      const UserRecord& e = records[event];
      const Instant delay = e.fraud_confirmed_at - e.transaction_time;
      if (delay != LabelDelay(options.seed, user)) {
        violations.Add(user, "delay is not LabelDelay: " + Describe(e));
      }
      if (delay < kMicrosPerHour || delay > 60 * kMicrosPerDay) violations.Add(user, "delay " + Describe(e));
      if (e.is_fraudulent) {
        ++detected;
      } else {
        ++undetected;
        if (e.fraud_confirmed_at <= now) violations.Add(user, "confirmed yet not labelled: " + Describe(e));
      }
    }
  });
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
  EXPECT_EQ(detected + undetected, 5000);
  EXPECT_GT(undetected, 0) << "the label delay should leave some recent fraud events undetected";
  EXPECT_GT(detected, undetected);
}

TEST(UserWorldGeneratorTest, PreFraudRecordsComeBeforeConfirmation) {
  // For every fraud user the records before the event are pre-fraud and train-eligible; post-event records
  // after confirmation are neither.
  const UserWorldOptions options = MixedWorld();
  Violations violations;
  int post_confirmation = 0;
  ForEachUser(options, [&](std::int64_t user, const UserRecord* records, int count) {
    const int event = FraudEventIndex(records, count);
    if (event < 0) return;
    for (int i = 0; i < event; ++i) {
      if (!records[i].is_pre_fraud || !records[i].is_train_eligible || records[i].days_to_fraud <= 0) {
        violations.Add(user, "before the event: " + Describe(records[i]));
      }
    }
    for (int i = event + 1; i < count; ++i) {
      if (records[i].transaction_time >= records[i].fraud_confirmed_at) {
        ++post_confirmation;
        if (records[i].is_pre_fraud || records[i].is_train_eligible || records[i].days_to_fraud > 0) {
          violations.Add(user, "after confirmation: " + Describe(records[i]));
        }
      }
    }
  });
  EXPECT_EQ(violations.count(), 0) << violations.Summary();
  EXPECT_GT(post_confirmation, 0);
}

}  // namespace
}  // namespace synthgen
