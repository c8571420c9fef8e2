// The rows of the graph world: nodes (user, device, account, ip_address) and edges (uses_device, has_account,
// uses_ip, transfers_to) as fixed-size structs (no heap memory, trivially copyable), their kinds, the fraud
// patterns of the ground truth, and the SQL-facing names of all of these.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/calendar.hpp"

namespace synthgen {

enum class NodeKind : std::uint8_t { kUser = 0, kDevice = 1, kAccount = 2, kIpAddress = 3 };
enum class EdgeKind : std::uint8_t { kUsesDevice = 0, kHasAccount = 1, kUsesIp = 2, kTransfersTo = 3 };

// The fraud structure an item belongs to (ground truth); kNone for the items of normal behaviour.
enum class GraphPattern : std::uint8_t {
  kDeviceSharing = 0,
  kIpRecycling = 1,
  kKiting = 2,
  kNone = 255,
};

enum class DeviceType : std::uint8_t { kMobile = 0, kDesktop = 1, kTablet = 2 };
enum class OperatingSystem : std::uint8_t { kIos = 0, kAndroid = 1, kWindows = 2, kMacOs = 3, kLinux = 4 };
enum class AccountType : std::uint8_t { kChecking = 0, kSavings = 1 };

constexpr std::size_t kNodeKindCount = 4;
constexpr std::size_t kEdgeKindCount = 4;
constexpr std::size_t kGraphPatternCount = 3;
constexpr std::size_t kDeviceTypeCount = 3;
constexpr std::size_t kOperatingSystemCount = 5;
constexpr std::size_t kAccountTypeCount = 2;

// structure_id of an item that belongs to no fraud structure.
constexpr std::int64_t kNoStructure = -1;
// hop_number of an edge that is not a transfer.
constexpr std::int32_t kNoHop = -1;

// One node. The fields of its kind are set; every other field is zero (empty string, 0, first enumerator).
struct GraphNode {
  NodeKind kind;
  char id[20];  // "user_" (the user world's user_id), "dev_", "acc_" or "ip_" + 12 hex digits

  // user: the user world's identity of the same user
  char name[32];
  char email[64];
  char phone[20];

  // device
  char fingerprint[33];  // 32 lower-case hex digits
  DeviceType device_type;
  OperatingSystem os;
  char user_agent[192];

  // account
  char account_number[13];  // 10-12 digits, no leading zero
  AccountType account_type;
  std::int64_t balance_cents;

  // ip_address
  std::uint32_t ip_address;  // IPv4, most significant byte first (a.b.c.d = a << 24 | ...)
  bool is_vpn;
  char country[3];  // ISO 3166-1 alpha-2

  // ground truth
  GraphPattern pattern;
  std::int64_t structure_id;  // the structure's index among those of its pattern; kNoStructure
};

// One directed edge; source and target are node ids.
struct GraphEdge {
  EdgeKind kind;
  char source_id[20];
  char target_id[20];
  Instant created_at;
  std::int32_t count;         // access_count (uses_device), session_count (uses_ip); 0 otherwise
  std::int64_t amount_cents;  // transfers_to; 0 otherwise
  std::int32_t hop_number;    // transfers_to: 0 .. cycle length - 1; kNoHop otherwise

  // ground truth
  GraphPattern pattern;
  std::int64_t structure_id;  // the structure's index among those of its pattern; kNoStructure
};

// SQL-facing names: "user", "device", "account", "ip_address"; "uses_device", "has_account", "uses_ip",
// "transfers_to"; "device_sharing", "ip_recycling", "kiting" ("" for kNone); "mobile", "desktop", "tablet";
// "iOS", "Android", "Windows", "macOS", "Linux"; "checking", "savings". "" for a value out of range.
std::string_view NodeKindName(NodeKind kind) noexcept;
std::string_view EdgeKindName(EdgeKind kind) noexcept;
std::string_view GraphPatternName(GraphPattern pattern) noexcept;
std::string_view DeviceTypeName(DeviceType type) noexcept;
std::string_view OperatingSystemName(OperatingSystem os) noexcept;
std::string_view AccountTypeName(AccountType type) noexcept;

// The longest of the names above ("device_sharing"), so that a varchar(n) column with n at least this takes
// every one of them.
constexpr std::size_t kMaxGraphNameLength = 14;

// The largest account balance and transfer amount, in cents: both fit numeric(7,2).
constexpr std::int64_t kMaxGraphBalanceCents = 5'000'000;
constexpr std::int64_t kMaxGraphTransferCents = 1'000'000;

// Writes prefix + 12 lower-case hex digits of the low 48 bits of value (prefix at most 7 characters).
void FormatGraphId(std::string_view prefix, std::uint64_t value, char (&out)[20]) noexcept;

// Writes an IPv4 address in dotted-decimal form ("203.0.113.7").
void FormatIpAddress(std::uint32_t address, char (&out)[16]) noexcept;

}  // namespace synthgen
