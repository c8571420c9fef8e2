// Names and formatting of graph items (see graph_items.hpp).
#include "core/graph_items.hpp"

#include <cstring>

namespace synthgen {
namespace {

constexpr std::string_view kNodeKindNames[kNodeKindCount] = {"user", "device", "account", "ip_address"};
constexpr std::string_view kEdgeKindNames[kEdgeKindCount] = {"uses_device", "has_account", "uses_ip",
                                                             "transfers_to"};
constexpr std::string_view kGraphPatternNames[kGraphPatternCount] = {"device_sharing", "ip_recycling",
                                                                     "kiting"};
constexpr std::string_view kDeviceTypeNames[kDeviceTypeCount] = {"mobile", "desktop", "tablet"};
constexpr std::string_view kOperatingSystemNames[kOperatingSystemCount] = {"iOS", "Android", "Windows",
                                                                           "macOS", "Linux"};
constexpr std::string_view kAccountTypeNames[kAccountTypeCount] = {"checking", "savings"};

template <std::size_t kCount>
constexpr bool AllFit(const std::string_view (&names)[kCount]) {
  for (const std::string_view name : names) {
    if (name.size() > kMaxGraphNameLength) return false;
  }
  return true;
}
static_assert(AllFit(kNodeKindNames) && AllFit(kEdgeKindNames) && AllFit(kGraphPatternNames) &&
                  AllFit(kDeviceTypeNames) && AllFit(kOperatingSystemNames) && AllFit(kAccountTypeNames),
              "kMaxGraphNameLength must bound every graph name");

template <typename Enum, std::size_t kCount>
std::string_view NameOf(const std::string_view (&names)[kCount], Enum value) noexcept {
  const auto index = static_cast<std::size_t>(value);
  return index < kCount ? names[index] : std::string_view();
}

}  // namespace

std::string_view NodeKindName(NodeKind kind) noexcept { return NameOf(kNodeKindNames, kind); }
std::string_view EdgeKindName(EdgeKind kind) noexcept { return NameOf(kEdgeKindNames, kind); }
std::string_view GraphPatternName(GraphPattern pattern) noexcept {
  return NameOf(kGraphPatternNames, pattern);
}
std::string_view DeviceTypeName(DeviceType type) noexcept { return NameOf(kDeviceTypeNames, type); }
std::string_view OperatingSystemName(OperatingSystem os) noexcept {
  return NameOf(kOperatingSystemNames, os);
}
std::string_view AccountTypeName(AccountType type) noexcept { return NameOf(kAccountTypeNames, type); }

void FormatGraphId(std::string_view prefix, std::uint64_t value, char (&out)[20]) noexcept {
  static constexpr char kHex[] = "0123456789abcdef";
  const std::size_t length = prefix.size() < 7 ? prefix.size() : 7;
  std::memcpy(out, prefix.data(), length);
  char* digits = out + length;
  for (int i = 11; i >= 0; --i) {
    digits[i] = kHex[value & 0xf];
    value >>= 4;
  }
  digits[12] = '\0';
}

void FormatIpAddress(std::uint32_t address, char (&out)[16]) noexcept {
  char* p = out;
  for (int shift = 24; shift >= 0; shift -= 8) {
    const unsigned octet = (address >> shift) & 0xffU;
    if (octet >= 100) *p++ = static_cast<char>('0' + octet / 100);
    if (octet >= 10) *p++ = static_cast<char>('0' + octet / 10 % 10);
    *p++ = static_cast<char>('0' + octet % 10);
    if (shift > 0) *p++ = '.';
  }
  *p = '\0';
}

}  // namespace synthgen
