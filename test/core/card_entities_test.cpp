// Tests the card world's entities: pinned golden rows for seed 42, identifier formats, determinism, index
// independence, the cheap country projections, the merchant directory, and distribution properties with
// stated tolerances (most over 100,000 entities).
#include "core/card_entities.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/reference_addresses.hpp"
#include "core/reference_names.hpp"

namespace synthgen {
namespace {

constexpr int kSample = 100000;

// 2025-12-04 23:59:59 UTC: the original's CLI ends its window at 23:59:59 of the given day.
constexpr Instant kLateEnd = 1'764'892'799LL * kMicrosPerSecond;

CardWorldOptions LateWindow() {
  CardWorldOptions options;
  options.end_date = kLateEnd;
  options.start_date = kLateEnd - 30 * kMicrosPerDay;
  return options;
}

Instant Clock(Instant t) { return t - DayStart(t); }
bool WholeDaysApart(Instant a, Instant b) { return (a - b) % kMicrosPerDay == 0; }

bool SameMerchant(const MerchantRow& a, const MerchantRow& b) {
  return std::strcmp(a.merchant_id, b.merchant_id) == 0 && a.category == b.category &&
         a.country == b.country && a.chargebacks_prev_day_hundredths == b.chargebacks_prev_day_hundredths &&
         a.chargebacks_prev_week_hundredths == b.chargebacks_prev_week_hundredths &&
         a.chargebacks_prev_month_hundredths == b.chargebacks_prev_month_hundredths &&
         a.last_modified == b.last_modified;
}

bool SameBank(const BankRow& a, const BankRow& b) {
  return std::strcmp(a.bank_id, b.bank_id) == 0 && a.country == b.country &&
         a.credit_rating == b.credit_rating && a.days_since_bank_cr_changed == b.days_since_bank_cr_changed &&
         a.last_modified == b.last_modified;
}

bool SameAccount(const AccountRow& a, const AccountRow& b) {
  return std::strcmp(a.account_id, b.account_id) == 0 && std::strcmp(a.name, b.name) == 0 &&
         std::strcmp(a.address, b.address) == 0 &&
         a.debt_end_prev_month_cents == b.debt_end_prev_month_cents && a.last_modified == b.last_modified &&
         a.creation_date == b.creation_date && a.end_date == b.end_date && a.home_country == b.home_country;
}

bool SameCard(const CardRow& a, const CardRow& b) {
  return std::strcmp(a.card_id, b.card_id) == 0 && std::strcmp(a.cc_num, b.cc_num) == 0 &&
         a.account == b.account && a.bank == b.bank && a.issue_date == b.issue_date &&
         a.expiry_date == b.expiry_date && a.type == b.type && a.status == b.status &&
         a.last_modified == b.last_modified && a.status_updated == b.status_updated;
}

// "XXXX-XXXX-XXXX-XXXX" with every group in 1000-9999.
bool IsCardNumber(const char* text) {
  if (std::strlen(text) != 19) return false;
  for (int group = 0; group < 4; ++group) {
    const char* digits = text + group * 5;
    if (digits[0] < '1' || digits[0] > '9') return false;
    for (int i = 1; i < 4; ++i) {
      if (digits[i] < '0' || digits[i] > '9') return false;
    }
    if (group < 3 && digits[4] != '-') return false;
  }
  return true;
}

std::string Name(CountryIndex country) { return std::string(kCardCountries[country].name); }

// ---- Goldens ----------------------------------------------------------------------------------------------
// These rows define synthgen's card world for seed 42 with the default options (window 2025-12-02 to
// 2026-01-01 00:00 UTC, 1000 banks, 10,000 accounts): they must only change with a deliberate, documented
// change.

TEST(CardEntitiesTest, GoldenMerchantForSeed42) {
  const MerchantRow row = MakeMerchant(CardWorldOptions(), 0);
  EXPECT_STREQ(row.merchant_id, "MERCH_00000000");
  EXPECT_EQ(kMerchantCategories[row.category], "Gas Stations");
  EXPECT_EQ(Name(row.country), "Mexico");
  EXPECT_EQ(row.chargebacks_prev_day_hundredths, 210);
  EXPECT_EQ(row.chargebacks_prev_week_hundredths, 1345);
  EXPECT_EQ(row.chargebacks_prev_month_hundredths, 6883);
  EXPECT_EQ(row.last_modified, 1'754'956'800LL * kMicrosPerSecond);  // 2025-08-12
}

TEST(CardEntitiesTest, GoldenBankForSeed42) {
  const BankRow row = MakeBank(CardWorldOptions(), 0);
  EXPECT_STREQ(row.bank_id, "BANK_00000000");
  EXPECT_EQ(Name(row.country), "Saudi Arabia");
  EXPECT_EQ(row.credit_rating, 8);
  EXPECT_EQ(row.days_since_bank_cr_changed, 225);
  EXPECT_EQ(row.last_modified, 1'738'627'200LL * kMicrosPerSecond);  // 2025-02-04
}

TEST(CardEntitiesTest, GoldenAccountForSeed42) {
  const AccountRow row = MakeAccount(CardWorldOptions(), 0);
  EXPECT_STREQ(row.account_id, "ACC_00000000");
  EXPECT_STREQ(row.name, "Matthew Stevens");
  EXPECT_STREQ(row.address, "265 Cambridge Trail Apt. 729, Anchorage, AK 69577");
  EXPECT_EQ(row.debt_end_prev_month_cents, 252119);
  EXPECT_EQ(row.last_modified, 1'750'550'400LL * kMicrosPerSecond);  // 2025-06-22
  EXPECT_EQ(row.creation_date, 1'666'656'000LL * kMicrosPerSecond);  // 2022-10-25
  EXPECT_EQ(row.end_date, kNoInstant);
  EXPECT_EQ(Name(row.home_country), "Italy");
}

TEST(CardEntitiesTest, GoldenCardsForSeed42) {
  const CardRow updated = MakeCard(CardWorldOptions(), 0);
  EXPECT_STREQ(updated.card_id, "CARD_00000000");
  EXPECT_STREQ(updated.cc_num, "1999-9936-3405-6921");
  EXPECT_EQ(updated.account, 8985);
  EXPECT_EQ(updated.bank, 402);
  EXPECT_EQ(updated.issue_date, 1'730'419'200LL * kMicrosPerSecond);   // 2024-11-01
  EXPECT_EQ(updated.expiry_date, 1'811'808'000LL * kMicrosPerSecond);  // 2027-06-01
  EXPECT_EQ(updated.type, CardType::kCredit);
  EXPECT_EQ(updated.status, CardStatus::kActive);
  EXPECT_TRUE(updated.status_updated);
  EXPECT_EQ(updated.last_modified, 1'763'164'800LL * kMicrosPerSecond);  // 2025-11-15

  const CardRow plain = MakeCard(CardWorldOptions(), 2);
  EXPECT_STREQ(plain.card_id, "CARD_00000002");
  EXPECT_STREQ(plain.cc_num, "2714-4651-3997-2954");
  EXPECT_EQ(plain.account, 7874);
  EXPECT_EQ(plain.bank, 872);
  EXPECT_EQ(plain.issue_date, 1'756'684'800LL * kMicrosPerSecond);   // 2025-09-01
  EXPECT_EQ(plain.expiry_date, 1'859'241'600LL * kMicrosPerSecond);  // 2028-12-01
  EXPECT_EQ(plain.type, CardType::kDebit);
  EXPECT_EQ(plain.status, CardStatus::kActive);
  EXPECT_FALSE(plain.status_updated);
  EXPECT_EQ(plain.last_modified, plain.issue_date);
}

// ---- Formats, determinism, independence ------------------------------------------------------------------

TEST(CardEntitiesTest, IdentifiersCarryEightDigitsOfTheIndex) {
  const CardWorldOptions options;
  EXPECT_STREQ(MakeMerchant(options, 123).merchant_id, "MERCH_00000123");
  EXPECT_STREQ(MakeBank(options, 99999999).bank_id, "BANK_99999999");
  EXPECT_STREQ(MakeAccount(options, 4567).account_id, "ACC_00004567");
  EXPECT_STREQ(MakeCard(options, 10000000).card_id, "CARD_10000000");
}

TEST(CardEntitiesTest, NamesTypesAndStatusesHaveTheOriginalsSpelling) {
  EXPECT_STREQ(CardTypeName(CardType::kCredit), "Credit");
  EXPECT_STREQ(CardTypeName(CardType::kDebit), "Debit");
  EXPECT_STREQ(CardTypeName(CardType::kPrepaid), "Prepaid");
  EXPECT_STREQ(CardStatusName(CardStatus::kActive), "Active");
  EXPECT_STREQ(CardStatusName(CardStatus::kBlocked), "Blocked");
  EXPECT_STREQ(CardStatusName(CardStatus::kLostOrStolen), "Lost/Stolen");
}

// Entities made in reverse order, or alone, equal those made in index order.
TEST(CardEntitiesTest, EntitiesDoNotDependOnWhatElseWasMade) {
  const CardWorldOptions options;
  constexpr int kCount = 200;
  std::vector<MerchantRow> merchants;
  std::vector<BankRow> banks;
  std::vector<AccountRow> accounts;
  std::vector<CardRow> cards;
  for (int i = 0; i < kCount; ++i) {
    merchants.push_back(MakeMerchant(options, i));
    banks.push_back(MakeBank(options, i));
    accounts.push_back(MakeAccount(options, i));
    cards.push_back(MakeCard(options, i));
  }
  for (int i = kCount - 1; i >= 0; --i) {
    EXPECT_TRUE(SameCard(MakeCard(options, i), cards[i])) << i;
    EXPECT_TRUE(SameAccount(MakeAccount(options, i), accounts[i])) << i;
    EXPECT_TRUE(SameBank(MakeBank(options, i), banks[i])) << i;
    EXPECT_TRUE(SameMerchant(MakeMerchant(options, i), merchants[i])) << i;
  }
  EXPECT_TRUE(SameCard(MakeCard(options, 137), cards[137]));
}

TEST(CardEntitiesTest, OutputDependsOnTheSeed) {
  CardWorldOptions other;
  other.seed = 43;
  int differing_numbers = 0;
  int differing_accounts = 0;
  for (int i = 0; i < 100; ++i) {
    differing_numbers += std::strcmp(MakeCard(CardWorldOptions(), i).cc_num, MakeCard(other, i).cc_num) != 0;
    differing_accounts += !SameAccount(MakeAccount(CardWorldOptions(), i), MakeAccount(other, i));
  }
  EXPECT_EQ(differing_numbers, 100);
  EXPECT_GE(differing_accounts, 99);
}

TEST(CardEntitiesTest, CheapProjectionsEqualTheFullRows) {
  const CardWorldOptions options;
  for (int i = 0; i < 20000; ++i) {
    ASSERT_EQ(AccountHomeCountry(options, i), MakeAccount(options, i).home_country) << i;
    ASSERT_EQ(MerchantCountry(options, i), MakeMerchant(options, i).country) << i;
  }
}

// Only the seed and the index matter to a merchant's, bank's or account's country; counts do not.
TEST(CardEntitiesTest, EntitiesDoNotDependOnOtherCounts) {
  CardWorldOptions small;
  CardWorldOptions large;
  small.merchants = 10;
  large.merchants = 1'000'000;
  large.banks = 7;
  EXPECT_TRUE(SameMerchant(MakeMerchant(small, 5), MakeMerchant(large, 5)));
  EXPECT_TRUE(SameBank(MakeBank(small, 5), MakeBank(large, 5)));
  EXPECT_TRUE(SameAccount(MakeAccount(small, 5), MakeAccount(large, 5)));
}

// ---- Merchant directory
// ------------------------------------------------------------------------------------

TEST(CardEntitiesTest, MerchantDirectoryGroupsMerchantsByCountryInIndexOrder) {
  CardWorldOptions options;
  options.merchants = 5000;
  const MerchantDirectory directory(options);
  std::size_t total = 0;
  std::vector<bool> seen(5000, false);
  for (CountryIndex country = 0; country < kCardCountryCount; ++country) {
    const std::size_t count = directory.CountIn(country);
    EXPECT_EQ(directory.HasMerchants(country), count > 0);
    total += count;
    for (std::size_t p = 0; p < count; ++p) {
      const std::int64_t merchant = directory.MerchantIn(country, p);
      ASSERT_GE(merchant, 0);
      ASSERT_LT(merchant, 5000);
      ASSERT_EQ(MerchantCountry(options, merchant), country);
      if (p > 0) {
        ASSERT_LT(directory.MerchantIn(country, p - 1), merchant);
      }
      seen[static_cast<std::size_t>(merchant)] = true;
    }
  }
  EXPECT_EQ(total, 5000u);
  EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](bool s) { return s; }));
}

TEST(CardEntitiesTest, MerchantDirectoryOfASmallWorldLeavesSomeCountriesEmpty) {
  CardWorldOptions options;
  options.merchants = 3;
  const MerchantDirectory directory(options);
  std::size_t total = 0;
  int empty = 0;
  for (CountryIndex country = 0; country < kCardCountryCount; ++country) {
    total += directory.CountIn(country);
    empty += !directory.HasMerchants(country);
  }
  EXPECT_EQ(total, 3u);
  EXPECT_GE(empty, 23);
  EXPECT_TRUE(directory.HasMerchants(MerchantCountry(options, 0)));
}

// ---- Distributions
// ------------------------------------------------------------------------------------------- Tolerances are
// at least 5 standard errors of the stated sample size.

TEST(CardEntitiesTest, MerchantDistributions) {
  const CardWorldOptions options = LateWindow();
  std::array<int, kMerchantCategoryCount> categories{};
  std::array<int, kCardCountryCount> countries{};
  double day_sum = 0.0;
  for (int i = 0; i < kSample; ++i) {
    const MerchantRow row = MakeMerchant(options, i);
    ++categories[row.category];
    ++countries[row.country];
    ASSERT_GE(row.chargebacks_prev_day_hundredths, 0);
    day_sum += static_cast<double>(row.chargebacks_prev_day_hundredths) / 100.0;
    // week = day x 7 x U(0.8, 1.2), month = day x 30 x U(0.8, 1.2), each rounded to hundredths.
    const double day = static_cast<double>(row.chargebacks_prev_day_hundredths);
    ASSERT_GE(row.chargebacks_prev_week_hundredths, std::floor(day * 5.6) - 1) << i;
    ASSERT_LE(row.chargebacks_prev_week_hundredths, std::ceil(day * 8.4) + 1) << i;
    ASSERT_GE(row.chargebacks_prev_month_hundredths, std::floor(day * 24.0) - 1) << i;
    ASSERT_LE(row.chargebacks_prev_month_hundredths, std::ceil(day * 36.0) + 1) << i;
    // last_modified: a whole number of days in [end - 365 days, end].
    ASSERT_LE(row.last_modified, options.end_date);
    ASSERT_GE(row.last_modified, options.end_date - 365 * kMicrosPerDay);
    ASSERT_TRUE(WholeDaysApart(row.last_modified, options.end_date));
  }
  for (int count : categories) EXPECT_NEAR(static_cast<double>(count) / kSample, 1.0 / 20.0, 0.005);
  for (int count : countries) EXPECT_NEAR(static_cast<double>(count) / kSample, 1.0 / 26.0, 0.005);
  EXPECT_NEAR(day_sum / kSample, 2.5, 0.05);
}

TEST(CardEntitiesTest, BankDistributions) {
  const CardWorldOptions options = LateWindow();
  std::array<int, kCardCountryCount> countries{};
  double rating_sum = 0.0;
  double days_sum = 0.0;
  for (int i = 0; i < kSample; ++i) {
    const BankRow row = MakeBank(options, i);
    ++countries[row.country];
    ASSERT_GE(row.credit_rating, 1);
    ASSERT_LE(row.credit_rating, 10);
    ASSERT_GE(row.days_since_bank_cr_changed, 0);
    ASSERT_LE(row.days_since_bank_cr_changed, 1095);
    rating_sum += row.credit_rating;
    days_sum += row.days_since_bank_cr_changed;
    ASSERT_LE(row.last_modified, options.end_date);
    ASSERT_GE(row.last_modified, options.end_date - 365 * kMicrosPerDay);
    ASSERT_TRUE(WholeDaysApart(row.last_modified, options.end_date));
  }
  // Uniform over the first 19 merchant countries; none elsewhere.
  for (std::size_t i = 0; i < kCardCountryCount; ++i) {
    const double share = static_cast<double>(countries[kMerchantCountryOrder[i]]) / kSample;
    if (i < kBankCountryCount) {
      EXPECT_NEAR(share, 1.0 / 19.0, 0.005) << Name(kMerchantCountryOrder[i]);
    } else {
      EXPECT_EQ(share, 0.0) << Name(kMerchantCountryOrder[i]);
    }
  }
  // round(Beta(5, 2) x 9 + 1): mean about 9 x 5/7 + 1 = 7.43. Weibull(1.5) x 180: mean 180 x Gamma(5/3) =
  // 162.5.
  EXPECT_NEAR(rating_sum / kSample, 1.0 + 9.0 * 5.0 / 7.0, 0.05);
  EXPECT_NEAR(days_sum / kSample, 180.0 * std::tgamma(1.0 + 1.0 / 1.5), 2.0);
}

TEST(CardEntitiesTest, AccountDistributions) {
  const CardWorldOptions options = LateWindow();
  std::array<int, kCardCountryCount> homes{};
  double debt_sum = 0.0;
  double debt_square_sum = 0.0;
  int open = 0;
  int with_unit = 0;
  for (int i = 0; i < kSample; ++i) {
    const AccountRow row = MakeAccount(options, i);
    ++homes[row.home_country];
    const double debt = static_cast<double>(row.debt_end_prev_month_cents) / 100.0;
    debt_sum += debt;
    debt_square_sum += debt * debt;
    ASSERT_GT(std::strlen(row.name), 3u);
    ASSERT_NE(std::strchr(row.name, ' '), nullptr);
    ASSERT_EQ(std::strchr(row.address, '\n'), nullptr);
    with_unit +=
        std::strstr(row.address, " Apt. ") != nullptr || std::strstr(row.address, " Suite ") != nullptr;
    ASSERT_LE(row.last_modified, options.end_date);
    ASSERT_GE(row.last_modified, options.end_date - 365 * kMicrosPerDay);
    ASSERT_TRUE(WholeDaysApart(row.last_modified, options.end_date));
    ASSERT_LE(row.creation_date, options.end_date);
    ASSERT_GE(row.creation_date, options.end_date - 5 * 365 * kMicrosPerDay);
    ASSERT_TRUE(WholeDaysApart(row.creation_date, options.end_date));
    if (row.end_date == kNoInstant) {
      ++open;
    } else {
      ASSERT_GE(row.end_date, row.creation_date + kMicrosPerDay);
      ASSERT_LE(row.end_date, row.creation_date + 5 * 365 * kMicrosPerDay);
      ASSERT_TRUE(WholeDaysApart(row.end_date, row.creation_date));
    }
  }
  // Effective home shares: raw weight / 1.17 (United States 29.9%, majors 6.84%, ...), each within 0.5
  // points.
  for (std::size_t c = 0; c < kCardCountryCount; ++c) {
    EXPECT_NEAR(static_cast<double>(homes[c]) / kSample, kCardCountries[c].home_weight / 1.17, 0.005)
        << kCardCountries[c].name;
  }
  EXPECT_NEAR(static_cast<double>(open) / kSample, 0.9, 0.005);
  EXPECT_NEAR(static_cast<double>(with_unit) / kSample, 0.5, 0.01);
  const double mean = debt_sum / kSample;
  EXPECT_NEAR(mean, 2500.0, 25.0);
  EXPECT_NEAR(std::sqrt(debt_square_sum / kSample - mean * mean), 1500.0, 20.0);
}

// "1234 Oak Street[ Apt. 123| Suite 123], City, ST 12345" built from the reference tables.
TEST(CardEntitiesTest, AccountNamesAndAddressesComeFromTheReferenceTables) {
  const CardWorldOptions options;
  for (int i = 0; i < 2000; ++i) {
    const AccountRow row = MakeAccount(options, i);
    const std::string name = row.name;
    const std::size_t space = name.find(' ');
    ASSERT_NE(space, std::string::npos);
    EXPECT_NE(std::find(kFirstNames, kFirstNames + kFirstNameCount, name.substr(0, space)),
              kFirstNames + kFirstNameCount)
        << name;
    EXPECT_NE(std::find(kLastNames, kLastNames + kLastNameCount, name.substr(space + 1)),
              kLastNames + kLastNameCount)
        << name;

    const std::string address = row.address;
    const std::size_t first_comma = address.find(", ");
    const std::size_t last_comma = address.rfind(", ");
    ASSERT_NE(first_comma, last_comma) << address;
    const std::string city = address.substr(first_comma + 2, last_comma - first_comma - 2);
    const std::string state_zip = address.substr(last_comma + 2);
    ASSERT_EQ(state_zip.size(), 8u) << address;
    const bool known_city = std::any_of(kUsCities, kUsCities + kUsCityCount, [&](const UsCity& c) {
      return c.name == city && c.state == state_zip.substr(0, 2);
    });
    EXPECT_TRUE(known_city) << address;
    EXPECT_TRUE(std::all_of(state_zip.begin() + 3, state_zip.end(), [](char ch) {
      return ch >= '0' && ch <= '9';
    })) << address;
    const std::size_t building_end = address.find(' ');
    ASSERT_GE(building_end, 3u);
    ASSERT_LE(building_end, 5u);
    EXPECT_NE(address[0], '0') << address;
  }
}

TEST(CardEntitiesTest, CardDistributions) {
  const CardWorldOptions options = LateWindow();
  const Instant end_month = FirstOfMonth(options.end_date);
  const Instant max_update = options.start_date - kMicrosPerDay;
  std::array<int, kCardTypeCount> types{};
  std::array<int, kCardStatusCount> statuses{};
  int eligible = 0;
  int updated = 0;
  for (int i = 0; i < kSample; ++i) {
    const CardRow row = MakeCard(options, i);
    ++types[static_cast<std::size_t>(row.type)];
    ASSERT_GE(row.account, 0);
    ASSERT_LT(row.account, options.accounts);
    ASSERT_GE(row.bank, 0);
    ASSERT_LT(row.bank, options.banks);
    // Issue and expiry: day 1 of a month at end_date's clock time, within three years either side of
    // end_date.
    ASSERT_EQ(CivilDateOf(row.issue_date).day, 1u);
    ASSERT_EQ(CivilDateOf(row.expiry_date).day, 1u);
    ASSERT_EQ(Clock(row.issue_date), Clock(options.end_date));
    ASSERT_EQ(Clock(row.expiry_date), Clock(options.end_date));
    ASSERT_LE(row.issue_date, options.end_date);
    ASSERT_GE(row.issue_date, FirstOfMonth(options.end_date - 3 * 365 * kMicrosPerDay));
    ASSERT_GE(row.expiry_date, end_month);
    ASSERT_LE(row.expiry_date, options.end_date + 3 * 365 * kMicrosPerDay);
    // The latest version: an update on a whole day after issue and before start_date, or the issue row.
    const bool room = (max_update - row.issue_date) / kMicrosPerDay > 1;
    eligible += room;
    if (row.status_updated) {
      ASSERT_TRUE(room) << i;
      ++updated;
      ++statuses[static_cast<std::size_t>(row.status)];
      ASSERT_GE(row.last_modified, row.issue_date + kMicrosPerDay);
      ASSERT_LE(row.last_modified, max_update);
      ASSERT_TRUE(WholeDaysApart(row.last_modified, row.issue_date));
    } else {
      ASSERT_EQ(row.status, CardStatus::kActive);
      ASSERT_EQ(row.last_modified, row.issue_date);
    }
  }
  EXPECT_NEAR(static_cast<double>(types[0]) / kSample, 0.60, 0.005);
  EXPECT_NEAR(static_cast<double>(types[1]) / kSample, 0.35, 0.005);
  EXPECT_NEAR(static_cast<double>(types[2]) / kSample, 0.05, 0.004);
  // Nearly every card is issued more than a month before start_date; 30% of those get an update.
  EXPECT_GT(eligible, kSample * 9 / 10);
  EXPECT_NEAR(static_cast<double>(updated) / eligible, 0.30, 0.008);
  EXPECT_NEAR(static_cast<double>(statuses[0]) / updated, 0.95, 0.008);
  EXPECT_NEAR(static_cast<double>(statuses[1]) / updated, 0.04, 0.007);
  EXPECT_NEAR(static_cast<double>(statuses[2]) / updated, 0.01, 0.004);
}

// A window that starts before every possible issue date leaves no room for status updates.
TEST(CardEntitiesTest, CardsIssuedAfterTheStatusWindowKeepTheirIssueRow) {
  CardWorldOptions options;
  options.start_date = options.end_date - 4 * 365 * kMicrosPerDay;
  for (int i = 0; i < 5000; ++i) {
    const CardRow row = MakeCard(options, i);
    ASSERT_FALSE(row.status_updated) << i;
    ASSERT_EQ(row.status, CardStatus::kActive);
    ASSERT_EQ(row.last_modified, row.issue_date);
  }
}

TEST(CardEntitiesTest, CardNumbersAreUniqueAndWellFormed) {
  const CardWorldOptions options;
  constexpr int kCards = 200000;
  std::unordered_set<std::string> numbers;
  numbers.reserve(kCards);
  for (int i = 0; i < kCards; ++i) {
    const CardRow row = MakeCard(options, i);
    ASSERT_TRUE(IsCardNumber(row.cc_num)) << row.cc_num;
    ASSERT_TRUE(numbers.insert(row.cc_num).second) << "duplicate " << row.cc_num << " at card " << i;
  }
  // The last indexes of the largest world are well-formed too.
  EXPECT_TRUE(IsCardNumber(MakeCard(options, kMaxCardWorldEntities - 1).cc_num));
}

}  // namespace
}  // namespace synthgen
