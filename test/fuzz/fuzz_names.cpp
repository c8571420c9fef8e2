// libFuzzer target: the core's name lookups on any text the SQL user can pass (FindFraudPattern for patterns,
// FindCardCountry for card_states' country) and the pattern selection that a patterns array fills
// (PatternSelection::TryAdd as the shim calls it, Add as its throwing twin): a lookup finds exactly the
// names of its table, and TryAdd and Add agree on every element.
#include <optional>
#include <string>
#include <string_view>

#include "core/card_geography.hpp"
#include "core/fraud_pattern.hpp"
#include "fuzz_input.hpp"

namespace synthgen::fuzz {
namespace {

constexpr std::string_view kParameters[] = {"patterns", "card_states"};
constexpr std::size_t kMaxElements = 12;

std::string_view kLookupNames[kFraudPatternCount + kCardCountryCount];

void CheckPatternLookup(const std::string& name) {
  const FraudPattern pattern = FindFraudPattern(name.c_str());
  bool listed = false;
  for (std::size_t i = 0; i < kFraudPatternCount; ++i) {
    listed = listed || FraudPatternName(static_cast<FraudPattern>(i)) == std::string_view(name.c_str());
  }
  SYNTHGEN_FUZZ_REQUIRE(listed == (pattern != FraudPattern::kNone));
  if (pattern == FraudPattern::kNone) return;
  SYNTHGEN_FUZZ_REQUIRE(FraudPatternName(pattern) == std::string_view(name.c_str()));
  SYNTHGEN_FUZZ_REQUIRE(FraudPatternName(pattern).size() <= kMaxFraudPatternNameLength);
}

void CheckCountryLookup(const std::string& name) {
  const std::optional<CountryIndex> country = FindCardCountry(name.c_str());
  bool listed = false;
  for (const CardCountry& entry : kCardCountries)
    listed = listed || entry.name == std::string_view(name.c_str());
  SYNTHGEN_FUZZ_REQUIRE(listed == country.has_value());
  if (country) {
    SYNTHGEN_FUZZ_REQUIRE(*country < kCardCountryCount && kCardCountries[*country].name == name.c_str());
  }
}

// One more element of a patterns array: TryAdd accepts exactly what Add accepts, and both selections agree.
void AddToSelections(FraudPattern pattern, PatternSelection& tried, PatternSelection& added) {
  const bool was_selected = tried.Contains(pattern);
  const bool accepted = tried.TryAdd(pattern);
  SYNTHGEN_FUZZ_REQUIRE(accepted == (pattern != FraudPattern::kNone && !was_selected));
  bool threw = false;
  try {
    added.Add(pattern);
  } catch (const Error& error) {
    threw = true;
    SYNTHGEN_FUZZ_REQUIRE(error.code() == ErrorCode::kInvalidArgument);
    const std::string_view message = error.what();
    SYNTHGEN_FUZZ_REQUIRE(message.find("fraud pattern") != std::string_view::npos);
  }
  SYNTHGEN_FUZZ_REQUIRE(threw == !accepted);
  SYNTHGEN_FUZZ_REQUIRE(tried.size() == added.size() && tried.size() <= kFraudPatternCount);
  for (std::size_t i = 0; i < tried.size(); ++i) SYNTHGEN_FUZZ_REQUIRE(tried[i] == added[i]);
  if (accepted) SYNTHGEN_FUZZ_REQUIRE(tried.Contains(pattern) && tried[tried.size() - 1] == pattern);
}

}  // namespace
}  // namespace synthgen::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  using namespace synthgen;
  for (std::size_t i = 0; i < kFraudPatternCount; ++i) {
    fuzz::kLookupNames[i] = FraudPatternName(static_cast<FraudPattern>(i));
  }
  for (std::size_t i = 0; i < kCardCountryCount; ++i)
    fuzz::kLookupNames[kFraudPatternCount + i] = kCardCountries[i].name;
  // Names of values outside the enumeration are empty; All() selects the five in order.
  for (int value = kFraudPatternCount; value < 256; ++value) {
    SYNTHGEN_FUZZ_REQUIRE(FraudPatternName(static_cast<FraudPattern>(value)).empty());
  }
  const PatternSelection all = PatternSelection::All();
  SYNTHGEN_FUZZ_REQUIRE(all.size() == kFraudPatternCount);
  for (std::size_t i = 0; i < kFraudPatternCount; ++i)
    SYNTHGEN_FUZZ_REQUIRE(all[i] == static_cast<FraudPattern>(i));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace synthgen;
  using namespace synthgen::fuzz;
  FuzzInput input(data, size);
  return RunCall(kParameters, [&] {
    PatternSelection tried;
    PatternSelection added;
    for (std::size_t i = 0; i < kMaxElements && !input.exhausted(); ++i) {
      const std::optional<std::string> name = input.NameElement(kLookupNames, std::size(kLookupNames));
      if (!name) continue;  // a NULL element: the shim refuses it before any lookup
      CheckPatternLookup(*name);
      CheckCountryLookup(*name);
      AddToSelections(FindFraudPattern(name->c_str()), tried, added);
    }
  });
}
