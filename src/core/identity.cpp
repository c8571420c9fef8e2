// Identity derivation (see identity.hpp).
#include "core/identity.hpp"

#include <cstring>
#include <string_view>

#include "core/keyed_permutation.hpp"
#include "core/random_stream.hpp"
#include "core/reference_names.hpp"

namespace synthgen {
namespace {

// Writes prefix + 12 lower-case hex digits of a 48-bit value.
void FormatHexId(std::string_view prefix, std::uint64_t value, char (&out)[20]) noexcept {
  static constexpr char kHex[] = "0123456789abcdef";
  std::memcpy(out, prefix.data(), prefix.size());
  char* digits = out + prefix.size();
  for (int i = 11; i >= 0; --i) {
    digits[i] = kHex[value & 0xf];
    value >>= 4;
  }
  digits[12] = '\0';
}

// A small appender over a fixed buffer; it truncates rather than overflow.
class FixedWriter {
 public:
  FixedWriter(char* buffer, std::size_t capacity) noexcept : buffer_(buffer), capacity_(capacity) {}
  void Append(std::string_view text) noexcept {
    for (char c : text) Put(c);
  }
  void AppendLower(std::string_view text) noexcept {
    for (char c : text) Put(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  void AppendDigits(std::uint64_t value, int width) noexcept {
    char digits[20];
    for (int i = width - 1; i >= 0; --i) {
      digits[i] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
    Append(std::string_view(digits, static_cast<std::size_t>(width)));
  }
  void Finish() noexcept { buffer_[length_] = '\0'; }

 private:
  void Put(char c) noexcept {
    if (length_ + 1 < capacity_) buffer_[length_++] = c;
  }
  char* buffer_;
  std::size_t capacity_;
  std::size_t length_ = 0;
};

std::uint64_t Below(RandomStream& rng, std::uint64_t bound) noexcept {
  // Lemire's multiply-shift reduction; the bias for the small bounds used here is below 2^-50.
  return static_cast<std::uint64_t>((static_cast<unsigned __int128>(rng()) * bound) >> 64);
}

}  // namespace

void FormatUserId(std::uint64_t seed, std::int64_t user_index, char (&out)[20]) noexcept {
  FormatHexId("user_",
              Permute48(StreamKey(seed, StreamId::kUserIdKey), static_cast<std::uint64_t>(user_index)), out);
}

std::uint64_t RecordIdKey(std::uint64_t seed) noexcept { return StreamKey(seed, StreamId::kRecordIdKey); }

void FormatRecordIds(std::uint64_t record_id_key, std::int64_t user_index, int count,
                     UserRecord* records) noexcept {
  static_assert(kMaxRecordsPerUser <= kPermute48RunMax, "a user's record ids must fit in one run");
  std::uint64_t values[kMaxRecordsPerUser];
  Permute48Run(record_id_key, static_cast<std::uint64_t>(user_index) * kMaxRecordsPerUser, count, values);
  for (int i = 0; i < count; ++i) FormatHexId("rec_", values[i], records[i].record_id);
}

void MakeIdentity(std::uint64_t seed, std::int64_t user_index, UserIdentity& out) noexcept {
  RandomStream rng(seed, StreamId::kIdentity, static_cast<std::uint64_t>(user_index));
  FormatUserId(seed, user_index, out.user_id);

  const std::string_view first = kFirstNames[Below(rng, kFirstNameCount)];
  const std::string_view last = kLastNames[Below(rng, kLastNameCount)];
  FixedWriter name(out.full_name, sizeof out.full_name);
  name.Append(first);
  name.Append(" ");
  name.Append(last);
  name.Finish();

  FixedWriter email(out.email, sizeof out.email);
  email.AppendLower(first);
  email.Append(".");
  email.AppendLower(last);
  email.AppendDigits(Below(rng, 1000), 3);
  email.Append("@");
  email.Append(kEmailDomains[Below(rng, kEmailDomainCount)]);
  email.Finish();

  // North American numbering: area code and exchange start with 2-9.
  FixedWriter phone(out.phone, sizeof out.phone);
  phone.Append("+1-");
  phone.AppendDigits(200 + Below(rng, 800), 3);
  phone.Append("-");
  phone.AppendDigits(200 + Below(rng, 800), 3);
  phone.Append("-");
  phone.AppendDigits(Below(rng, 10000), 4);
  phone.Finish();
}

}  // namespace synthgen
