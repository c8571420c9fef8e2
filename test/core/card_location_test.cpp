// Tests the location-continuity state machine on single cards: the candidates of each location type (and
// their fallbacks in worlds where countries lack merchants), the 6-hour rule, stationary location shares, the
// subnet rule, merchants of the right country, and starting from a supplied state.
#include "core/card_location.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "core/random_stream.hpp"

namespace synthgen {
namespace {

bool IsNeighbourOf(CountryIndex home, CountryIndex country) {
  const CardCountry& entry = kCardCountries[home];
  return std::find(entry.neighbours, entry.neighbours + entry.neighbour_count, country) !=
         entry.neighbours + entry.neighbour_count;
}

LocationType TypeOf(CountryIndex home, CountryIndex country) {
  if (country == home) return LocationType::kHome;
  return IsNeighbourOf(home, country) ? LocationType::kNeighbour : LocationType::kInternational;
}

CardWorldOptions World(std::int64_t merchants, std::uint64_t seed = 42) {
  CardWorldOptions world;
  world.seed = seed;
  world.merchants = merchants;
  return world;
}

// The resolution rules of card_location.hpp, written out independently.
std::vector<CountryIndex> ExpectedCandidates(const MerchantDirectory& merchants, CountryIndex home,
                                             LocationType type) {
  std::vector<CountryIndex> available;
  std::vector<CountryIndex> neighbours;
  std::vector<CountryIndex> elsewhere;
  for (std::size_t c = 0; c < kCardCountryCount; ++c) {
    const auto country = static_cast<CountryIndex>(c);
    if (!merchants.HasMerchants(country)) continue;
    available.push_back(country);
    if (country != home && !IsNeighbourOf(home, country)) elsewhere.push_back(country);
  }
  const CardCountry& entry = kCardCountries[home];
  for (std::size_t n = 0; n < entry.neighbour_count; ++n) {
    if (merchants.HasMerchants(entry.neighbours[n])) neighbours.push_back(entry.neighbours[n]);
  }
  const bool home_ok = merchants.HasMerchants(home);
  switch (type) {
    case LocationType::kHome:
      if (home_ok) return {home};
      return neighbours.empty() ? available : neighbours;
    case LocationType::kNeighbour:
      if (!neighbours.empty()) return neighbours;
      return home_ok ? std::vector<CountryIndex>{home} : available;
    case LocationType::kInternational:
      return elsewhere.empty() ? available : elsewhere;
  }
  return {};
}

TEST(CardLocationTest, CandidatesInAFullWorld) {
  const MerchantDirectory merchants(World(500));
  const CardLocationModel model(merchants);
  for (std::size_t c = 0; c < kCardCountryCount; ++c) ASSERT_TRUE(merchants.HasMerchants(c));
  for (std::size_t h = 0; h < kCardCountryCount; ++h) {
    const auto home = static_cast<CountryIndex>(h);
    EXPECT_EQ(model.Candidates(home, LocationType::kHome), std::vector<CountryIndex>{home});
    const CardCountry& entry = kCardCountries[h];
    const std::vector<CountryIndex> neighbours(entry.neighbours, entry.neighbours + entry.neighbour_count);
    EXPECT_EQ(model.Candidates(home, LocationType::kNeighbour),
              neighbours.empty() ? std::vector<CountryIndex>{home} : neighbours);
    const auto& international = model.Candidates(home, LocationType::kInternational);
    EXPECT_EQ(international.size(), kCardCountryCount - 1 - entry.neighbour_count);
    for (CountryIndex c : international) EXPECT_EQ(TypeOf(home, c), LocationType::kInternational);
  }
}

// Worlds with few merchants leave countries empty, which exercises every fallback.
TEST(CardLocationTest, CandidatesFollowTheFallbacks) {
  for (std::int64_t count : {1, 2, 3, 5, 10, 25}) {
    for (std::uint64_t seed : {1u, 2u, 3u}) {
      const MerchantDirectory merchants(World(count, seed));
      const CardLocationModel model(merchants);
      for (std::size_t h = 0; h < kCardCountryCount; ++h) {
        for (LocationType type :
             {LocationType::kHome, LocationType::kNeighbour, LocationType::kInternational}) {
          const auto home = static_cast<CountryIndex>(h);
          const auto& candidates = model.Candidates(home, type);
          EXPECT_EQ(candidates, ExpectedCandidates(merchants, home, type))
              << count << " " << seed << " " << h;
          ASSERT_FALSE(candidates.empty());
          for (CountryIndex c : candidates) EXPECT_TRUE(merchants.HasMerchants(c));
        }
      }
    }
  }
}

// Runs one card through n transactions spaced by gap(i) and returns its steps.
template <typename Gap>
std::vector<CardLocationStep> Walk(const CardLocationModel& model, CountryIndex home, std::uint64_t stream,
                                   int n, Gap gap, CardLocationState start = {}) {
  RandomStream rng(7, StreamId::kCardTransactions, stream);
  RandomDraws draws(rng);
  CardLocation location(model, home, start);
  std::vector<CardLocationStep> steps;
  Instant ts = kDefaultSimulationDate;
  for (int i = 0; i < n; ++i) {
    ts += gap(i, draws);
    steps.push_back(location.Next(ts, draws));
    EXPECT_EQ(location.state().country, steps.back().country);
    EXPECT_EQ(location.state().last_ip, steps.back().ip);
    EXPECT_EQ(location.state().last_ts, ts);
    EXPECT_TRUE(location.state().has_state);
  }
  return steps;
}

TEST(CardLocationTest, NeverChangesCountryWithinSixHours) {
  const MerchantDirectory merchants(World(500));
  const CardLocationModel model(merchants);
  // Transactions 5 h 59 min 59 s apart: the card never leaves the country of its first transaction.
  for (std::uint64_t card = 0; card < 200; ++card) {
    const auto steps = Walk(model, static_cast<CountryIndex>(card % kCardCountryCount), card, 100,
                            [](int, RandomDraws&) { return kMinimumCountryStay - kMicrosPerSecond; });
    for (const auto& step : steps) ASSERT_EQ(step.country, steps.front().country);
  }
  // Exactly 6 hours apart the rule no longer holds the card: it moves as often as it draws a new country.
  int changes = 0;
  for (std::uint64_t card = 0; card < 200; ++card) {
    const auto steps = Walk(model, 0, card, 100, [](int, RandomDraws&) { return kMinimumCountryStay; });
    for (std::size_t i = 1; i < steps.size(); ++i) changes += steps[i].country != steps[i - 1].country;
  }
  // Two independent draws differ with probability 1 - 0.85^2 - 0.1^2 / 2 - ... ~ 0.27 for a US home.
  EXPECT_GT(changes, 200 * 99 / 5);
}

TEST(CardLocationTest, SharesStayStationaryUnderTheRule) {
  const MerchantDirectory merchants(World(500));
  const CardLocationModel model(merchants);
  std::array<int, kLocationTypeCount> shares{};
  int total = 0;
  int blocked_gaps = 0;
  for (std::uint64_t card = 0; card < 400; ++card) {
    const auto home =
        static_cast<CountryIndex>(card % kCardCountryCount == 25 ? 0 : card % kCardCountryCount);
    // Gaps from 1 minute to 12 hours: about half of them fall under the 6-hour rule.
    const auto steps = Walk(model, home, card, 500, [&](int, RandomDraws& draws) {
      const Instant gap = draws.Int(60, 12 * 3600) * kMicrosPerSecond;
      blocked_gaps += gap < kMinimumCountryStay;
      return gap;
    });
    for (const auto& step : steps) ++shares[static_cast<std::size_t>(TypeOf(home, step.country))];
    total += static_cast<int>(steps.size());
  }
  EXPECT_GT(blocked_gaps, total / 3);
  EXPECT_NEAR(100.0 * shares[0] / total, 85.0, 0.5);
  EXPECT_NEAR(100.0 * shares[1] / total, 10.0, 0.5);
  EXPECT_NEAR(100.0 * shares[2] / total, 5.0, 0.5);
}

TEST(CardLocationTest, AddressesAndMerchantsFollowTheCountry) {
  const CardWorldOptions world = World(500);
  const MerchantDirectory merchants(world);
  const CardLocationModel model(merchants);
  int same_country = 0;
  int same_24 = 0;
  int same_16 = 0;
  for (std::uint64_t card = 0; card < 300; ++card) {
    const auto steps = Walk(model, static_cast<CountryIndex>(card % kCardCountryCount), card, 200,
                            [](int, RandomDraws& draws) { return draws.Int(1, 20) * kMicrosPerHour; });
    for (std::size_t i = 0; i < steps.size(); ++i) {
      EXPECT_EQ(MerchantCountry(world, steps[i].merchant), steps[i].country);
      const CardCountry& country = kCardCountries[steps[i].country];
      bool in_country = false;
      for (std::size_t r = 0; r < country.range_count; ++r) {
        in_country |= steps[i].ip >= country.ranges[r].first && steps[i].ip <= country.ranges[r].last;
      }
      // A same-subnet address may leave the country's ranges only through a range's partial /16.
      if (i == 0 || steps[i].country != steps[i - 1].country) {
        EXPECT_TRUE(in_country);
      }
      if (i > 0 && steps[i].country == steps[i - 1].country) {
        ++same_country;
        same_24 += (steps[i].ip >> 8) == (steps[i - 1].ip >> 8);
        same_16 += (steps[i].ip >> 16) == (steps[i - 1].ip >> 16);
      }
    }
  }
  ASSERT_GT(same_country, 30000);
  EXPECT_NEAR(100.0 * same_24 / same_country, 42.0, 1.5);
  EXPECT_NEAR(100.0 * same_16 / same_country, 60.0, 1.5);
}

TEST(CardLocationTest, StartsFromASuppliedState) {
  const MerchantDirectory merchants(World(500));
  const CardLocationModel model(merchants);
  const CountryIndex home = 0;  // United States
  const CountryIndex abroad = *FindCardCountry("Japan");
  const Ipv4 last_ip = (133u << 24) | (5u << 16) | (6u << 8) | 7u;
  const CardLocationState state{abroad, kDefaultSimulationDate, last_ip, true};
  int same_16 = 0;
  for (std::uint64_t card = 0; card < 1000; ++card) {
    RandomStream rng(1, StreamId::kCardTransactions, card);
    RandomDraws draws(rng);
    CardLocation location(model, home, state);
    EXPECT_EQ(location.state().country, abroad);
    const CardLocationStep step = location.Next(kDefaultSimulationDate + kMinimumCountryStay - 1, draws);
    ASSERT_EQ(step.country, abroad);  // less than 6 hours after the supplied transaction
    same_16 += (step.ip >> 16) == (last_ip >> 16);
  }
  EXPECT_NEAR(same_16 / 1000.0, 0.6, 0.05);
  // Later than 6 hours the card goes home 85% of the time.
  int home_count = 0;
  for (std::uint64_t card = 0; card < 1000; ++card) {
    RandomStream rng(2, StreamId::kCardTransactions, card);
    RandomDraws draws(rng);
    CardLocation location(model, home, state);
    home_count += location.Next(kDefaultSimulationDate + kMinimumCountryStay, draws).country == home;
  }
  EXPECT_NEAR(home_count / 1000.0, 0.85, 0.04);
}

// A supplied state in a country without merchants cannot hold the card there: there is nobody to pay.
TEST(CardLocationTest, AStateWithoutMerchantsDoesNotHoldTheCard) {
  const MerchantDirectory merchants(World(1));
  const CardLocationModel model(merchants);
  CountryIndex empty = 0;
  while (merchants.HasMerchants(empty)) ++empty;
  const CardLocationState state{empty, kDefaultSimulationDate, 0x01020304u, true};
  RandomStream rng(3, StreamId::kCardTransactions, 0);
  RandomDraws draws(rng);
  CardLocation location(model, empty, state);
  const CardLocationStep step = location.Next(kDefaultSimulationDate + kMicrosPerSecond, draws);
  EXPECT_TRUE(merchants.HasMerchants(step.country));
  EXPECT_EQ(step.merchant, 0);
}

}  // namespace
}  // namespace synthgen
