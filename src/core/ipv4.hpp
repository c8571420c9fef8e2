// IPv4 addresses of the card world: drawn inside a country's ranges, or in the subnet of a previous address,
// as the original generator does, and formatted as dotted quads.
#pragma once

#include <cstdint>

#include "core/card_geography.hpp"
#include "core/random_draws.hpp"

namespace synthgen {

using Ipv4 = std::uint32_t;  // host order: 1.2.3.4 is 0x01020304

// One of the country's ranges uniformly (by range, not by size, as the original), then an address uniformly
// inside it, both ends included.
Ipv4 DrawAddressInCountry(CountryIndex country, RandomDraws& draws);

// With probability 0.7 the previous /24 with a last octet in [1, 254]; otherwise the previous /16 with the
// third and fourth octets each in [1, 254].
Ipv4 DrawAddressInSameSubnet(Ipv4 previous, RandomDraws& draws);

// "a.b.c.d", NUL-terminated.
void FormatIpv4(Ipv4 address, char (&out)[16]) noexcept;

}  // namespace synthgen
