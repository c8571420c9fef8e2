// The user world generator (see user_world_generator.hpp).
#include "core/user_world_generator.hpp"

#include "core/identity.hpp"
#include "core/random_stream.hpp"

namespace synthgen {
namespace {

const UserWorldOptions& Validated(const UserWorldOptions& options) {
  options.Validate();
  return options;
}

// Mean records per user of each pattern, measured over 100,000 users each (legitimate first).
constexpr double kMeanRecords[kFraudPatternCount] = {30.0, 11.8, 14.8, 37.8, 11.8};
constexpr double kMeanLegitimateRecords = 9.0;

}  // namespace

UserWorldGenerator::UserWorldGenerator(const UserWorldOptions& options)
    : options_(Validated(options)),
      assignment_(StreamKey(options.seed, StreamId::kFraudAssignment),
                  static_cast<std::uint64_t>(options.EffectiveWorldSize())),
      fraud_users_(options.FraudUserCount()),
      next_user_(options.first_user),
      end_user_(options.first_user + options.count),
      history_(options) {
  identities_.resize(kBatchRecords);
  records_.resize(kBatchRecords);
}

FraudPattern UserWorldGenerator::PatternOf(std::int64_t user_index) const noexcept {
  const auto rank = static_cast<std::int64_t>(assignment_(static_cast<std::uint64_t>(user_index)));
  if (rank >= fraud_users_) return FraudPattern::kNone;
  return options_.patterns[static_cast<std::size_t>(rank) % options_.patterns.size()];
}

std::size_t UserWorldGenerator::NextBatch() {
  batch_size_ = 0;
  std::size_t users = 0;
  while (next_user_ < end_user_ && batch_size_ + kMaxRecordsPerUser <= kBatchRecords) {
    const std::int64_t user = next_user_++;
    UserIdentity& identity = identities_[users++];
    MakeIdentity(options_.seed, user, identity);
    if (options_.legacy) {
      // One record per user: the fraud event of a fraud user, the latest record of a legitimate one.
      const int n = history_.Build(user, PatternOf(user), &identity, scratch_);
      int keep = n - 1;
      for (int i = 0; i < n; ++i) {
        if (scratch_[i].is_fraud_event) keep = i;
      }
      records_[batch_size_] = scratch_[keep];
      records_[batch_size_++].sequence_number = 1;
    } else {
      // Built in place: the loop condition leaves room for a whole history.
      batch_size_ += static_cast<std::size_t>(
          history_.Build(user, PatternOf(user), &identity, records_.data() + batch_size_));
    }
  }
  return batch_size_;
}

double UserWorldGenerator::ExpectedRecordsPerUser(const UserWorldOptions& options) noexcept {
  if (options.legacy) return 1.0;
  const std::int64_t world = options.EffectiveWorldSize();
  if (world <= 0 || options.patterns.size() == 0) return kMeanLegitimateRecords;
  double fraud_mean = 0.0;
  for (std::size_t i = 0; i < options.patterns.size(); ++i) {
    fraud_mean += kMeanRecords[static_cast<std::size_t>(options.patterns[i])];
  }
  fraud_mean /= static_cast<double>(options.patterns.size());
  const double fraud_share = static_cast<double>(options.FraudUserCount()) / static_cast<double>(world);
  return (1.0 - fraud_share) * kMeanLegitimateRecords + fraud_share * fraud_mean;
}

}  // namespace synthgen
