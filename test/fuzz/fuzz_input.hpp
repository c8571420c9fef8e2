// Shared by the libFuzzer targets of test/fuzz: a front-to-back decoder that turns the fuzzer's bytes into
// SQL argument values the way the shim reads them (src/pg/*_arguments.cpp), the check that a rejection is a
// documented one, and the invariant check whose violation is a finding.
//
// Encoding (make_corpus.py writes the seed corpus in it). A bigint, double precision or timestamptz starts
// with a tag byte whose low two bits choose: 0 the parameter's SQL default (NULL where the default is NULL),
// 1 an edge value from a fixed table (next byte: its position), 2 a value near a base (bigint: base + int8 x
// 10^(byte mod 13); timestamptz: base + int16 x one of 1 us, 1 s, 1 h, 1 day; double precision: byte / 200),
// 3 a raw little-endian 8-byte value (a timestamptz outside PostgreSQL's range is folded into it). A boolean
// is one byte (its low bit), a text a length byte and that many bytes. An element of an array of names starts
// with a tag too: 0 NULL, 1 a valid name (next byte: its position), 2 a text, 3 a valid name with one change.
// An input that ends early gives every later parameter its default, so the empty input is the call with every
// default.
#pragma once

#include <cctype>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/calendar.hpp"
#include "core/error.hpp"
#include "pg/timestamp_conversion.hpp"

