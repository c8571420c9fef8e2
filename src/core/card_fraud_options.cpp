// Validation of CardFraudOptions and the fraud counts (see card_fraud_options.hpp).
#include "core/card_fraud_options.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/card_transaction_options.hpp"
#include "core/error.hpp"

namespace synthgen {
namespace {

// floor(count x fraction), computed so that decimal fractions like 0.29 give the exact decimal answer: the
// double nearest a decimal is off by at most 2^-53 of it, which the tolerance (relative, for large counts)
// covers.
std::int64_t FloorProduct(std::int64_t count, double fraction) noexcept {
  const long double product = static_cast<long double>(count) * static_cast<long double>(fraction);
  const auto floor = static_cast<std::int64_t>(std::floor(product + 1e-9L + product * 4e-16L));
  return floor > count ? count : floor;
}

void ValidateFraction(double value, const char* parameter) {
  if (std::isnan(value))
    throw Error(ErrorCode::kInvalidArgument, std::string(parameter) + " must not be NaN");
  if (!(value >= 0.0 && value <= 1.0)) {
    throw Error(ErrorCode::kOutOfRange, std::string(parameter) + " must be between 0 and 1");
  }
}

}  // namespace

CardFraudCounts CountCardFraud(std::int64_t legit_rows, double fraud_rate, double chain_attack_ratio,
                               bool geographic_possible) noexcept {
  CardFraudCounts counts;
  if (legit_rows == 0 || fraud_rate == 0.0) return counts;
  counts.requested = std::max<std::int64_t>(FloorProduct(legit_rows, fraud_rate), 1);
  counts.chain_rows = FloorProduct(counts.requested, chain_attack_ratio);
  const std::int64_t geographic = counts.requested - counts.chain_rows;
  counts.pairs = geographic > 0 && geographic_possible ? std::max<std::int64_t>(geographic / 2, 1) : 0;
  counts.geo_rows = 2 * counts.pairs;
  counts.attacks = counts.chain_rows == 0 ? 0
                   : counts.chain_rows < kChainRowsPerAttack
                       ? 1
                       : (counts.chain_rows + kChainRowsPerAttack - 1) / kChainRowsPerAttack;
  return counts;
}

void CardFraudOptions::Validate() const {
  world.Validate();
  ValidateCardPeriod(world, PeriodStart(), PeriodEnd());
  if (legit_rows < 0) throw Error(ErrorCode::kOutOfRange, "legit_rows must not be negative");
  if (legit_rows > kMaxCardTransactions) {
    throw Error(ErrorCode::kOutOfRange, "legit_rows must be at most " + std::to_string(kMaxCardTransactions));
  }
  ValidateFraction(fraud_rate, "fraud_rate");
  ValidateFraction(chain_attack_ratio, "chain_attack_ratio");
  // The most rows the fraud can take, whichever countries have merchants.
  ValidateTidRange(tid_offset, CountCardFraud(legit_rows, fraud_rate, chain_attack_ratio, true).rows());
}

}  // namespace synthgen
