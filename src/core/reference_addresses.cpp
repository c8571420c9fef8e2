// Compiled-in reference tables for US-style postal addresses (see reference_addresses.hpp).
#include "core/reference_addresses.hpp"

#include <iterator>

namespace synthgen {

// The tables are packed several entries per line; keep clang-format from splitting them one per line.
// clang-format off

// Common US street names: trees, landscape, civic words and presidents.
constexpr std::string_view kStreetNames[] = {
  "Oak", "Maple", "Cedar", "Pine", "Elm", "Walnut", "Chestnut", "Willow", "Birch", "Spruce", "Hickory",
  "Magnolia", "Sycamore", "Aspen", "Dogwood", "Juniper", "Cherry", "Laurel", "Main", "Church", "High", "Park",
  "Lake", "Hill", "River", "Spring", "Sunset", "Ridge", "Valley", "Forest", "Meadow", "Highland", "Mill",
  "Center", "Market", "Union", "Water", "Bridge", "School", "College", "Front", "Broad", "Prospect",
  "Pleasant", "Washington", "Jefferson", "Lincoln", "Franklin", "Madison", "Jackson", "Adams", "Monroe",
  "Hamilton", "Grant", "Wilson", "Harrison", "Cleveland", "Roosevelt", "Kennedy", "Lafayette", "Liberty",
  "Railroad", "Academy", "Orchard", "Garden", "Grove", "Summit", "Woodland", "Fairview", "Lakeview",
  "Hillcrest", "Riverside", "Greenwood", "Brookside", "Heritage", "Cambridge", "Oxford", "Victoria",
};
constexpr std::size_t kStreetNameCount = std::size(kStreetNames);

constexpr std::string_view kStreetSuffixes[] = {
  "Street", "Avenue", "Road", "Lane", "Drive", "Court", "Boulevard", "Way", "Place", "Terrace", "Circle",
  "Trail", "Parkway", "Square",
};
constexpr std::size_t kStreetSuffixCount = std::size(kStreetSuffixes);

// US cities with the state they lie in.
constexpr UsCity kUsCities[] = {
  {"New York", "NY"}, {"Buffalo", "NY"}, {"Rochester", "NY"}, {"Albany", "NY"}, {"Los Angeles", "CA"},
  {"San Diego", "CA"}, {"San Jose", "CA"}, {"San Francisco", "CA"}, {"Sacramento", "CA"}, {"Fresno", "CA"},
  {"Oakland", "CA"}, {"Chicago", "IL"}, {"Springfield", "IL"}, {"Peoria", "IL"}, {"Houston", "TX"},
  {"San Antonio", "TX"}, {"Dallas", "TX"}, {"Austin", "TX"}, {"Fort Worth", "TX"}, {"El Paso", "TX"},
  {"Phoenix", "AZ"}, {"Tucson", "AZ"}, {"Mesa", "AZ"}, {"Philadelphia", "PA"}, {"Pittsburgh", "PA"},
  {"Allentown", "PA"}, {"Jacksonville", "FL"}, {"Miami", "FL"}, {"Tampa", "FL"}, {"Orlando", "FL"},
  {"Tallahassee", "FL"}, {"Columbus", "OH"}, {"Cleveland", "OH"}, {"Cincinnati", "OH"}, {"Toledo", "OH"},
  {"Charlotte", "NC"}, {"Raleigh", "NC"}, {"Greensboro", "NC"}, {"Indianapolis", "IN"}, {"Fort Wayne", "IN"},
  {"Seattle", "WA"}, {"Spokane", "WA"}, {"Tacoma", "WA"}, {"Denver", "CO"}, {"Colorado Springs", "CO"},
  {"Aurora", "CO"}, {"Boston", "MA"}, {"Worcester", "MA"}, {"Springfield", "MA"}, {"Nashville", "TN"},
  {"Memphis", "TN"}, {"Knoxville", "TN"}, {"Detroit", "MI"}, {"Grand Rapids", "MI"}, {"Lansing", "MI"},
  {"Portland", "OR"}, {"Salem", "OR"}, {"Eugene", "OR"}, {"Las Vegas", "NV"}, {"Reno", "NV"},
  {"Louisville", "KY"}, {"Lexington", "KY"}, {"Baltimore", "MD"}, {"Annapolis", "MD"}, {"Milwaukee", "WI"},
  {"Madison", "WI"}, {"Albuquerque", "NM"}, {"Santa Fe", "NM"}, {"Kansas City", "MO"}, {"St. Louis", "MO"},
  {"Springfield", "MO"}, {"Omaha", "NE"}, {"Lincoln", "NE"}, {"Atlanta", "GA"}, {"Savannah", "GA"},
  {"Augusta", "GA"}, {"Minneapolis", "MN"}, {"Saint Paul", "MN"}, {"Duluth", "MN"}, {"Tulsa", "OK"},
  {"Oklahoma City", "OK"}, {"Wichita", "KS"}, {"Topeka", "KS"}, {"New Orleans", "LA"}, {"Baton Rouge", "LA"},
  {"Newark", "NJ"}, {"Jersey City", "NJ"}, {"Trenton", "NJ"}, {"Virginia Beach", "VA"}, {"Richmond", "VA"},
  {"Norfolk", "VA"}, {"Honolulu", "HI"}, {"Anchorage", "AK"}, {"Boise", "ID"}, {"Salt Lake City", "UT"},
  {"Provo", "UT"}, {"Des Moines", "IA"}, {"Cedar Rapids", "IA"}, {"Little Rock", "AR"}, {"Jackson", "MS"},
  {"Birmingham", "AL"}, {"Montgomery", "AL"}, {"Charleston", "SC"}, {"Columbia", "SC"}, {"Hartford", "CT"},
  {"New Haven", "CT"}, {"Providence", "RI"}, {"Manchester", "NH"}, {"Burlington", "VT"}, {"Portland", "ME"},
  {"Wilmington", "DE"}, {"Charleston", "WV"}, {"Fargo", "ND"}, {"Sioux Falls", "SD"}, {"Billings", "MT"},
  {"Cheyenne", "WY"}, {"Washington", "DC"},
};
constexpr std::size_t kUsCityCount = std::size(kUsCities);

// clang-format on

}  // namespace synthgen
