// Compiled-in reference tables for US-style postal addresses: street names, street suffixes, and cities with
// their state codes.
#pragma once

#include <cstddef>
#include <string_view>

namespace synthgen {

struct UsCity {
  std::string_view name;
  std::string_view state;  // two-letter USPS code
};

extern const std::string_view kStreetNames[];
extern const std::size_t kStreetNameCount;
extern const std::string_view kStreetSuffixes[];
extern const std::size_t kStreetSuffixCount;
extern const UsCity kUsCities[];
extern const std::size_t kUsCityCount;

}  // namespace synthgen
