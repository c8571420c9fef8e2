// The credit-card world's merchants, banks, accounts and cards (see card_entities.hpp). Each entity draws
// from its own stream, RandomStream(seed, kind, index), so it can be generated alone; the country of a
// merchant or an account is its stream's first draw, so the cheap projections equal the full rows' fields.
#include "core/card_entities.hpp"

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/weibull_distribution.hpp>
#include <cmath>
#include <cstdio>

#include "core/card_entity_id.hpp"
#include "core/keyed_permutation.hpp"
#include "core/random_draws.hpp"
#include "core/random_stream.hpp"
#include "core/reference_addresses.hpp"
#include "core/reference_names.hpp"

namespace synthgen {
namespace {

// The original's derived windows, in days back from (or ahead of) end_date: last_modified within a year,
// account creation within five years, card issue and expiry within three years either side.
constexpr std::int64_t kLastModifiedDays = 365;
constexpr std::int64_t kAccountDays = 5 * 365;
constexpr std::int64_t kCardDays = 3 * 365;

constexpr double kMeanChargebacksPerDay = 2.5;
constexpr double kClosedAccountProbability = 0.1;
constexpr double kCardUpdateProbability = 0.3;

// Card numbers: four groups of 1000-9999, i.e. a number in [0, 9000^4) written group by group.
constexpr std::uint64_t kCardGroupValues = 9000;
constexpr std::uint64_t kCardNumberSpace =
    kCardGroupValues * kCardGroupValues * kCardGroupValues * kCardGroupValues;

constexpr Instant Days(std::int64_t days) noexcept { return days * kMicrosPerDay; }

std::int64_t Hundredths(double value) { return std::llround(value * 100.0); }

RandomStream EntityStream(const CardWorldOptions& options, StreamId kind, std::int64_t index) noexcept {
  return RandomStream(options.seed, kind, static_cast<std::uint64_t>(index));
}

CountryIndex DrawMerchantCountry(RandomDraws& draws) {
  return kMerchantCountryOrder[draws.Int(0, kCardCountryCount - 1)];
}

// One uniform over the cumulative raw weights in the IP-table order, as numpy's choice with normalised p.
CountryIndex DrawHomeCountry(RandomDraws& draws) {
  double total = 0.0;
  for (const CardCountry& country : kCardCountries) total += country.home_weight;
  const double target = draws.Real(0.0, 1.0) * total;
  double cumulative = 0.0;
  for (std::size_t i = 0; i < kCardCountryCount; ++i) {
    cumulative += kCardCountries[i].home_weight;
    if (target < cumulative) return static_cast<CountryIndex>(i);
  }
  return static_cast<CountryIndex>(kCardCountryCount - 1);
}

// "1234 Oak Street, Springfield, IL 62704", or with " Apt. 123" / " Suite 123" after the street (half the
// addresses, as Faker's en_US street formats).
void DrawAddress(RandomDraws& draws, char (&out)[96]) {
  const std::int64_t digits = draws.Int(3, 5);
  const std::int64_t low = digits == 3 ? 100 : digits == 4 ? 1000 : 10000;
  const std::int64_t building = draws.Int(low, low * 10 - 1);
  const std::string_view street = kStreetNames[draws.Int(0, kStreetNameCount - 1)];
  const std::string_view suffix = kStreetSuffixes[draws.Int(0, kStreetSuffixCount - 1)];
  char secondary[16] = "";
  if (draws.Chance(0.5)) {
    const char* unit = draws.Chance(0.5) ? "Apt." : "Suite";
    std::snprintf(secondary, sizeof secondary, " %s %lld", unit, static_cast<long long>(draws.Int(100, 999)));
  }
  const UsCity& city = kUsCities[draws.Int(0, kUsCityCount - 1)];
  const std::int64_t zip = draws.Int(10000, 99999);
  std::snprintf(out, sizeof out, "%lld %.*s %.*s%s, %.*s, %.*s %lld", static_cast<long long>(building),
                static_cast<int>(street.size()), street.data(), static_cast<int>(suffix.size()),
                suffix.data(), secondary, static_cast<int>(city.name.size()), city.name.data(),
                static_cast<int>(city.state.size()), city.state.data(), static_cast<long long>(zip));
}

CardType DrawCardType(RandomDraws& draws) {
  const double u = draws.Real(0.0, 1.0);
  return u < 0.60 ? CardType::kCredit : u < 0.95 ? CardType::kDebit : CardType::kPrepaid;
}

CardStatus DrawCardStatus(RandomDraws& draws) {
  const double u = draws.Real(0.0, 1.0);
  return u < 0.95 ? CardStatus::kActive : u < 0.99 ? CardStatus::kBlocked : CardStatus::kLostOrStolen;
}

// The card index through a keyed bijection onto [0, 9000^4), written as four groups of 1000-9999: distinct
// cards of a world get distinct numbers.
void FormatCardNumber(std::uint64_t seed, std::int64_t index, char (&out)[20]) noexcept {
  const IndexPermutation permutation(StreamKey(seed, StreamId::kCardNumberKey), kCardNumberSpace);
  std::uint64_t value = permutation(static_cast<std::uint64_t>(index));
  unsigned groups[4];
  for (int i = 3; i >= 0; --i) {
    groups[i] = static_cast<unsigned>(1000 + value % kCardGroupValues);
    value /= kCardGroupValues;
  }
  std::snprintf(out, sizeof out, "%u-%u-%u-%u", groups[0], groups[1], groups[2], groups[3]);
}

}  // namespace

const char* CardTypeName(CardType type) noexcept {
  switch (type) {
    case CardType::kCredit:
      return "Credit";
    case CardType::kDebit:
      return "Debit";
    case CardType::kPrepaid:
      return "Prepaid";
  }
  return "";
}

const char* CardStatusName(CardStatus status) noexcept {
  switch (status) {
    case CardStatus::kActive:
      return "Active";
    case CardStatus::kBlocked:
      return "Blocked";
    case CardStatus::kLostOrStolen:
      return "Lost/Stolen";
  }
  return "";
}

MerchantRow MakeMerchant(const CardWorldOptions& options, std::int64_t index) {
  RandomStream rng = EntityStream(options, StreamId::kMerchant, index);
  RandomDraws draws(rng);
  MerchantRow row{};
  FormatEntityId("MERCH_", index, row.merchant_id);
  row.country = DrawMerchantCountry(draws);
  row.category = static_cast<std::uint8_t>(draws.Int(0, kMerchantCategoryCount - 1));
  // Week and month scale the rounded daily figure, as the original does.
  row.chargebacks_prev_day_hundredths =
      Hundredths(boost::random::exponential_distribution<double>(1.0 / kMeanChargebacksPerDay)(rng));
  const double day = static_cast<double>(row.chargebacks_prev_day_hundredths) / 100.0;
  row.chargebacks_prev_week_hundredths = Hundredths(day * 7.0 * draws.Real(0.8, 1.2));
  row.chargebacks_prev_month_hundredths = Hundredths(day * 30.0 * draws.Real(0.8, 1.2));
  row.last_modified = options.end_date - Days(kLastModifiedDays) + Days(draws.Int(0, kLastModifiedDays));
  return row;
}

CountryIndex MerchantCountry(const CardWorldOptions& options, std::int64_t index) {
  RandomStream rng = EntityStream(options, StreamId::kMerchant, index);
  RandomDraws draws(rng);
  return DrawMerchantCountry(draws);
}

BankRow MakeBank(const CardWorldOptions& options, std::int64_t index) {
  RandomStream rng = EntityStream(options, StreamId::kBank, index);
  RandomDraws draws(rng);
  BankRow row{};
  FormatEntityId("BANK_", index, row.bank_id);
  row.country = kMerchantCountryOrder[draws.Int(0, kBankCountryCount - 1)];
  // Beta(5, 2) as X / (X + Y) with X ~ Gamma(5), Y ~ Gamma(2).
  const double x = boost::random::gamma_distribution<double>(5.0)(rng);
  const double y = boost::random::gamma_distribution<double>(2.0)(rng);
  row.credit_rating =
      static_cast<std::int32_t>(std::clamp<long long>(std::llround(x / (x + y) * 9.0 + 1.0), 1, 10));
  const double weibull = boost::random::weibull_distribution<double>(1.5, 1.0)(rng);
  row.days_since_bank_cr_changed =
      static_cast<std::int32_t>(std::clamp<long long>(std::llround(weibull * 180.0), 0, 1095));
  row.last_modified = options.end_date - Days(draws.Int(0, kLastModifiedDays));
  return row;
}

AccountRow MakeAccount(const CardWorldOptions& options, std::int64_t index) {
  RandomStream rng = EntityStream(options, StreamId::kAccount, index);
  RandomDraws draws(rng);
  AccountRow row{};
  FormatEntityId("ACC_", index, row.account_id);
  row.home_country = DrawHomeCountry(draws);
  const std::string_view first = kFirstNames[draws.Int(0, kFirstNameCount - 1)];
  const std::string_view last = kLastNames[draws.Int(0, kLastNameCount - 1)];
  std::snprintf(row.name, sizeof row.name, "%.*s %.*s", static_cast<int>(first.size()), first.data(),
                static_cast<int>(last.size()), last.data());
  DrawAddress(draws, row.address);
  row.debt_end_prev_month_cents = Hundredths(boost::random::normal_distribution<double>(2500.0, 1500.0)(rng));
  row.last_modified = options.end_date - Days(draws.Int(0, kLastModifiedDays));
  row.creation_date = options.end_date - Days(draws.Int(0, kAccountDays));
  // Closed accounts can end after end_date, as in the original.
  row.end_date = draws.Chance(kClosedAccountProbability)
                     ? row.creation_date + Days(draws.Int(1, kAccountDays))
                     : kNoInstant;
  return row;
}

CountryIndex AccountHomeCountry(const CardWorldOptions& options, std::int64_t index) {
  RandomStream rng = EntityStream(options, StreamId::kAccount, index);
  RandomDraws draws(rng);
  return DrawHomeCountry(draws);
}

CardRow MakeCard(const CardWorldOptions& options, std::int64_t index) {
  RandomStream rng = EntityStream(options, StreamId::kCard, index);
  RandomDraws draws(rng);
  CardRow row{};
  FormatEntityId("CARD_", index, row.card_id);
  FormatCardNumber(options.seed, index, row.cc_num);
  row.account = draws.Int(0, options.accounts - 1);
  row.bank = draws.Int(0, options.banks - 1);
  row.issue_date = FirstOfMonth(options.end_date - Days(draws.Int(1, kCardDays)));
  row.expiry_date = FirstOfMonth(options.end_date + Days(draws.Int(0, kCardDays)));
  row.type = DrawCardType(draws);
  // The original's card table keeps every version; we keep the latest. A status update lands on a whole day
  // in [issue_date + 1 day, start_date - 1 day] and needs more than one day of room.
  row.status = CardStatus::kActive;
  row.last_modified = row.issue_date;
  row.status_updated = false;
  if (draws.Chance(kCardUpdateProbability)) {
    // Truncating division differs from the original's floor only below zero, where no update happens anyway.
    const std::int64_t room_days = (options.start_date - kMicrosPerDay - row.issue_date) / kMicrosPerDay;
    if (room_days > 1) {
      row.status = DrawCardStatus(draws);
      row.last_modified = row.issue_date + Days(draws.Int(1, room_days));
      row.status_updated = true;
    }
  }
  return row;
}

MerchantDirectory::MerchantDirectory(const CardWorldOptions& options)
    : merchants_(static_cast<std::size_t>(options.merchants)), begin_{} {
  std::vector<CountryIndex> countries(merchants_.size());
  for (std::size_t i = 0; i < countries.size(); ++i) {
    countries[i] = MerchantCountry(options, static_cast<std::int64_t>(i));
    ++begin_[countries[i] + 1];
  }
  for (std::size_t c = 0; c < kCardCountryCount; ++c) begin_[c + 1] += begin_[c];
  std::size_t next[kCardCountryCount];
  std::copy(begin_, begin_ + kCardCountryCount, next);
  for (std::size_t i = 0; i < countries.size(); ++i) {
    merchants_[next[countries[i]]++] = static_cast<std::int64_t>(i);
  }
}

std::size_t MerchantDirectory::CountIn(CountryIndex country) const noexcept {
  return begin_[country + 1] - begin_[country];
}

std::int64_t MerchantDirectory::MerchantIn(CountryIndex country, std::size_t position) const noexcept {
  return merchants_[begin_[country] + position];
}

}  // namespace synthgen
