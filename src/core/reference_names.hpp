// Compiled-in reference tables for synthetic identities: first names, last names and email domains.
#pragma once
#include <cstddef>
#include <string_view>
namespace synthgen {
extern const std::string_view kFirstNames[];
extern const std::size_t kFirstNameCount;
extern const std::string_view kLastNames[];
extern const std::size_t kLastNameCount;
extern const std::string_view kEmailDomains[];
extern const std::size_t kEmailDomainCount;
}  // namespace synthgen
