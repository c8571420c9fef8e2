// The location-continuity state machine of the card world (see card_location.hpp).
#include "core/card_location.hpp"

#include <algorithm>

namespace synthgen {
namespace {

bool IsNeighbour(CountryIndex home, CountryIndex country) noexcept {
  const CardCountry& entry = kCardCountries[home];
  return std::find(entry.neighbours, entry.neighbours + entry.neighbour_count, country) !=
         entry.neighbours + entry.neighbour_count;
}

}  // namespace

CardLocationModel::CardLocationModel(const MerchantDirectory& merchants) : merchants_(merchants) {
  std::vector<CountryIndex> available;
  for (std::size_t c = 0; c < kCardCountryCount; ++c) {
    if (merchants.HasMerchants(static_cast<CountryIndex>(c)))
      available.push_back(static_cast<CountryIndex>(c));
  }
  for (std::size_t h = 0; h < kCardCountryCount; ++h) {
    const auto home = static_cast<CountryIndex>(h);
    const CardCountry& entry = kCardCountries[h];
    std::vector<CountryIndex> neighbours;
    for (std::size_t n = 0; n < entry.neighbour_count; ++n) {
      if (merchants.HasMerchants(entry.neighbours[n])) neighbours.push_back(entry.neighbours[n]);
    }
    std::vector<CountryIndex> elsewhere;
    for (CountryIndex c : available) {
      if (c != home && !IsNeighbour(home, c)) elsewhere.push_back(c);
    }
    const std::vector<CountryIndex> just_home = {home};
    const bool home_has_merchants = merchants.HasMerchants(home);

    auto& candidates = candidates_[h];
    candidates[static_cast<std::size_t>(LocationType::kHome)] = home_has_merchants    ? just_home
                                                                : !neighbours.empty() ? neighbours
                                                                                      : available;
    candidates[static_cast<std::size_t>(LocationType::kNeighbour)] = !neighbours.empty()  ? neighbours
                                                                     : home_has_merchants ? just_home
                                                                                          : available;
    candidates[static_cast<std::size_t>(LocationType::kInternational)] =
        !elsewhere.empty() ? elsewhere : available;
  }
}

CountryIndex CardLocation::DrawDesiredCountry(RandomDraws& draws) const {
  const double u = draws.Real(0.0, 1.0);
  const LocationType type = u < kHomeLocationShare                             ? LocationType::kHome
                            : u < kHomeLocationShare + kNeighbourLocationShare ? LocationType::kNeighbour
                                                                               : LocationType::kInternational;
  const std::vector<CountryIndex>& candidates = model_.Candidates(home_, type);
  if (candidates.size() == 1) return candidates.front();
  return candidates[static_cast<std::size_t>(draws.Int(0, static_cast<std::int64_t>(candidates.size()) - 1))];
}

CardLocationStep CardLocation::Next(Instant ts, RandomDraws& draws) {
  const MerchantDirectory& merchants = model_.merchants();
  CountryIndex country = DrawDesiredCountry(draws);
  const bool stays = state_.has_state && country != state_.country &&
                     ts - state_.last_ts < kMinimumCountryStay && merchants.HasMerchants(state_.country);
  if (stays) country = state_.country;

  Ipv4 ip;
  if (state_.has_state && country == state_.country && draws.Chance(kSameSubnetProbability)) {
    ip = DrawAddressInSameSubnet(state_.last_ip, draws);
  } else {
    ip = DrawAddressInCountry(country, draws);
  }

  const auto position =
      static_cast<std::size_t>(draws.Int(0, static_cast<std::int64_t>(merchants.CountIn(country)) - 1));
  state_ = CardLocationState{country, ts, ip, true};
  return CardLocationStep{country, ip, merchants.MerchantIn(country, position)};
}

}  // namespace synthgen
