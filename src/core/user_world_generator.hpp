// The user world's pull API: built from validated options, it yields the records of users
// [first_user, first_user + count) in bounded batches, so memory never grows with the row count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/keyed_permutation.hpp"
#include "core/user_history.hpp"
#include "core/user_record.hpp"
#include "core/user_world_options.hpp"

namespace synthgen {

class UserWorldGenerator {
 public:
  static constexpr std::size_t kBatchRecords = 4096;

  // Throws synthgen::Error when the options are invalid.
  explicit UserWorldGenerator(const UserWorldOptions& options);

  // Generates the next whole users; returns the number of records now in records() (0 once every user is
  // out).
  std::size_t NextBatch();
  const UserRecord* records() const noexcept { return records_.data(); }
  std::size_t batch_size() const noexcept { return batch_size_; }

  // The pattern of a user of the world (kNone: legitimate). Fraud users are floor(world_size * fraud_rate),
  // scattered over the world by a keyed permutation and dealt out over the selected patterns in turn.
  FraudPattern PatternOf(std::int64_t user_index) const noexcept;

  // The expected number of records per user, for row estimates.
  static double ExpectedRecordsPerUser(const UserWorldOptions& options) noexcept;

 private:
  UserWorldOptions options_;
  IndexPermutation assignment_;
  std::int64_t fraud_users_;
  std::int64_t next_user_;
  std::int64_t end_user_;
  UserHistory history_;
  std::vector<UserIdentity> identities_;
  std::vector<UserRecord> records_;  // kBatchRecords long; the batch is its first batch_size_
  std::size_t batch_size_ = 0;
  UserRecord scratch_[kMaxRecordsPerUser];  // a whole history, of which legacy mode keeps one record
};

}  // namespace synthgen
