// IPv4 draws and formatting of the card world (see ipv4.hpp).
#include "core/ipv4.hpp"

namespace synthgen {

Ipv4 DrawAddressInCountry(CountryIndex country, RandomDraws& draws) {
  const CardCountry& entry = kCardCountries[country];
  const Ipv4Range& range = entry.ranges[draws.Int(0, static_cast<std::int64_t>(entry.range_count) - 1)];
  return static_cast<Ipv4>(draws.Int(range.first, range.last));
}

Ipv4 DrawAddressInSameSubnet(Ipv4 previous, RandomDraws& draws) {
  if (draws.Chance(0.7)) return (previous & 0xFFFFFF00u) | static_cast<Ipv4>(draws.Int(1, 254));
  const auto third = static_cast<Ipv4>(draws.Int(1, 254));
  const auto fourth = static_cast<Ipv4>(draws.Int(1, 254));
  return (previous & 0xFFFF0000u) | third << 8 | fourth;
}

void FormatIpv4(Ipv4 address, char (&out)[16]) noexcept {
  char* cursor = out;
  for (int shift = 24; shift >= 0; shift -= 8) {
    const unsigned octet = (address >> shift) & 0xFFu;
    if (octet >= 100) *cursor++ = static_cast<char>('0' + octet / 100);
    if (octet >= 10) *cursor++ = static_cast<char>('0' + octet / 10 % 10);
    *cursor++ = static_cast<char>('0' + octet % 10);
    *cursor++ = shift > 0 ? '.' : '\0';
  }
}

}  // namespace synthgen
