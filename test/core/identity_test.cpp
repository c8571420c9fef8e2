// Tests identity derivation: pinned golden identity, identifier and PII formats, and identifier uniqueness.
#include "core/identity.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "core/keyed_permutation.hpp"
#include "core/reference_names.hpp"

namespace synthgen {
namespace {

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool InTable(const std::string_view* table, std::size_t size, std::string_view value) {
  return std::find(table, table + size, value) != table + size;
}

// The 48-bit value behind "<prefix><12 hex digits>".
std::uint64_t HexValue(const char* id, std::size_t prefix_length) {
  return std::stoull(std::string(id + prefix_length), nullptr, 16);
}

// These values define synthgen's output for seed 42: they must only change with a deliberate, documented
// change.
TEST(IdentityTest, GoldenIdentityForSeed42User0) {
  UserIdentity identity;
  MakeIdentity(42, 0, identity);
  EXPECT_STREQ(identity.user_id, "user_54e97d43f4b4");
  EXPECT_STREQ(identity.full_name, "Janet Perez");
  EXPECT_STREQ(identity.email, "janet.perez491@icloud.com");
  EXPECT_STREQ(identity.phone, "+1-316-841-3319");
}

TEST(IdentityTest, IsAPureFunctionOfSeedAndUser) {
  UserIdentity a;
  UserIdentity b;
  std::memset(&a, 0x55, sizeof a);
  std::memset(&b, 0xaa, sizeof b);
  MakeIdentity(9, 123456789, a);
  MakeIdentity(9, 123456789, b);
  EXPECT_STREQ(a.user_id, b.user_id);
  EXPECT_STREQ(a.full_name, b.full_name);
  EXPECT_STREQ(a.email, b.email);
  EXPECT_STREQ(a.phone, b.phone);

  UserIdentity other_seed;
  MakeIdentity(10, 123456789, other_seed);
  EXPECT_STRNE(a.user_id, other_seed.user_id);
}

TEST(IdentityTest, UserIdMatchesMakeIdentity) {
  for (std::int64_t user : {0LL, 1LL, 999LL, 1'000'000'000'000LL - 1}) {
    UserIdentity identity;
    MakeIdentity(3, user, identity);
    char user_id[20];
    FormatUserId(3, user, user_id);
    EXPECT_STREQ(identity.user_id, user_id) << "user " << user;
  }
}

TEST(IdentityTest, FormatsAreWellFormed) {
  const std::regex user_id_format("user_[0-9a-f]{12}");
  const std::regex record_id_format("rec_[0-9a-f]{12}");
  const std::regex phone_format(R"(\+1-[2-9][0-9]{2}-[2-9][0-9]{2}-[0-9]{4})");
  const std::regex full_name_format("([A-Za-z]+) ([A-Za-z]+)");
  for (std::uint64_t seed : {0ULL, 42ULL}) {
    for (std::int64_t user = 0; user < 3000; ++user) {
      UserIdentity identity;
      MakeIdentity(seed, user, identity);
      SCOPED_TRACE("seed " + std::to_string(seed) + " user " + std::to_string(user));
      EXPECT_TRUE(std::regex_match(identity.user_id, user_id_format)) << identity.user_id;
      EXPECT_TRUE(std::regex_match(identity.phone, phone_format)) << identity.phone;

      std::cmatch name;
      ASSERT_TRUE(std::regex_match(identity.full_name, name, full_name_format)) << identity.full_name;
      const std::string first = name[1];
      const std::string last = name[2];
      EXPECT_TRUE(InTable(kFirstNames, kFirstNameCount, first)) << first;
      EXPECT_TRUE(InTable(kLastNames, kLastNameCount, last)) << last;

      // lower(first).lower(last)NNN@domain
      const std::regex email_format(Lower(first) + "\\." + Lower(last) + "[0-9]{3}@([a-z0-9.]+)");
      std::cmatch email;
      ASSERT_TRUE(std::regex_match(identity.email, email, email_format)) << identity.email;
      EXPECT_TRUE(InTable(kEmailDomains, kEmailDomainCount, std::string(email[1]))) << identity.email;

      UserRecord records[kMaxRecordsPerUser];
      FormatRecordIds(RecordIdKey(seed), user, kMaxRecordsPerUser, records);
      const char* record_id = records[user % kMaxRecordsPerUser].record_id;
      EXPECT_TRUE(std::regex_match(record_id, record_id_format)) << record_id;
    }
  }
}

TEST(IdentityTest, IdentityVariesAcrossUsers) {
  // Names, email numbers, domains and phones are drawn, not constant: over 2,000 users each takes many
  // values.
  std::vector<std::string> names;
  std::vector<std::string> domains;
  std::vector<std::string> phones;
  for (std::int64_t user = 0; user < 2000; ++user) {
    UserIdentity identity;
    MakeIdentity(11, user, identity);
    names.emplace_back(identity.full_name);
    const char* at = std::strchr(identity.email, '@');
    ASSERT_NE(at, nullptr);
    domains.emplace_back(at + 1);
    phones.emplace_back(identity.phone);
  }
  for (auto* values : {&names, &domains, &phones}) {
    std::sort(values->begin(), values->end());
    values->erase(std::unique(values->begin(), values->end()), values->end());
  }
  EXPECT_GT(names.size(), 1500u);
  EXPECT_EQ(domains.size(), kEmailDomainCount);
  EXPECT_GT(phones.size(), 1990u);
}

TEST(IdentityTest, UserIdsAreUniqueOver200kUsers) {
  constexpr std::int64_t kUsers = 200000;
  std::vector<std::uint64_t> ids;
  ids.reserve(kUsers);
  for (std::int64_t user = 0; user < kUsers; ++user) {
    char user_id[20];
    FormatUserId(42, user, user_id);
    ids.push_back(HexValue(user_id, 5));
  }
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
}

TEST(IdentityTest, UserIdsAreUniqueAtTheTopOfTheWorld) {
  // Users near the largest world size still get distinct identifiers (indexes below 2^48).
  constexpr std::int64_t kTop = 1'000'000'000'000LL;
  std::vector<std::uint64_t> ids;
  for (std::int64_t user = kTop - 20000; user < kTop; ++user) {
    char user_id[20];
    FormatUserId(7, user, user_id);
    ids.push_back(HexValue(user_id, 5));
  }
  for (std::int64_t user = 0; user < 20000; ++user) {
    char user_id[20];
    FormatUserId(7, user, user_id);
    ids.push_back(HexValue(user_id, 5));
  }
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
}

TEST(IdentityTest, RecordIdsAreUniqueOverUsersTimesOrdinals) {
  constexpr std::int64_t kUsers = 20000;
  std::vector<std::uint64_t> ids;
  ids.reserve(kUsers * kMaxRecordsPerUser);
  for (std::int64_t user = 0; user < kUsers; ++user) {
    UserRecord records[kMaxRecordsPerUser];
    FormatRecordIds(RecordIdKey(42), user, kMaxRecordsPerUser, records);
    for (const UserRecord& record : records) ids.push_back(HexValue(record.record_id, 4));
  }
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
}

TEST(IdentityTest, RecordIdsPermuteUserTimes64PlusOrdinal) {
  // Every count, so that the ids computed together are the same whatever the length of the history.
  for (const std::int64_t user : {std::int64_t{0}, std::int64_t{77}, std::int64_t{3'999'999'999}}) {
    for (int count = 1; count <= kMaxRecordsPerUser; ++count) {
      UserRecord records[kMaxRecordsPerUser];
      FormatRecordIds(RecordIdKey(42), user, count, records);
      for (int ordinal = 0; ordinal < count; ++ordinal) {
        const char* record_id = records[ordinal].record_id;
        ASSERT_EQ(std::string_view(record_id, 4), "rec_");
        ASSERT_EQ(std::strlen(record_id), 16U);
        ASSERT_EQ(HexValue(record_id, 4),
                  Permute48(RecordIdKey(42), static_cast<std::uint64_t>(user) * kMaxRecordsPerUser +
                                                 static_cast<std::uint64_t>(ordinal)))
            << "user " << user << ", ordinal " << ordinal;
      }
    }
  }
}

TEST(IdentityTest, RecordIdsDoNotRepeatUserIds) {
  // Record and user identifiers use different keys: the hex part of a user's first record id is not its user
  // id.
  int same = 0;
  for (std::int64_t user = 0; user < 1000; ++user) {
    char user_id[20];
    UserRecord first_record;
    FormatUserId(42, user, user_id);
    FormatRecordIds(RecordIdKey(42), user, 1, &first_record);
    if (std::strcmp(user_id + 5, first_record.record_id + 4) == 0) ++same;
  }
  EXPECT_EQ(same, 0);
}

}  // namespace
}  // namespace synthgen
