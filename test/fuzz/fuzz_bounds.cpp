// libFuzzer target: the shared bounds checks, each against an exact reference computed in 128-bit integers
// from its header's contract: ValidateWorldChunk and ValidateSimulationDate (world_bounds.hpp),
// ValidateCardPeriod and ValidateTidRange (card_transaction_options.hpp, count >= 0 as every caller passes
// it), and the documented relations of CountCardFraud (card_fraud_options.hpp) and
// UserWorldOptions::FraudUserCount.
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "core/card_fraud_options.hpp"
#include "core/card_transaction_options.hpp"
#include "core/user_world_options.hpp"
#include "core/world_bounds.hpp"
#include "fuzz_input.hpp"

namespace synthgen::fuzz {
namespace {

constexpr std::string_view kParameters[] = {
    "n",          "first_user", "world_size", "simulation_date", "period_start",
    "period_end", "window_end", "tid_offset"};

using Wide = __int128;

// Runs check(); true if it accepted, false if it threw synthgen::Error (checked as CheckRejection does, with
// the documented code if there is one, naming one of the expected parameters).
template <typename Check, std::size_t kCount>
bool Accepts(Check&& check, std::optional<ErrorCode> code, const std::string_view (&names)[kCount]) {
  try {
    check();
    return true;
  } catch (const Error& error) {
    CheckRejection(error, names);
    SYNTHGEN_FUZZ_REQUIRE(!code || error.code() == *code);
    bool named = false;
    for (const std::string_view name : names) named = named || MentionsWord(error.what(), name);
    SYNTHGEN_FUZZ_REQUIRE(named);
    return false;
  }
}

void CheckWorldChunk(std::int64_t count, std::int64_t first_user,
                     const std::optional<std::int64_t>& world_size) {
  constexpr std::string_view kNames[] = {"n", "first_user", "world_size"};
  const Wide end = Wide{first_user} + count;
  const Wide world = world_size ? Wide{*world_size} : end;
  const bool expected = count >= 0 && count <= kMaxWorldSize && first_user >= 0 &&
                        (!world_size || (*world_size >= 0 && *world_size <= kMaxWorldSize)) &&
                        end <= kMaxWorldSize && end <= world;
  const bool accepted =
      Accepts([&] { ValidateWorldChunk(count, first_user, world_size); }, ErrorCode::kOutOfRange, kNames);
  SYNTHGEN_FUZZ_REQUIRE(accepted == expected);
}

void CheckSimulationDate(Instant date) {
  constexpr std::string_view kNames[] = {"simulation_date"};
  const bool expected = date >= kMinSimulationDate && date <= kMaxSimulationDate;
  SYNTHGEN_FUZZ_REQUIRE(Accepts([&] { ValidateSimulationDate(date); }, ErrorCode::kOutOfRange, kNames) ==
                        expected);
}

void CheckCardPeriod(Instant window_end, Instant start, Instant end) {
  constexpr std::string_view kNames[] = {"period_start", "period_end", "window_end"};
  CardWorldOptions world;
  world.end_date = window_end;
  const auto in_years = [](Instant t) { return t >= kMinSimulationDate && t <= kMaxSimulationDate; };
  const bool expected = in_years(start) && in_years(end) && end > start && end >= window_end;
  SYNTHGEN_FUZZ_REQUIRE(Accepts([&] { ValidateCardPeriod(world, start, end); }, std::nullopt, kNames) ==
                        expected);
}

void CheckTidRange(std::int64_t offset, std::int64_t count) {
  constexpr std::string_view kNames[] = {"tid_offset"};
  const bool expected = offset >= 0 && Wide{offset} + count <= std::numeric_limits<std::int64_t>::max();
  SYNTHGEN_FUZZ_REQUIRE(Accepts([&] { ValidateTidRange(offset, count); }, ErrorCode::kOutOfRange, kNames) ==
                        expected);
}

void CheckFraudCounts(std::int64_t legit_rows, double fraud_rate, double chain_attack_ratio,
                      bool geographic) {
  const CardFraudCounts counts = CountCardFraud(legit_rows, fraud_rate, chain_attack_ratio, geographic);
  if (legit_rows == 0 || fraud_rate == 0.0) {
    SYNTHGEN_FUZZ_REQUIRE(counts.requested == 0 && counts.rows() == 0 && counts.attacks == 0 &&
                          counts.pairs == 0);
    return;
  }
  const long double product = static_cast<long double>(legit_rows) * fraud_rate;
  SYNTHGEN_FUZZ_REQUIRE(counts.requested >= 1 && counts.requested <= legit_rows);
  SYNTHGEN_FUZZ_REQUIRE(counts.requested == 1 ||
                        std::fabs(static_cast<long double>(counts.requested) - product) <= 1.0L);
  SYNTHGEN_FUZZ_REQUIRE(counts.chain_rows >= 0 && counts.chain_rows <= counts.requested);
  const std::int64_t geographic_rows = counts.requested - counts.chain_rows;
  const std::int64_t pairs =
      geographic_rows > 0 && geographic ? std::max<std::int64_t>(geographic_rows / 2, 1) : 0;
  SYNTHGEN_FUZZ_REQUIRE(counts.pairs == pairs && counts.geo_rows == 2 * pairs);
  const std::int64_t attacks = counts.chain_rows == 0                    ? 0
                               : counts.chain_rows < kChainRowsPerAttack ? 1
                                                                         : (counts.chain_rows + 9) / 10;
  SYNTHGEN_FUZZ_REQUIRE(counts.attacks == attacks);
}

void CheckFraudUserCount(std::int64_t world, double fraud_rate) {
  UserWorldOptions options;
  options.count = world;
  options.fraud_rate = fraud_rate;
  const std::int64_t fraud = options.FraudUserCount();
  SYNTHGEN_FUZZ_REQUIRE(fraud >= 0 && fraud <= world);
  const long double product = static_cast<long double>(world) * fraud_rate;
  SYNTHGEN_FUZZ_REQUIRE(std::fabs(static_cast<long double>(fraud) - product) <= 1.0L);
}

// A fraction in [0, 1], the range the options accept: the value itself when it lies there, else one derived
// from it.
double Fraction(double value) {
  if (value >= 0.0 && value <= 1.0) return value;
  return std::isfinite(value) ? std::fmod(std::fabs(value), 1.0) : 0.5;
}

}  // namespace
}  // namespace synthgen::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace synthgen;
  using namespace synthgen::fuzz;
  FuzzInput input(data, size);
  const std::int64_t count = input.Bigint(10);
  const std::int64_t first_user = input.Bigint(0);
  const std::optional<std::int64_t> world_size = input.NullableBigint(SaturatingAdd(first_user, count));
  const TimestampArgument date = input.Timestamptz(kDefaultSimulationDate);
  const TimestampArgument window_end = input.Timestamptz(kDefaultSimulationDate);
  const TimestampArgument start = input.Timestamptz(kDefaultSimulationDate - 30 * kMicrosPerDay);
  const TimestampArgument end = input.Timestamptz(kDefaultSimulationDate);
  const std::int64_t offset = input.Bigint(0);
  const std::int64_t tid_count = input.Bigint(500'000);
  const std::int64_t legit_rows = input.Bigint(500'000);
  const double fraud_rate = input.Float8(0.0001);
  const double chain_attack_ratio = input.Float8(0.9);
  const bool geographic = input.Boolean(true);
  return RunCall(kParameters, [&] {
    CheckWorldChunk(count, first_user, world_size);
    if (!date.refused()) CheckSimulationDate(date.instant);
    if (!window_end.refused() && !start.refused() && !end.refused()) {
      CheckCardPeriod(window_end.instant, start.instant, end.instant);
    }
    if (tid_count >= 0) CheckTidRange(offset, tid_count);
    if (legit_rows >= 0 && legit_rows <= kMaxCardTransactions) {
      CheckFraudCounts(legit_rows, Fraction(fraud_rate), Fraction(chain_attack_ratio), geographic);
    }
    if (count >= 0 && count <= kMaxWorldSize) CheckFraudUserCount(count, Fraction(fraud_rate));
  });
}
