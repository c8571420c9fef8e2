// Simulates one user's transaction history: the timeline each pattern prescribes, a balance that evolves from
// income and spending, and every behavioural field computed from the user's own records (see README,
// "Model").
#pragma once

#include <cstdint>

#include "core/identity.hpp"
#include "core/user_record.hpp"
#include "core/user_world_options.hpp"

namespace synthgen {

class UserHistory {
 public:
  explicit UserHistory(const UserWorldOptions& options) noexcept
      : seed_(options.seed),
        record_id_key_(RecordIdKey(options.seed)),
        simulation_date_(options.simulation_date) {}

  // Writes the user's records, in time order, to out[0..n) and returns n (1 <= n <= kMaxRecordsPerUser).
  // pattern is kNone for a legitimate user.
  int Build(std::int64_t user_index, FraudPattern pattern, const UserIdentity* identity,
            UserRecord* out) const;

 private:
  std::uint64_t seed_;
  std::uint64_t record_id_key_;
  Instant simulation_date_;
};

}  // namespace synthgen
