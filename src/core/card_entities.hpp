// The entities of the credit-card world (merchants, banks, accounts, cards), each a pure function of
// (options, seed, index): any entity can be generated alone, so every range of indexes equals the matching
// slice of the whole table. Distributions and formats follow the original generator (see the README's
// card-world section for every deviation).
#pragma once

#include <cstdint>
#include <vector>

#include "core/calendar.hpp"
#include "core/card_geography.hpp"
#include "core/card_world_options.hpp"

namespace synthgen {

struct MerchantRow {
  char merchant_id[16];                            // "MERCH_" + 8 digits of the index
  std::uint8_t category;                           // index into kMerchantCategories, uniform
  CountryIndex country;                            // uniform over kMerchantCountryOrder
  std::int64_t chargebacks_prev_day_hundredths;    // Exponential(mean 2.5), 2 decimals
  std::int64_t chargebacks_prev_week_hundredths;   // day x 7 x U(0.8, 1.2), 2 decimals
  std::int64_t chargebacks_prev_month_hundredths;  // day x 30 x U(0.8, 1.2), 2 decimals
  Instant last_modified;
};

struct BankRow {
  char bank_id[16];            // "BANK_" + 8 digits
  CountryIndex country;        // uniform over the first kBankCountryCount of kMerchantCountryOrder
  std::int32_t credit_rating;  // clip(round(Beta(5, 2) x 9 + 1), 1, 10)
  std::int32_t days_since_bank_cr_changed;  // clip(round(Weibull(1.5) x 180), 0, 1095)
  Instant last_modified;
};

struct AccountRow {
  char account_id[16];  // "ACC_" + 8 digits
  char name[48];
  char address[96];
  std::int64_t debt_end_prev_month_cents;  // Normal(2500, 1500), can be negative
  Instant last_modified;
  Instant creation_date;
  Instant end_date;  // kNoInstant (NULL) for an open account
  CountryIndex home_country;
};

enum class CardType : std::uint8_t { kCredit = 0, kDebit = 1, kPrepaid = 2 };
enum class CardStatus : std::uint8_t { kActive = 0, kBlocked = 1, kLostOrStolen = 2 };
constexpr std::size_t kCardTypeCount = 3;
constexpr std::size_t kCardStatusCount = 3;
const char* CardTypeName(CardType type) noexcept;        // "Credit", "Debit", "Prepaid"
const char* CardStatusName(CardStatus status) noexcept;  // "Active", "Blocked", "Lost/Stolen"

struct CardRow {
  char card_id[16];      // "CARD_" + 8 digits
  char cc_num[20];       // "XXXX-XXXX-XXXX-XXXX", groups 1000-9999, unique within the world
  std::int64_t account;  // account index, uniform
  std::int64_t bank;     // bank index, uniform
  Instant issue_date;  // the first of a month, 1 to 1095 days before end_date (so always before it)
  Instant expiry_date;
  CardType type;
  CardStatus status;      // the latest status: kActive unless the card had a status update
  Instant last_modified;  // the update's instant, or issue_date
  bool status_updated;
};

MerchantRow MakeMerchant(const CardWorldOptions& options, std::int64_t index);
BankRow MakeBank(const CardWorldOptions& options, std::int64_t index);
AccountRow MakeAccount(const CardWorldOptions& options, std::int64_t index);
CardRow MakeCard(const CardWorldOptions& options, std::int64_t index);

// Cheap projections for the transaction generators (equal to the matching field of the full row).
CountryIndex AccountHomeCountry(const CardWorldOptions& options, std::int64_t index);
CountryIndex MerchantCountry(const CardWorldOptions& options, std::int64_t index);

// The merchants of each country, in index order: transactions pick merchants from the card's current country.
class MerchantDirectory {
 public:
  // Draws every merchant's country once (options validated); holds one index per merchant.
  explicit MerchantDirectory(const CardWorldOptions& options);
  std::size_t CountIn(CountryIndex country) const noexcept;
  std::int64_t MerchantIn(CountryIndex country, std::size_t position) const noexcept;  // position < CountIn
  bool HasMerchants(CountryIndex country) const noexcept { return CountIn(country) > 0; }

 private:
  std::vector<std::int64_t> merchants_;  // grouped by country
  std::size_t begin_[kCardCountryCount + 1];
};

}  // namespace synthgen
