// The card fraud generator (see card_fraud_generator.hpp).
#include "core/card_fraud_generator.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "core/card_entity_id.hpp"
#include "core/error.hpp"
#include "core/ipv4.hpp"

namespace synthgen {
namespace {

constexpr Instant kChainAttackSpan = 2 * kMicrosPerHour;  // the longest attack
constexpr Instant kGeographicSpan = kMicrosPerHour + 1;   // more than the longest gap

constexpr double kMultipleAddressProbability = 0.3;
constexpr double kBurstProbability = 0.4;

constexpr std::int64_t kGapTiers[3][2] = {{300, 900}, {900, 1800}, {1800, 3600}};

// The valid country pairs of geographic fraud (see card_fraud_generator.hpp).
std::vector<CountryPair> ValidPairs(const MerchantDirectory& merchants) {
  std::vector<CountryPair> pairs;
  for (const CountryPair& pair : kDistantCountryPairs) {
    if (merchants.HasMerchants(pair.first) && merchants.HasMerchants(pair.second)) pairs.push_back(pair);
  }
  if (!pairs.empty()) return pairs;
  for (std::size_t a = 0; a < kCardCountryCount; ++a) {
    for (std::size_t b = a + 1; b < kCardCountryCount; ++b) {
      const auto first = static_cast<CountryIndex>(a);
      const auto second = static_cast<CountryIndex>(b);
      if (merchants.HasMerchants(first) && merchants.HasMerchants(second)) pairs.push_back({first, second});
    }
  }
  return pairs;
}

CardFraudOptions Validated(const CardFraudOptions& options) {
  options.Validate();
  return options;
}

// The offsets (seconds after the start) of an attack's rows, drawn as the original does, then fitted into
// [10, duration - 1] strictly increasing (see card_fraud_generator.hpp).
void DrawChainOffsets(RandomDraws& draws, std::int64_t duration, std::int64_t size, std::int64_t* offsets) {
  std::int64_t previous = 0;
  for (std::int64_t i = 0; i < size; ++i) {
    std::int64_t step;
    if (i > 0 && draws.Chance(kBurstProbability)) {
      step = draws.Int(10, 120);
    } else {
      const std::int64_t remaining = duration - previous;
      step = remaining <= 10 ? draws.Int(5, 30) : draws.Int(10, std::min<std::int64_t>(remaining, 1800));
    }
    previous += step;
    offsets[i] = previous;
  }
  const std::int64_t limit = duration - 1;
  const std::int64_t last = offsets[size - 1];
  if (last <= limit) return;  // steps of at least 5 s: already strictly increasing from at least 10 s
  for (std::int64_t i = 0; i < size; ++i) {
    offsets[i] = offsets[i] * limit / last;
    offsets[i] = std::max(offsets[i], i == 0 ? std::int64_t{10} : offsets[i - 1] + 1);
  }
  // duration >= 600 leaves room for 15 rows after 10 s, so this keeps the first offset at 10 s or more.
  offsets[size - 1] = std::min(offsets[size - 1], limit);
  for (std::int64_t i = size - 1; i > 0; --i) offsets[i - 1] = std::min(offsets[i - 1], offsets[i] - 1);
}

std::int64_t ChainAmountCents(RandomDraws& draws, std::int64_t row) {
  if (row < 2) return draws.UniformCents(1.00, 10.00);
  if (row < 4) return draws.UniformCents(10.00, 25.00);
  return draws.UniformCents(25.00, 49.99);
}

}  // namespace

const char* CardFraudTypeName(CardFraudType type) noexcept {
  return type == CardFraudType::kChainAttack ? "chain_attack" : "geographic";
}

CardFraudCounts CardFraudGenerator::Counts(const CardFraudOptions& options) {
  options.Validate();
  const MerchantDirectory merchants(options.world);
  return CountCardFraud(options.legit_rows, options.fraud_rate, options.chain_attack_ratio,
                        !ValidPairs(merchants).empty());
}

CardFraudGenerator::CardFraudGenerator(const CardFraudOptions& options)
    : options_(Validated(options)),
      merchants_(options_.world),
      pairs_(ValidPairs(merchants_)),
      counts_(CountCardFraud(options_.legit_rows, options_.fraud_rate, options_.chain_attack_ratio,
                             !pairs_.empty())),
      window_seed_(options_.world.seed ^ Mix64(static_cast<std::uint64_t>(options_.PeriodStart()))),
      chain_rows_left_(counts_.chain_rows),
      next_tid_(options_.tid_offset) {
  const Instant window = options_.PeriodEnd() - options_.PeriodStart();
  if (counts_.attacks > 0 && window < kChainAttackSpan) {
    throw Error(ErrorCode::kInvalidArgument,
                "the period from period_start to period_end (by default the window) must span at least 2 hours for chain attacks");
  }
  if (counts_.pairs > 0 && window < kGeographicSpan) {
    throw Error(ErrorCode::kInvalidArgument,
                "the period from period_start to period_end (by default the window) must span more than 1 hour for geographic fraud");
  }
  rows_.reserve(kBatchRows);
}

std::int64_t CardFraudGenerator::DrawCard(RandomDraws& draws, CardRow& card) const {
  const std::int64_t index = draws.Int(0, options_.world.cards - 1);
  card = MakeCard(options_.world, index);
  return index;
}

CardTransaction& CardFraudGenerator::AddRow(CardFraudType type, std::int64_t incident,
                                            std::int64_t card_index, const CardRow& card,
                                            std::int64_t merchant) {
  CardFraudRow& row = rows_.emplace_back();
  row.fraud_type = type;
  row.incident = incident;
  CardTransaction& tx = row.transaction;
  tx.t_id = next_tid_++;
  tx.card = card_index;
  std::memcpy(tx.cc_num, card.cc_num, sizeof tx.cc_num);
  FormatEntityId("ACC_", card.account, tx.account_id);
  FormatEntityId("MERCH_", merchant, tx.merchant_id);
  return tx;
}

void CardFraudGenerator::EmitAttack(std::int64_t attack) {
  RandomStream rng(window_seed_, StreamId::kCardFraud, 2 * static_cast<std::uint64_t>(attack));
  RandomDraws draws(rng);

  // The size: the rest for the last attack, else uniform within what keeps every later attack in [5, 15].
  const std::int64_t later_attacks = counts_.attacks - attack - 1;
  std::int64_t size = chain_rows_left_;
  if (later_attacks > 0) {
    size = draws.Int(std::max(kMinChainAttackRows, chain_rows_left_ - kMaxChainAttackRows * later_attacks),
                     std::min(kMaxChainAttackRows, chain_rows_left_ - kMinChainAttackRows * later_attacks));
  }
  chain_rows_left_ -= size;

  CardRow card;
  const std::int64_t card_index = DrawCard(draws, card);
  const Instant first = std::max(options_.PeriodStart(), card.issue_date);
  const Instant start =
      first +
      draws.Int(0, (options_.PeriodEnd() - kChainAttackSpan - first) / kMicrosPerSecond) * kMicrosPerSecond;
  const std::int64_t duration = draws.Int(600, 7200);
  const auto country = static_cast<CountryIndex>(draws.Int(0, kCardCountryCount - 1));
  const std::int64_t address_count = draws.Chance(kMultipleAddressProbability) ? draws.Int(2, 3) : 1;
  Ipv4 addresses[3];
  for (std::int64_t k = 0; k < address_count; ++k) addresses[k] = DrawAddressInCountry(country, draws);
  std::int64_t offsets[kMaxChainAttackRows];
  DrawChainOffsets(draws, duration, size, offsets);

  for (std::int64_t i = 0; i < size; ++i) {
    const std::int64_t amount = ChainAmountCents(draws, i);
    const std::int64_t merchant = draws.Int(0, options_.world.merchants - 1);
    CardTransaction& tx = AddRow(CardFraudType::kChainAttack, attack, card_index, card, merchant);
    tx.amount_cents = amount;
    tx.ip = addresses[i % address_count];
    tx.card_present = false;
    tx.ts = start + offsets[i] * kMicrosPerSecond;
    tx.country = country;
    std::snprintf(rows_.back().explanation, sizeof rows_.back().explanation,
                  "Chain attack: Multiple small transactions ($%lld.%02lld) in short time period",
                  static_cast<long long>(amount / 100), static_cast<long long>(amount % 100));
  }
}

void CardFraudGenerator::EmitPair(std::int64_t pair) {
  RandomStream rng(window_seed_, StreamId::kCardFraud, 2 * static_cast<std::uint64_t>(pair) + 1);
  RandomDraws draws(rng);

  const CountryPair countries =
      pairs_[static_cast<std::size_t>(draws.Int(0, static_cast<std::int64_t>(pairs_.size()) - 1))];
  const std::int64_t* tier = kGapTiers[draws.Int(0, 2)];
  const std::int64_t gap = draws.Int(tier[0], tier[1]);
  CardRow card;
  const std::int64_t card_index = DrawCard(draws, card);
  // t1 whole seconds after the card window's start, with t1 + gap still before the window's end.
  const Instant first = std::max(options_.PeriodStart(), card.issue_date);
  const std::int64_t latest = (options_.PeriodEnd() - first - gap * kMicrosPerSecond - 1) / kMicrosPerSecond;
  const Instant t1 = first + draws.Int(0, latest) * kMicrosPerSecond;
  const CountryIndex where[2] = {countries.first, countries.second};
  std::int64_t merchant[2];
  for (int k = 0; k < 2; ++k) {
    merchant[k] = merchants_.MerchantIn(
        where[k],
        static_cast<std::size_t>(draws.Int(0, static_cast<std::int64_t>(merchants_.CountIn(where[k])) - 1)));
  }
  std::int64_t amount[2];
  for (auto& cents : amount) cents = DrawTransactionAmountCents(rng);
  Ipv4 address[2];
  for (int k = 0; k < 2; ++k) address[k] = DrawAddressInCountry(where[k], draws);

  const std::string_view name[2] = {kCardCountries[where[0]].name, kCardCountries[where[1]].name};
  for (int k = 0; k < 2; ++k) {
    CardTransaction& tx = AddRow(CardFraudType::kGeographic, pair, card_index, card, merchant[k]);
    tx.amount_cents = amount[k];
    tx.ip = address[k];
    tx.card_present = true;
    tx.ts = t1 + (k == 0 ? 0 : gap * kMicrosPerSecond);
    tx.country = where[k];
    std::snprintf(rows_.back().explanation, sizeof rows_.back().explanation,
                  k == 0 ? "Geographic fraud: Card present transaction in %.*s, followed by card present "
                           "transaction in %.*s only %lld minutes later (impossible travel)"
                         : "Geographic fraud: Card present transaction in %.*s, preceded by card present "
                           "transaction in %.*s only %lld minutes earlier (impossible travel)",
                  static_cast<int>(name[k].size()), name[k].data(), static_cast<int>(name[1 - k].size()),
                  name[1 - k].data(), static_cast<long long>(gap / 60));
  }
}

std::size_t CardFraudGenerator::NextBatch() {
  rows_.clear();
  while (rows_.size() + static_cast<std::size_t>(kMaxChainAttackRows) <= kBatchRows) {
    if (next_attack_ < counts_.attacks) {
      EmitAttack(next_attack_++);
    } else if (next_pair_ < counts_.pairs) {
      EmitPair(next_pair_++);
    } else {
      break;
    }
  }
  return rows_.size();
}

}  // namespace synthgen
