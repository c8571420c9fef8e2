// The credit-card world's geography tables (see card_geography.hpp), transcribed from the original generator:
// IPv4 ranges in its COUNTRY_IP_RANGES order, home weights, NEIGHBORING_COUNTRIES, merchant and bank country
// order, distant pairs and merchant categories.
#include "core/card_geography.hpp"

#include <iterator>

namespace synthgen {
namespace {

constexpr std::uint32_t Ip(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
  return a << 24 | b << 16 | c << 8 | d;
}

template <std::size_t kRanges, std::size_t kNeighbours>
constexpr CardCountry Country(std::string_view name, double home_weight, const Ipv4Range (&ranges)[kRanges],
                              const CountryIndex (&neighbours)[kNeighbours]) {
  return CardCountry{name, home_weight, ranges, kRanges, neighbours, kNeighbours};
}

// A country without neighbours.
template <std::size_t kRanges>
constexpr CardCountry Country(std::string_view name, double home_weight, const Ipv4Range (&ranges)[kRanges]) {
  return CardCountry{name, home_weight, ranges, kRanges, nullptr, 0};
}

// The tables are packed several entries per line; keep clang-format from splitting them.
// clang-format off

// Positions in kCardCountries (the original's IP-table order).
enum : CountryIndex {
  kUnitedStates, kUnitedKingdom, kGermany, kFrance, kChina, kJapan, kIndia, kCanada, kAustralia, kBrazil,
  kRussia, kSouthKorea, kMexico, kSpain, kItaly, kNetherlands, kIndonesia, kSaudiArabia, kTurkey, kTaiwan,
  kBelgium, kArgentina, kThailand, kIsrael, kPoland, kNigeria,
};

// Inclusive ranges in the original's order (the comment gives their count). Many overlap between countries.
constexpr Ipv4Range kUnitedStatesRanges[] = {  // 18
  {Ip(8, 0, 0, 0), Ip(8, 255, 255, 255)}, {Ip(12, 0, 0, 0), Ip(12, 255, 255, 255)},
  {Ip(24, 0, 0, 0), Ip(24, 255, 255, 255)}, {Ip(50, 0, 0, 0), Ip(50, 127, 255, 255)},
  {Ip(66, 0, 0, 0), Ip(66, 255, 255, 255)}, {Ip(67, 0, 0, 0), Ip(67, 255, 255, 255)},
  {Ip(68, 0, 0, 0), Ip(68, 255, 255, 255)}, {Ip(69, 0, 0, 0), Ip(69, 255, 255, 255)},
  {Ip(71, 0, 0, 0), Ip(71, 255, 255, 255)}, {Ip(74, 0, 0, 0), Ip(74, 255, 255, 255)},
  {Ip(75, 0, 0, 0), Ip(75, 255, 255, 255)}, {Ip(76, 0, 0, 0), Ip(76, 255, 255, 255)},
  {Ip(96, 0, 0, 0), Ip(96, 255, 255, 255)}, {Ip(98, 0, 0, 0), Ip(98, 255, 255, 255)},
  {Ip(99, 0, 0, 0), Ip(99, 255, 255, 255)}, {Ip(104, 0, 0, 0), Ip(104, 255, 255, 255)},
  {Ip(107, 0, 0, 0), Ip(107, 255, 255, 255)}, {Ip(108, 0, 0, 0), Ip(108, 255, 255, 255)},
};
constexpr Ipv4Range kUnitedKingdomRanges[] = {  // 5
  {Ip(81, 0, 0, 0), Ip(81, 255, 255, 255)}, {Ip(86, 0, 0, 0), Ip(86, 255, 255, 255)},
  {Ip(90, 0, 0, 0), Ip(90, 255, 255, 255)}, {Ip(92, 0, 0, 0), Ip(92, 255, 255, 255)},
  {Ip(94, 0, 0, 0), Ip(94, 255, 255, 255)},
};
constexpr Ipv4Range kGermanyRanges[] = {  // 3
  {Ip(46, 0, 0, 0), Ip(46, 255, 255, 255)}, {Ip(78, 0, 0, 0), Ip(78, 255, 255, 255)},
  {Ip(91, 0, 0, 0), Ip(91, 255, 255, 255)},
};
constexpr Ipv4Range kFranceRanges[] = {  // 4
  {Ip(80, 0, 0, 0), Ip(80, 255, 255, 255)}, {Ip(82, 0, 0, 0), Ip(82, 255, 255, 255)},
  {Ip(88, 0, 0, 0), Ip(88, 255, 255, 255)}, {Ip(90, 0, 0, 0), Ip(90, 127, 255, 255)},
};
constexpr Ipv4Range kChinaRanges[] = {  // 19
  {Ip(1, 0, 0, 0), Ip(1, 63, 255, 255)}, {Ip(27, 0, 0, 0), Ip(27, 255, 255, 255)},
  {Ip(36, 0, 0, 0), Ip(36, 127, 255, 255)}, {Ip(58, 0, 0, 0), Ip(58, 255, 255, 255)},
  {Ip(106, 0, 0, 0), Ip(106, 255, 255, 255)}, {Ip(110, 0, 0, 0), Ip(110, 255, 255, 255)},
  {Ip(111, 0, 0, 0), Ip(111, 255, 255, 255)}, {Ip(112, 0, 0, 0), Ip(112, 255, 255, 255)},
  {Ip(113, 0, 0, 0), Ip(113, 255, 255, 255)}, {Ip(114, 0, 0, 0), Ip(114, 255, 255, 255)},
  {Ip(115, 0, 0, 0), Ip(115, 255, 255, 255)}, {Ip(116, 0, 0, 0), Ip(116, 255, 255, 255)},
  {Ip(117, 0, 0, 0), Ip(117, 127, 255, 255)}, {Ip(118, 0, 0, 0), Ip(118, 255, 255, 255)},
  {Ip(119, 0, 0, 0), Ip(119, 255, 255, 255)}, {Ip(120, 0, 0, 0), Ip(120, 255, 255, 255)},
  {Ip(121, 0, 0, 0), Ip(121, 255, 255, 255)}, {Ip(122, 0, 0, 0), Ip(122, 255, 255, 255)},
  {Ip(123, 0, 0, 0), Ip(123, 255, 255, 255)},
};
constexpr Ipv4Range kJapanRanges[] = {  // 6
  {Ip(60, 0, 0, 0), Ip(60, 255, 255, 255)}, {Ip(61, 0, 0, 0), Ip(61, 255, 255, 255)},
  {Ip(126, 0, 0, 0), Ip(126, 255, 255, 255)}, {Ip(133, 0, 0, 0), Ip(133, 255, 255, 255)},
  {Ip(210, 0, 0, 0), Ip(210, 255, 255, 255)}, {Ip(211, 0, 0, 0), Ip(211, 255, 255, 255)},
};
constexpr Ipv4Range kIndiaRanges[] = {  // 3
  {Ip(14, 0, 0, 0), Ip(14, 255, 255, 255)}, {Ip(49, 0, 0, 0), Ip(49, 255, 255, 255)},
  {Ip(117, 128, 0, 0), Ip(117, 255, 255, 255)},
};
constexpr Ipv4Range kCanadaRanges[] = {  // 4
  {Ip(70, 0, 0, 0), Ip(70, 255, 255, 255)}, {Ip(72, 0, 0, 0), Ip(72, 255, 255, 255)},
  {Ip(142, 0, 0, 0), Ip(142, 255, 255, 255)}, {Ip(184, 0, 0, 0), Ip(184, 127, 255, 255)},
};
constexpr Ipv4Range kAustraliaRanges[] = {  // 4
  {Ip(1, 128, 0, 0), Ip(1, 159, 255, 255)}, {Ip(27, 32, 0, 0), Ip(27, 47, 255, 255)},
  {Ip(101, 0, 0, 0), Ip(101, 255, 255, 255)}, {Ip(103, 0, 0, 0), Ip(103, 127, 255, 255)},
};
constexpr Ipv4Range kBrazilRanges[] = {  // 5
  {Ip(177, 0, 0, 0), Ip(177, 255, 255, 255)}, {Ip(179, 0, 0, 0), Ip(179, 255, 255, 255)},
  {Ip(186, 0, 0, 0), Ip(186, 255, 255, 255)}, {Ip(189, 0, 0, 0), Ip(189, 255, 255, 255)},
  {Ip(191, 0, 0, 0), Ip(191, 255, 255, 255)},
};
constexpr Ipv4Range kRussiaRanges[] = {  // 23
  {Ip(5, 0, 0, 0), Ip(5, 255, 255, 255)}, {Ip(31, 0, 0, 0), Ip(31, 255, 255, 255)},
  {Ip(37, 0, 0, 0), Ip(37, 127, 255, 255)}, {Ip(46, 0, 0, 0), Ip(46, 255, 255, 255)},
  {Ip(77, 0, 0, 0), Ip(77, 127, 255, 255)}, {Ip(78, 0, 0, 0), Ip(78, 127, 255, 255)},
  {Ip(79, 0, 0, 0), Ip(79, 127, 255, 255)}, {Ip(80, 0, 0, 0), Ip(80, 127, 255, 255)},
  {Ip(81, 0, 0, 0), Ip(81, 127, 255, 255)}, {Ip(82, 0, 0, 0), Ip(82, 127, 255, 255)},
  {Ip(83, 0, 0, 0), Ip(83, 127, 255, 255)}, {Ip(84, 0, 0, 0), Ip(84, 127, 255, 255)},
  {Ip(85, 0, 0, 0), Ip(85, 127, 255, 255)}, {Ip(86, 0, 0, 0), Ip(86, 127, 255, 255)},
  {Ip(87, 0, 0, 0), Ip(87, 127, 255, 255)}, {Ip(88, 0, 0, 0), Ip(88, 127, 255, 255)},
  {Ip(89, 0, 0, 0), Ip(89, 127, 255, 255)}, {Ip(90, 0, 0, 0), Ip(90, 127, 255, 255)},
  {Ip(91, 0, 0, 0), Ip(91, 127, 255, 255)}, {Ip(92, 0, 0, 0), Ip(92, 127, 255, 255)},
  {Ip(93, 0, 0, 0), Ip(93, 127, 255, 255)}, {Ip(94, 0, 0, 0), Ip(94, 127, 255, 255)},
  {Ip(95, 0, 0, 0), Ip(95, 127, 255, 255)},
};
constexpr Ipv4Range kSouthKoreaRanges[] = {  // 18
  {Ip(1, 224, 0, 0), Ip(1, 255, 255, 255)}, {Ip(14, 0, 0, 0), Ip(14, 127, 255, 255)},
  {Ip(27, 0, 0, 0), Ip(27, 127, 255, 255)}, {Ip(58, 0, 0, 0), Ip(58, 127, 255, 255)},
  {Ip(59, 0, 0, 0), Ip(59, 127, 255, 255)}, {Ip(60, 0, 0, 0), Ip(60, 127, 255, 255)},
  {Ip(61, 0, 0, 0), Ip(61, 127, 255, 255)}, {Ip(106, 0, 0, 0), Ip(106, 127, 255, 255)},
  {Ip(110, 0, 0, 0), Ip(110, 127, 255, 255)}, {Ip(112, 0, 0, 0), Ip(112, 127, 255, 255)},
  {Ip(114, 0, 0, 0), Ip(114, 127, 255, 255)}, {Ip(115, 0, 0, 0), Ip(115, 127, 255, 255)},
  {Ip(116, 0, 0, 0), Ip(116, 127, 255, 255)}, {Ip(117, 0, 0, 0), Ip(117, 127, 255, 255)},
  {Ip(118, 0, 0, 0), Ip(118, 127, 255, 255)}, {Ip(119, 0, 0, 0), Ip(119, 127, 255, 255)},
  {Ip(121, 0, 0, 0), Ip(121, 255, 255, 255)}, {Ip(175, 0, 0, 0), Ip(175, 255, 255, 255)},
};
constexpr Ipv4Range kMexicoRanges[] = {  // 3
  {Ip(187, 0, 0, 0), Ip(187, 255, 255, 255)}, {Ip(189, 0, 0, 0), Ip(189, 255, 255, 255)},
  {Ip(201, 0, 0, 0), Ip(201, 255, 255, 255)},
};
constexpr Ipv4Range kSpainRanges[] = {  // 6
  {Ip(80, 0, 0, 0), Ip(80, 127, 255, 255)}, {Ip(81, 0, 0, 0), Ip(81, 127, 255, 255)},
  {Ip(83, 0, 0, 0), Ip(83, 255, 255, 255)}, {Ip(84, 0, 0, 0), Ip(84, 255, 255, 255)},
  {Ip(85, 0, 0, 0), Ip(85, 127, 255, 255)}, {Ip(88, 0, 0, 0), Ip(88, 127, 255, 255)},
};
constexpr Ipv4Range kItalyRanges[] = {  // 7
  {Ip(79, 0, 0, 0), Ip(79, 255, 255, 255)}, {Ip(80, 0, 0, 0), Ip(80, 127, 255, 255)},
  {Ip(81, 0, 0, 0), Ip(81, 127, 255, 255)}, {Ip(82, 0, 0, 0), Ip(82, 127, 255, 255)},
  {Ip(87, 0, 0, 0), Ip(87, 255, 255, 255)}, {Ip(93, 0, 0, 0), Ip(93, 255, 255, 255)},
  {Ip(151, 0, 0, 0), Ip(151, 255, 255, 255)},
};
constexpr Ipv4Range kNetherlandsRanges[] = {  // 10
  {Ip(77, 0, 0, 0), Ip(77, 255, 255, 255)}, {Ip(80, 0, 0, 0), Ip(80, 127, 255, 255)},
  {Ip(81, 0, 0, 0), Ip(81, 127, 255, 255)}, {Ip(82, 0, 0, 0), Ip(82, 127, 255, 255)},
  {Ip(83, 0, 0, 0), Ip(83, 127, 255, 255)}, {Ip(84, 0, 0, 0), Ip(84, 127, 255, 255)},
  {Ip(85, 0, 0, 0), Ip(85, 127, 255, 255)}, {Ip(86, 0, 0, 0), Ip(86, 127, 255, 255)},
  {Ip(145, 0, 0, 0), Ip(145, 255, 255, 255)}, {Ip(213, 0, 0, 0), Ip(213, 255, 255, 255)},
};
constexpr Ipv4Range kIndonesiaRanges[] = {  // 7
  {Ip(36, 64, 0, 0), Ip(36, 127, 255, 255)}, {Ip(103, 0, 0, 0), Ip(103, 255, 255, 255)},
  {Ip(110, 0, 0, 0), Ip(110, 127, 255, 255)}, {Ip(112, 0, 0, 0), Ip(112, 127, 255, 255)},
  {Ip(114, 0, 0, 0), Ip(114, 127, 255, 255)}, {Ip(118, 0, 0, 0), Ip(118, 127, 255, 255)},
  {Ip(125, 0, 0, 0), Ip(125, 127, 255, 255)},
};
constexpr Ipv4Range kSaudiArabiaRanges[] = {  // 5
  {Ip(37, 128, 0, 0), Ip(37, 255, 255, 255)}, {Ip(46, 0, 0, 0), Ip(46, 127, 255, 255)},
  {Ip(80, 0, 0, 0), Ip(80, 127, 255, 255)}, {Ip(109, 0, 0, 0), Ip(109, 255, 255, 255)},
  {Ip(188, 0, 0, 0), Ip(188, 255, 255, 255)},
};
constexpr Ipv4Range kTurkeyRanges[] = {  // 9
  {Ip(78, 160, 0, 0), Ip(78, 191, 255, 255)}, {Ip(79, 0, 0, 0), Ip(79, 127, 255, 255)},
  {Ip(80, 0, 0, 0), Ip(80, 127, 255, 255)}, {Ip(81, 0, 0, 0), Ip(81, 127, 255, 255)},
  {Ip(82, 0, 0, 0), Ip(82, 127, 255, 255)}, {Ip(85, 0, 0, 0), Ip(85, 127, 255, 255)},
  {Ip(88, 0, 0, 0), Ip(88, 127, 255, 255)}, {Ip(176, 0, 0, 0), Ip(176, 255, 255, 255)},
  {Ip(185, 0, 0, 0), Ip(185, 255, 255, 255)},
};
constexpr Ipv4Range kTaiwanRanges[] = {  // 9
  {Ip(1, 160, 0, 0), Ip(1, 175, 255, 255)}, {Ip(27, 0, 0, 0), Ip(27, 127, 255, 255)},
  {Ip(36, 224, 0, 0), Ip(36, 239, 255, 255)}, {Ip(60, 0, 0, 0), Ip(60, 127, 255, 255)},
  {Ip(61, 0, 0, 0), Ip(61, 127, 255, 255)}, {Ip(111, 0, 0, 0), Ip(111, 127, 255, 255)},
  {Ip(114, 0, 0, 0), Ip(114, 127, 255, 255)}, {Ip(118, 0, 0, 0), Ip(118, 127, 255, 255)},
  {Ip(125, 0, 0, 0), Ip(125, 127, 255, 255)},
};
constexpr Ipv4Range kBelgiumRanges[] = {  // 9
  {Ip(77, 0, 0, 0), Ip(77, 127, 255, 255)}, {Ip(78, 0, 0, 0), Ip(78, 127, 255, 255)},
  {Ip(79, 0, 0, 0), Ip(79, 127, 255, 255)}, {Ip(80, 0, 0, 0), Ip(80, 127, 255, 255)},
  {Ip(81, 0, 0, 0), Ip(81, 127, 255, 255)}, {Ip(82, 0, 0, 0), Ip(82, 127, 255, 255)},
  {Ip(83, 0, 0, 0), Ip(83, 127, 255, 255)}, {Ip(84, 0, 0, 0), Ip(84, 127, 255, 255)},
  {Ip(85, 0, 0, 0), Ip(85, 127, 255, 255)},
};
constexpr Ipv4Range kArgentinaRanges[] = {  // 4
  {Ip(181, 0, 0, 0), Ip(181, 255, 255, 255)}, {Ip(186, 0, 0, 0), Ip(186, 127, 255, 255)},
  {Ip(190, 0, 0, 0), Ip(190, 255, 255, 255)}, {Ip(200, 0, 0, 0), Ip(200, 127, 255, 255)},
};
constexpr Ipv4Range kThailandRanges[] = {  // 16
  {Ip(1, 0, 128, 0), Ip(1, 0, 255, 255)}, {Ip(27, 0, 0, 0), Ip(27, 127, 255, 255)},
  {Ip(58, 0, 0, 0), Ip(58, 127, 255, 255)}, {Ip(101, 0, 0, 0), Ip(101, 127, 255, 255)},
  {Ip(103, 0, 0, 0), Ip(103, 127, 255, 255)}, {Ip(110, 0, 0, 0), Ip(110, 127, 255, 255)},
  {Ip(111, 0, 0, 0), Ip(111, 127, 255, 255)}, {Ip(112, 0, 0, 0), Ip(112, 127, 255, 255)},
  {Ip(113, 0, 0, 0), Ip(113, 127, 255, 255)}, {Ip(114, 0, 0, 0), Ip(114, 127, 255, 255)},
  {Ip(115, 0, 0, 0), Ip(115, 127, 255, 255)}, {Ip(116, 0, 0, 0), Ip(116, 127, 255, 255)},
  {Ip(117, 0, 0, 0), Ip(117, 127, 255, 255)}, {Ip(118, 0, 0, 0), Ip(118, 127, 255, 255)},
  {Ip(119, 0, 0, 0), Ip(119, 127, 255, 255)}, {Ip(125, 0, 0, 0), Ip(125, 127, 255, 255)},
};
constexpr Ipv4Range kIsraelRanges[] = {  // 9
  {Ip(2, 0, 0, 0), Ip(2, 127, 255, 255)}, {Ip(5, 0, 0, 0), Ip(5, 127, 255, 255)},
  {Ip(37, 0, 0, 0), Ip(37, 127, 255, 255)}, {Ip(46, 0, 0, 0), Ip(46, 127, 255, 255)},
  {Ip(77, 0, 0, 0), Ip(77, 127, 255, 255)}, {Ip(79, 0, 0, 0), Ip(79, 127, 255, 255)},
  {Ip(80, 0, 0, 0), Ip(80, 127, 255, 255)}, {Ip(82, 0, 0, 0), Ip(82, 127, 255, 255)},
  {Ip(85, 0, 0, 0), Ip(85, 127, 255, 255)},
};
constexpr Ipv4Range kPolandRanges[] = {  // 11
  {Ip(5, 0, 0, 0), Ip(5, 127, 255, 255)}, {Ip(31, 0, 0, 0), Ip(31, 127, 255, 255)},
  {Ip(37, 0, 0, 0), Ip(37, 127, 255, 255)}, {Ip(46, 0, 0, 0), Ip(46, 127, 255, 255)},
  {Ip(77, 0, 0, 0), Ip(77, 127, 255, 255)}, {Ip(78, 0, 0, 0), Ip(78, 127, 255, 255)},
  {Ip(79, 0, 0, 0), Ip(79, 127, 255, 255)}, {Ip(80, 0, 0, 0), Ip(80, 127, 255, 255)},
  {Ip(81, 0, 0, 0), Ip(81, 127, 255, 255)}, {Ip(83, 0, 0, 0), Ip(83, 127, 255, 255)},
  {Ip(89, 0, 0, 0), Ip(89, 127, 255, 255)},
};
constexpr Ipv4Range kNigeriaRanges[] = {  // 6
  {Ip(41, 0, 0, 0), Ip(41, 127, 255, 255)}, {Ip(102, 0, 0, 0), Ip(102, 127, 255, 255)},
  {Ip(105, 0, 0, 0), Ip(105, 127, 255, 255)}, {Ip(154, 0, 0, 0), Ip(154, 127, 255, 255)},
  {Ip(196, 0, 0, 0), Ip(196, 127, 255, 255)}, {Ip(197, 0, 0, 0), Ip(197, 127, 255, 255)},
};

// Neighbours in the original's order (the map is not symmetric); Nigeria has none.
constexpr CountryIndex kUnitedStatesNeighbours[] = {kCanada, kMexico};
constexpr CountryIndex kUnitedKingdomNeighbours[] = {
  kFrance, kGermany, kNetherlands, kBelgium, kSpain, kItaly};
constexpr CountryIndex kGermanyNeighbours[] = {kFrance, kNetherlands, kBelgium, kPoland};
constexpr CountryIndex kFranceNeighbours[] = {
  kUnitedKingdom, kGermany, kSpain, kItaly, kBelgium, kNetherlands};
constexpr CountryIndex kChinaNeighbours[] = {kJapan, kSouthKorea, kIndia, kRussia};
constexpr CountryIndex kJapanNeighbours[] = {kChina, kSouthKorea, kTaiwan};
constexpr CountryIndex kIndiaNeighbours[] = {kChina, kThailand};
constexpr CountryIndex kCanadaNeighbours[] = {kUnitedStates};
constexpr CountryIndex kAustraliaNeighbours[] = {kIndonesia};
constexpr CountryIndex kBrazilNeighbours[] = {kArgentina};
constexpr CountryIndex kRussiaNeighbours[] = {kPoland, kChina};
constexpr CountryIndex kSouthKoreaNeighbours[] = {kJapan, kChina};
constexpr CountryIndex kMexicoNeighbours[] = {kUnitedStates};
constexpr CountryIndex kSpainNeighbours[] = {kFrance, kItaly};
constexpr CountryIndex kItalyNeighbours[] = {kFrance, kSpain, kGermany};
constexpr CountryIndex kNetherlandsNeighbours[] = {kGermany, kBelgium, kUnitedKingdom, kFrance};
constexpr CountryIndex kIndonesiaNeighbours[] = {kThailand, kAustralia};
constexpr CountryIndex kSaudiArabiaNeighbours[] = {kTurkey, kIsrael};
constexpr CountryIndex kTurkeyNeighbours[] = {kSaudiArabia, kIsrael};
constexpr CountryIndex kTaiwanNeighbours[] = {kJapan, kChina};
constexpr CountryIndex kBelgiumNeighbours[] = {kFrance, kNetherlands, kGermany, kUnitedKingdom};
constexpr CountryIndex kArgentinaNeighbours[] = {kBrazil};
constexpr CountryIndex kThailandNeighbours[] = {kIndia, kIndonesia};
constexpr CountryIndex kIsraelNeighbours[] = {kTurkey, kSaudiArabia};
constexpr CountryIndex kPolandNeighbours[] = {kGermany, kRussia};

}  // namespace

// Raw home weights: United States 0.35; United Kingdom, Germany, France, Canada, China, Japan 0.08; India,
// Brazil, Australia, Spain, Italy 0.04; every other country 0.01 (they sum to 1.17).
constexpr CardCountry kCardCountries[kCardCountryCount] = {
  Country("United States", 0.35, kUnitedStatesRanges, kUnitedStatesNeighbours),
  Country("United Kingdom", 0.08, kUnitedKingdomRanges, kUnitedKingdomNeighbours),
  Country("Germany", 0.08, kGermanyRanges, kGermanyNeighbours),
  Country("France", 0.08, kFranceRanges, kFranceNeighbours),
  Country("China", 0.08, kChinaRanges, kChinaNeighbours),
  Country("Japan", 0.08, kJapanRanges, kJapanNeighbours),
  Country("India", 0.04, kIndiaRanges, kIndiaNeighbours),
  Country("Canada", 0.08, kCanadaRanges, kCanadaNeighbours),
  Country("Australia", 0.04, kAustraliaRanges, kAustraliaNeighbours),
  Country("Brazil", 0.04, kBrazilRanges, kBrazilNeighbours),
  Country("Russia", 0.01, kRussiaRanges, kRussiaNeighbours),
  Country("South Korea", 0.01, kSouthKoreaRanges, kSouthKoreaNeighbours),
  Country("Mexico", 0.01, kMexicoRanges, kMexicoNeighbours),
  Country("Spain", 0.04, kSpainRanges, kSpainNeighbours),
  Country("Italy", 0.04, kItalyRanges, kItalyNeighbours),
  Country("Netherlands", 0.01, kNetherlandsRanges, kNetherlandsNeighbours),
  Country("Indonesia", 0.01, kIndonesiaRanges, kIndonesiaNeighbours),
  Country("Saudi Arabia", 0.01, kSaudiArabiaRanges, kSaudiArabiaNeighbours),
  Country("Turkey", 0.01, kTurkeyRanges, kTurkeyNeighbours),
  Country("Taiwan", 0.01, kTaiwanRanges, kTaiwanNeighbours),
  Country("Belgium", 0.01, kBelgiumRanges, kBelgiumNeighbours),
  Country("Argentina", 0.01, kArgentinaRanges, kArgentinaNeighbours),
  Country("Thailand", 0.01, kThailandRanges, kThailandNeighbours),
  Country("Israel", 0.01, kIsraelRanges, kIsraelNeighbours),
  Country("Poland", 0.01, kPolandRanges, kPolandNeighbours),
  Country("Nigeria", 0.01, kNigeriaRanges),
};

constexpr CountryIndex kMerchantCountryOrder[kCardCountryCount] = {
  kUnitedStates, kChina, kJapan, kGermany, kIndia, kUnitedKingdom, kFrance, kItaly, kBrazil, kCanada, kRussia,
  kSouthKorea, kAustralia, kSpain, kMexico, kIndonesia, kNetherlands, kSaudiArabia, kTurkey, kTaiwan,
  kBelgium, kArgentina, kThailand, kIsrael, kPoland, kNigeria,
};

constexpr CountryPair kDistantCountryPairs[kDistantCountryPairCount] = {
  {kUnitedStates, kChina},  // ~11,000 km
  {kUnitedStates, kJapan},  // ~10,000 km
  {kUnitedStates, kAustralia},  // ~15,000 km
  {kUnitedKingdom, kAustralia},  // ~17,000 km
  {kUnitedKingdom, kJapan},  // ~9,500 km
  {kGermany, kChina},  // ~7,500 km
  {kFrance, kIndia},  // ~7,000 km
  {kCanada, kRussia},  // ~7,000 km
  {kBrazil, kChina},  // ~17,000 km
  {kSpain, kAustralia},  // ~18,000 km
  {kItaly, kJapan},  // ~9,700 km
  {kMexico, kIndia},  // ~14,500 km
};

constexpr std::string_view kMerchantCategories[kMerchantCategoryCount] = {
  "Groceries", "Travel", "Fashion", "Healthcare", "Restaurants", "Gas Stations", "Electronics",
  "Home Improvement", "Entertainment", "Education", "Insurance", "Automotive", "Books", "Sports", "Beauty",
  "Jewelry", "Pet Supplies", "Furniture", "Pharmacy", "Department Stores",
};

// clang-format on

std::optional<CountryIndex> FindCardCountry(std::string_view name) noexcept {
  for (std::size_t i = 0; i < kCardCountryCount; ++i) {
    if (kCardCountries[i].name == name) return static_cast<CountryIndex>(i);
  }
  return std::nullopt;
}

}  // namespace synthgen
