// Where a card is used: the location-continuity state machine of the card world. Each transaction draws where
// the cardholder wants to be (home 85%, a neighbour of home 10%, elsewhere 5%), stays in the current country
// when it would move within 6 hours of the previous transaction, takes an address in the previous one's
// subnet for most transactions in the same country, and shops at a merchant of the country it ends up in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/calendar.hpp"
#include "core/card_entities.hpp"
#include "core/card_geography.hpp"
#include "core/ipv4.hpp"
#include "core/random_draws.hpp"

namespace synthgen {

// Shares of the location types a transaction draws (the original's), the shortest stay in a country (the
// document's promise), and the chance that a transaction in the same country as the previous one keeps its
// subnet.
constexpr double kHomeLocationShare = 0.85;
constexpr double kNeighbourLocationShare = 0.10;
constexpr double kInternationalLocationShare = 0.05;
constexpr Instant kMinimumCountryStay = 6 * kMicrosPerHour;
constexpr double kSameSubnetProbability = 0.6;

enum class LocationType : std::uint8_t { kHome = 0, kNeighbour = 1, kInternational = 2 };
constexpr std::size_t kLocationTypeCount = 3;

// Where a card stands between two transactions: the country, instant and address of its last transaction.
// has_state is false before a card's first transaction.
struct CardLocationState {
  CountryIndex country = 0;
  Instant last_ts = kNoInstant;
  Ipv4 last_ip = 0;
  bool has_state = false;
};

// The countries each location type resolves to, for every home country, given which countries have
// merchants (the original's fallbacks, except for international):
// - home: home if it has merchants, else home's neighbours with merchants, else every country with merchants;
// - neighbour: home's neighbours with merchants, else home if it has merchants, else every country with
//   merchants;
// - international: the countries with merchants that are neither home nor one of its neighbours (the
//   original drew over every country with merchants, home and neighbours included, so its international
//   share leaked into the others), else every country with merchants.
// A resolved country is uniform over its candidates, listed in IP-table order (neighbours in the original's
// order).
class CardLocationModel {
 public:
  // merchants: the directory of a valid world (so at least one country has merchants); it must outlive the
  // model.
  explicit CardLocationModel(const MerchantDirectory& merchants);

  const MerchantDirectory& merchants() const noexcept { return merchants_; }

  // The candidates of a location type for a home country (never empty).
  const std::vector<CountryIndex>& Candidates(CountryIndex home, LocationType type) const noexcept {
    return candidates_[home][static_cast<std::size_t>(type)];
  }

 private:
  const MerchantDirectory& merchants_;
  std::vector<CountryIndex> candidates_[kCardCountryCount][kLocationTypeCount];
};

// Where one transaction happened.
struct CardLocationStep {
  CountryIndex country;
  Ipv4 ip;
  std::int64_t merchant;  // merchant index, uniform among the merchants of country
};

// One card's machine. Transactions must come in non-decreasing time order. Per transaction, in this order
// of draws:
// 1. a location type (one uniform real: home below 0.85, neighbour below 0.95, else international) and a
//    desired country uniform over the type's candidates (no draw when there is only one);
// 2. the 6-hour rule: a card with state stays in its current country when the desired one differs and the
//    transaction comes less than 6 hours after the previous one (a state whose country has no merchant, which
//    only a caller-supplied state can hold, never keeps the card). The stay depends on time alone, never on
//    the country, so the shares of the location types stay exactly 85/10/5 over a card's transactions;
// 3. the address: in a new country (or for the first transaction) a fresh address of the country; in the same
//    country, with probability 0.6 an address in the previous one's subnet, else a fresh address;
// 4. the merchant, uniform among the country's merchants.
class CardLocation {
 public:
  // start: the card's state before its first transaction here (has_state false: a fresh card). Keeps a
  // reference to model.
  CardLocation(const CardLocationModel& model, CountryIndex home, const CardLocationState& start) noexcept
      : model_(model), home_(home), state_(start) {}

  CardLocationStep Next(Instant ts, RandomDraws& draws);

  // The state after the last transaction so far (the start state before any).
  const CardLocationState& state() const noexcept { return state_; }

 private:
  CountryIndex DrawDesiredCountry(RandomDraws& draws) const;

  const CardLocationModel& model_;
  CountryIndex home_;
  CardLocationState state_;
};

}  // namespace synthgen
