// Identifiers and PII of a user, derived from (seed, user index) alone: unique ids through keyed bijections,
// realistic names from compiled-in tables, emails derived from names, phones in one format
// ("+1-NXX-NXX-XXXX").
#pragma once

#include <cstdint>

#include "core/user_record.hpp"

namespace synthgen {

// At most this many records per user; record ids are unique because they permute user * 64 + ordinal.
constexpr int kMaxRecordsPerUser = 64;

void FormatUserId(std::uint64_t seed, std::int64_t user_index, char (&out)[20]) noexcept;
// The key of the record-id permutation for a seed; computed once per world, not once per record.
std::uint64_t RecordIdKey(std::uint64_t seed) noexcept;
// The record ids of a user's records 0..count-1 (count <= kMaxRecordsPerUser), into records[i].record_id:
// "rec_" + 12 hex digits of Permute48(record_id_key, user_index * kMaxRecordsPerUser + i).
void FormatRecordIds(std::uint64_t record_id_key, std::int64_t user_index, int count,
                     UserRecord* records) noexcept;
void MakeIdentity(std::uint64_t seed, std::int64_t user_index, UserIdentity& out) noexcept;

}  // namespace synthgen