// Stops the run (a libFuzzer finding) when an invariant does not hold, naming it.
#define SYNTHGEN_FUZZ_REQUIRE(condition)                                           \
  do {                                                                             \
    if (!(condition)) ::synthgen::fuzz::Violation(#condition, __FILE__, __LINE__); \
  } while (false)

namespace synthgen::fuzz {

[[noreturn]] inline void Violation(const char* what, const char* file, int line) {
  std::fprintf(stderr, "invariant violated at %s:%d: %s\n", file, line, what);
  std::fflush(stderr);
  __builtin_trap();
}

[[noreturn]] inline void Finding(const char* kind, const std::string& detail) {
  std::fprintf(stderr, "%s: %s\n", kind, detail.c_str());
  std::fflush(stderr);
  __builtin_trap();
}

// a + b, or the int64 extreme it passes (for deriving one argument's neighbourhood from another's).
inline std::int64_t SaturatingAdd(std::int64_t a, std::int64_t b) noexcept {
  std::int64_t sum;
  if (!__builtin_add_overflow(a, b, &sum)) return sum;
  return b < 0 ? std::numeric_limits<std::int64_t>::min() : std::numeric_limits<std::int64_t>::max();
}

// PostgreSQL's timestamptz: microseconds since 2000-01-01, finite values in [kPostgresMinTimestamp,
// kPostgresEndTimestamp) (datatype/timestamp.h), -infinity and infinity as the int64 extremes.
constexpr std::int64_t kPostgresMinTimestamp = -211'813'488'000'000'000LL;
constexpr std::int64_t kPostgresEndTimestamp = 9'223'371'331'200'000'000LL;
constexpr std::int64_t kPostgresMinusInfinity = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kPostgresInfinity = std::numeric_limits<std::int64_t>::max();

// A timestamptz argument as the shim reads it: NULL, infinite (the shim refuses it before the core sees it:
// ReadInstantArgument, ReadCardState), or an instant.
struct TimestampArgument {
  enum class Kind { kNull, kInfinite, kFinite };
  Kind kind = Kind::kNull;
  Instant instant = 0;

  bool refused() const noexcept { return kind == Kind::kInfinite; }
  std::optional<Instant> value() const noexcept {
    return kind == Kind::kFinite ? std::optional<Instant>(instant) : std::nullopt;
  }
};

class FuzzInput {
 public:
  FuzzInput(const std::uint8_t* data, std::size_t size) noexcept : data_(data), size_(size) {}

  bool exhausted() const noexcept { return position_ >= size_; }

  std::uint8_t Byte() noexcept { return exhausted() ? 0 : data_[position_++]; }

  std::uint64_t Raw64() noexcept {
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) value |= static_cast<std::uint64_t>(Byte()) << (8 * i);
    return value;
  }

  // A bigint argument whose SQL default is default_value.
  std::int64_t Bigint(std::int64_t default_value) noexcept {
    const std::optional<std::int64_t> value = NullableBigint(default_value);
    return value ? *value : default_value;
  }

  // A bigint argument whose SQL default is NULL; tag 2 picks a value near `near`.
  std::optional<std::int64_t> NullableBigint(std::int64_t near) noexcept {
    static constexpr std::int64_t kEdges[] = {0,
                                              1,
                                              -1,
                                              2,
                                              3,
                                              5,
                                              6,
                                              64,
                                              65,
                                              4096,
                                              4097,
                                              std::numeric_limits<std::int64_t>::max(),
                                              std::numeric_limits<std::int64_t>::min(),
                                              std::numeric_limits<std::int64_t>::max() - 1,
                                              std::numeric_limits<std::int64_t>::min() + 1,
                                              std::numeric_limits<std::int32_t>::max(),
                                              std::int64_t{1} << 31,
                                              -(std::int64_t{1} << 31),
                                              std::int64_t{1} << 32,
                                              1'000'000,
                                              1'000'001,
                                              99'999'999,
                                              100'000'000,
                                              100'000'001,
                                              999'999'999'999LL,
                                              1'000'000'000'000LL,
                                              1'000'000'000'001LL,
                                              500'000'000'000LL,
                                              std::numeric_limits<std::int64_t>::max() - 1'000'000'000'000LL};
    switch (Tag()) {
      case 0:
        return std::nullopt;
      case 1:
        return kEdges[Byte() % std::size(kEdges)];
      case 2: {
        const auto step = static_cast<std::int8_t>(Byte());
        std::int64_t scale = 1;
        for (int e = Byte() % 13; e > 0; --e) scale *= 10;
        return SaturatingAdd(near, step * scale);
      }
      default:
        return static_cast<std::int64_t>(Raw64());
    }
  }

  // An integer argument (PostgreSQL's int4) whose SQL default is default_value.
  std::int32_t Integer(std::int32_t default_value) noexcept {
    const std::int64_t value = Bigint(default_value);
    return static_cast<std::int32_t>(value);  // the int4 the caller passed: any 32-bit value
  }

  // A double precision argument whose SQL default is default_value.
  double Float8(double default_value) noexcept {
    static constexpr double kEdges[] = {0.0,
                                        -0.0,
                                        1.0,
                                        0.5,
                                        -1.0,
                                        std::numeric_limits<double>::quiet_NaN(),
                                        std::numeric_limits<double>::infinity(),
                                        -std::numeric_limits<double>::infinity(),
                                        std::numeric_limits<double>::min(),
                                        std::numeric_limits<double>::denorm_min(),
                                        -std::numeric_limits<double>::denorm_min(),
                                        std::numeric_limits<double>::max(),
                                        -std::numeric_limits<double>::max(),
                                        1.0 - std::numeric_limits<double>::epsilon() / 2,
                                        1.0 + std::numeric_limits<double>::epsilon(),
                                        0.05,
                                        0.29,
                                        0.9,
                                        0.0001,
                                        1e-12};
    switch (Tag()) {
      case 0:
        return default_value;
      case 1:
        return kEdges[Byte() % std::size(kEdges)];
      case 2:
        return Byte() / 200.0;
      default: {
        const std::uint64_t bits = Raw64();
        double value;
        std::memcpy(&value, &bits, sizeof value);
        return value;
      }
    }
  }

  // A boolean argument whose SQL default is default_value.
  bool Boolean(bool default_value) noexcept { return exhausted() ? default_value : (Byte() & 1) != 0; }

  // A timestamptz argument whose SQL default is default_value.
  TimestampArgument Timestamptz(Instant default_value) noexcept {
    TimestampArgument argument = NullableTimestamptz(default_value);
    if (argument.kind == TimestampArgument::Kind::kNull)
      argument = {TimestampArgument::Kind::kFinite, default_value};
    return argument;
  }

  // A timestamptz argument whose SQL default is NULL; tag 2 picks an instant near `near`.
  TimestampArgument NullableTimestamptz(Instant near) noexcept {
    static constexpr std::int64_t kEdges[] = {
        kPostgresMinusInfinity,
        kPostgresInfinity,
        kPostgresMinTimestamp,
        kPostgresEndTimestamp - 1,
        std::numeric_limits<std::int64_t>::max() - pg::kPostgresEpochInUnixMicros,
        std::numeric_limits<std::int64_t>::max() - pg::kPostgresEpochInUnixMicros + 1,
        0,
        pg::ToPostgresTimestamp(kMinSimulationDate) - 1,
        pg::ToPostgresTimestamp(kMinSimulationDate),
        pg::ToPostgresTimestamp(kMaxSimulationDate),
        pg::ToPostgresTimestamp(kMaxSimulationDate) + 1,
        pg::ToPostgresTimestamp(kDefaultSimulationDate),
        pg::ToPostgresTimestamp(kDefaultSimulationDate - 30 * kMicrosPerDay)};
    switch (Tag()) {
      case 0:
        return {};
      case 1:
        return FromPostgres(kEdges[Byte() % std::size(kEdges)]);
      case 2: {
        static constexpr std::int64_t kUnits[] = {1, kMicrosPerSecond, kMicrosPerHour, kMicrosPerDay};
        const std::int64_t unit = kUnits[Byte() & 3];
        const std::uint8_t low = Byte();
        const auto step = static_cast<std::int16_t>(low | Byte() << 8);
        std::int64_t timestamp;
        if (__builtin_sub_overflow(near, pg::kPostgresEpochInUnixMicros, &timestamp) ||
            __builtin_add_overflow(timestamp, step * unit, &timestamp)) {
          timestamp = 0;
        }
        return FromPostgres(Fold(timestamp));
      }
      default: {
        const auto raw = static_cast<std::int64_t>(Raw64());
        return FromPostgres(raw == kPostgresMinusInfinity || raw == kPostgresInfinity ? raw : Fold(raw));
      }
    }
  }

  // A text value: a length byte, then that many bytes; NUL bytes are dropped (PostgreSQL's text holds none).
  std::string Text() {
    std::string text;
    for (int length = Byte(); length > 0 && !exhausted(); --length) {
      const char c = static_cast<char>(Byte());
      if (c != '\0') text.push_back(c);
    }
    return text;
  }

  // One element of a text array whose valid values are names[0 .. count): NULL (nullopt), a valid name, any
  // text, or a valid name with one change (a byte appended, the last byte dropped, the first letter's case
  // flipped, a space in front).
  std::optional<std::string> NameElement(const std::string_view* names, std::size_t count) {
    switch (Tag()) {
      case 0:
        return std::nullopt;
      case 1:
        return std::string(names[Byte() % count]);
      case 2:
        return Text();
      default: {
        std::string name(names[Byte() % count]);
        switch (Byte() & 3) {
          case 0: {
            const char c = static_cast<char>(Byte());
            if (c != '\0') name.push_back(c);
            break;
          }
          case 1:
            if (!name.empty()) name.pop_back();
            break;
          case 2:
            if (!name.empty()) {
              const auto first = static_cast<unsigned char>(name[0]);
              name[0] = static_cast<char>(std::isupper(first) ? std::tolower(first) : std::toupper(first));
            }
            break;
          default:
            name.insert(name.begin(), ' ');
            break;
        }
        return name;
      }
    }
  }

  // The tag of the next value (0 once the input is exhausted).
  int Tag() noexcept { return Byte() & 3; }

 private:
  static TimestampArgument FromPostgres(std::int64_t timestamp) noexcept {
    if (timestamp == kPostgresMinusInfinity || timestamp == kPostgresInfinity) {
      return {TimestampArgument::Kind::kInfinite, 0};
    }
    return {TimestampArgument::Kind::kFinite, pg::FromPostgresTimestamp(timestamp)};
  }

  // Any int64 mapped onto PostgreSQL's finite timestamps (identity inside the range).
  static std::int64_t Fold(std::int64_t timestamp) noexcept {
    if (timestamp >= kPostgresMinTimestamp && timestamp < kPostgresEndTimestamp) return timestamp;
    const auto span =
        static_cast<std::uint64_t>(kPostgresEndTimestamp) - static_cast<std::uint64_t>(kPostgresMinTimestamp);
    const std::uint64_t offset =
        (static_cast<std::uint64_t>(timestamp) - static_cast<std::uint64_t>(kPostgresMinTimestamp)) % span;
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(kPostgresMinTimestamp) + offset);
  }

  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t position_ = 0;
};

// True when word occurs in text with no letter, digit or underscore right before or after it.
inline bool MentionsWord(std::string_view text, std::string_view word) {
  const auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
  for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    if ((at == 0 || !is_word(text[at - 1])) && (end == text.size() || !is_word(text[end]))) return true;
  }
  return false;
}

// Every SQL parameter name of the functions whose arguments reach the core.
constexpr std::string_view kSqlParameters[] = {"n",
                                               "fraud_rate",
                                               "seed",
                                               "simulation_date",
                                               "legacy",
                                               "patterns",
                                               "first_user",
                                               "world_size",
                                               "merchants",
                                               "banks",
                                               "accounts",
                                               "cards",
                                               "window_start",
                                               "window_end",
                                               "first_merchant",
                                               "first_bank",
                                               "first_account",
                                               "first_card",
                                               "rows",
                                               "tid_offset",
                                               "card_count",
                                               "period_start",
                                               "period_end",
                                               "card_states",
                                               "legit_rows",
                                               "chain_attack_ratio",
                                               "device_rings",
                                               "ip_clusters",
                                               "kiting_cycles",
                                               "kiting_cycle_length"};

// The checks on a synthgen::Error raised for one SQL function's arguments: a rejection code (invalid argument
// or out of range), a message in PostgreSQL's style (non-empty, lower-case start, no trailing period), and no
// parameter named that the function does not have.
template <std::size_t kCount>
void CheckRejection(const Error& error, const std::string_view (&parameters)[kCount]) {
  const std::string_view message = error.what();
  if (error.code() != ErrorCode::kInvalidArgument && error.code() != ErrorCode::kOutOfRange) {
    Finding("rejection with an unexpected code", std::string(message));
  }
  if (message.empty() || std::isupper(static_cast<unsigned char>(message.front())) || message.back() == '.') {
    Finding("rejection message not in PostgreSQL's style", std::string(message));
  }
  for (const std::string_view name : kSqlParameters) {
    if (!MentionsWord(message, name)) continue;
    bool own = false;
    for (const std::string_view parameter : parameters) own = own || parameter == name;
    if (!own) Finding("rejection names a parameter the function does not have", std::string(message));
  }
}

// Runs one call on decoded arguments: a synthgen::Error is the expected rejection (checked as above); any
// other exception is a finding.
template <std::size_t kCount, typename Call>
int RunCall(const std::string_view (&parameters)[kCount], Call&& call) {
  try {
    call();
  } catch (const Error& error) {
    CheckRejection(error, parameters);
  } catch (const std::exception& error) {
    Finding("exception other than synthgen::Error", error.what());
  } catch (...) {
    Finding("exception other than synthgen::Error", "not a std::exception");
  }
  return 0;
}

// A chunk of users (options with first_user and count, count >= 2) split in two at a point drawn from
// split_choice: [first_user, first_user + k) and [first_user + k, first_user + count), for chunk-invariance checks.
template <typename Options>
std::pair<Options, Options> SplitChunk(const Options& chunk, std::uint8_t split_choice) {
  const std::int64_t k = 1 + split_choice % (chunk.count - 1);
  Options head = chunk;
  head.count = k;
  Options tail = chunk;
  tail.first_user = chunk.first_user + k;
  tail.count = chunk.count - k;
  return {head, tail};
}

}  // namespace synthgen::fuzz
