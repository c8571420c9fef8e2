// The graph world generator (see graph_world_generator.hpp).
#include "core/graph_world_generator.hpp"

#include <cstdio>
#include <cstring>
#include <string_view>

#include "core/identity.hpp"
#include "core/keyed_permutation.hpp"
#include "core/random_draws.hpp"
#include "core/world_bounds.hpp"

namespace synthgen {
namespace {

// A user's k-th item of a kind has id index user * kItemsPerUser + k; shared nodes of rings and clusters
// start above every user's indexes. All of them stay below 2^48, Permute48's domain.
constexpr std::uint64_t kItemsPerUser = 8;
constexpr std::uint64_t kSharedIdBase = kItemsPerUser * static_cast<std::uint64_t>(kMaxWorldSize);
static_assert(kSharedIdBase + static_cast<std::uint64_t>(kMaxGraphStructures) < (std::uint64_t{1} << 48),
              "graph ids must stay within Permute48's domain");
constexpr int kStructureItem = 2;  // k of a member's flagged device or account

// Countries of IP addresses, uniform (ISO 3166-1 alpha-2).
constexpr std::string_view kCountries[] = {"US", "GB", "DE", "FR", "CA", "AU", "JP", "BR", "IN", "ES",
                                           "IT", "NL", "MX", "SE", "PL", "KR", "SG", "ZA", "NG", "AR"};
constexpr std::size_t kCountryCount = sizeof kCountries / sizeof kCountries[0];

// Device models in user agents: Android phones and tablets.
constexpr const char* kAndroidPhones[] = {"Pixel 8", "SM-S918B", "SM-A546B", "moto g power 5G", "CPH2451"};
constexpr const char* kAndroidTablets[] = {"SM-X710", "SM-X200", "Lenovo TB-X606F", "Pixel Tablet"};

Instant Days(std::int64_t days) { return days * kMicrosPerDay; }

void CopyText(std::string_view text, char* out, std::size_t capacity) noexcept {
  const std::size_t length = text.size() < capacity - 1 ? text.size() : capacity - 1;
  std::memcpy(out, text.data(), length);
  out[length] = '\0';
}

// A user agent consistent with the operating system and device type (combinations that do not exist as such
// get what such a device reports, e.g. an iPad asking for desktop sites reports a Mac).
void WriteUserAgent(GraphNode& node, int os_major, int os_minor, int chrome_major, std::size_t model) {
  char platform[64];
  const bool mobile = node.device_type == DeviceType::kMobile;
  const bool tablet = node.device_type == DeviceType::kTablet;
  bool safari = false;
  switch (node.os) {
    case OperatingSystem::kIos:
      safari = true;
      if (mobile) {
        std::snprintf(platform, sizeof platform, "iPhone; CPU iPhone OS %d_%d like Mac OS X", os_major,
                      os_minor);
      } else if (tablet) {
        std::snprintf(platform, sizeof platform, "iPad; CPU OS %d_%d like Mac OS X", os_major, os_minor);
      } else {
        std::snprintf(platform, sizeof platform, "Macintosh; Intel Mac OS X 10_15_7");
      }
      break;
    case OperatingSystem::kAndroid:
      if (mobile || tablet) {
        const std::size_t count = mobile ? sizeof kAndroidPhones / sizeof kAndroidPhones[0]
                                         : sizeof kAndroidTablets / sizeof kAndroidTablets[0];
        std::snprintf(platform, sizeof platform, "Linux; Android %d; %s", os_major - 4,
                      mobile ? kAndroidPhones[model % count] : kAndroidTablets[model % count]);
      } else {
        std::snprintf(platform, sizeof platform, "X11; Linux x86_64");
      }
      break;
    case OperatingSystem::kWindows:
      std::snprintf(platform, sizeof platform, "%s",
                    mobile   ? "Windows Phone 10.0; Android 6.0.1; Microsoft; Lumia 950"
                    : tablet ? "Windows NT 10.0; Win64; x64; Touch"
                             : "Windows NT 10.0; Win64; x64");
      break;
    case OperatingSystem::kMacOs:
      safari = true;
      std::snprintf(platform, sizeof platform, "Macintosh; Intel Mac OS X 10_15_7");
      break;
    case OperatingSystem::kLinux:
      std::snprintf(platform, sizeof platform, "%s",
                    mobile   ? "Linux; Mobile; aarch64"
                    : tablet ? "X11; Linux aarch64"
                             : "X11; Linux x86_64");
      break;
  }
  if (safari) {
    const bool ios_handheld = node.os == OperatingSystem::kIos && (mobile || tablet);
    std::snprintf(node.user_agent, sizeof node.user_agent,
                  "Mozilla/5.0 (%s) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/%d.%d%s Safari/%s",
                  platform, os_major, os_minor, ios_handheld ? " Mobile/15E148" : "",
                  ios_handheld ? "604.1" : "605.1.15");
  } else {
    std::snprintf(node.user_agent, sizeof node.user_agent,
                  "Mozilla/5.0 (%s) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0%s Safari/537.36",
                  platform, chrome_major, mobile ? " Mobile" : "");
  }
}

// Device properties: always the same number of draws, whatever the device.
void FillDevice(GraphNode& node, RandomStream& rng) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (int half = 0; half < 2; ++half) {
    std::uint64_t bits = rng();
    for (int i = 0; i < 16; ++i) {
      node.fingerprint[half * 16 + i] = kHex[bits & 0xf];
      bits >>= 4;
    }
  }
  node.fingerprint[32] = '\0';
  RandomDraws draw(rng);
  node.device_type = static_cast<DeviceType>(draw.Int(0, kDeviceTypeCount - 1));
  node.os = static_cast<OperatingSystem>(draw.Int(0, kOperatingSystemCount - 1));
  const auto os_major = static_cast<int>(draw.Int(15, 18));
  const auto os_minor = static_cast<int>(draw.Int(0, 6));
  const auto chrome_major = static_cast<int>(draw.Int(118, 131));
  const auto model = static_cast<std::size_t>(draw.Int(0, 59));
  WriteUserAgent(node, os_major, os_minor, chrome_major, model);
}

void FillAccount(GraphNode& node, RandomDraws& draw) {
  const std::int64_t digits = draw.Int(10, 12);
  std::int64_t low = 1;
  for (std::int64_t i = 1; i < digits; ++i) low *= 10;
  std::snprintf(node.account_number, sizeof node.account_number, "%lld",
                static_cast<long long>(draw.Int(low, low * 10 - 1)));
  node.account_type = static_cast<AccountType>(draw.Int(0, kAccountTypeCount - 1));
  node.balance_cents = draw.UniformCents(100.0, kMaxGraphBalanceCents / 100.0);
}

bool IsReservedAddress(std::uint32_t a) noexcept {
  const std::uint32_t first = a >> 24;
  return first == 0 || first == 10 || first == 127 || first >= 224 || (a >> 16) == 0xa9fe ||  // 169.254/16
         (a >> 20) == 0xac1 ||                                                                // 172.16/12
         (a >> 16) == 0xc0a8;                                                                 // 192.168/16
}

void FillIp(GraphNode& node, RandomDraws& draw) {
  std::uint32_t address;
  do {
    address = static_cast<std::uint32_t>(draw.Int(0x01000000, 0xdfffffff));
  } while (IsReservedAddress(address));
  node.ip_address = address;
  node.is_vpn = draw.Chance(0.1);
  CopyText(kCountries[draw.Int(0, kCountryCount - 1)], node.country, sizeof node.country);
}

void Flag(GraphNode& node, const FraudStructure& structure) noexcept {
  node.pattern = structure.pattern;
  node.structure_id = structure.id;
}
void Flag(GraphEdge& edge, const FraudStructure& structure) noexcept {
  edge.pattern = structure.pattern;
  edge.structure_id = structure.id;
}

const GraphWorldOptions& Validated(const GraphWorldOptions& options) {
  options.Validate();
  return options;
}

}  // namespace

GraphWorldGenerator::GraphWorldGenerator(const GraphWorldOptions& options)
    : options_(Validated(options)),
      structures_(options_),
      device_key_(GraphStreamKey(options.seed, GraphStream::kDeviceIdKey)),
      account_key_(GraphStreamKey(options.seed, GraphStream::kAccountIdKey)),
      ip_key_(GraphStreamKey(options.seed, GraphStream::kIpIdKey)),
      next_user_(options.first_user),
      end_user_(options.first_user + options.count) {
  nodes_.reserve(kBatchItems);
  edges_.reserve(kBatchItems);
}

std::size_t GraphWorldGenerator::NextBatch() {
  nodes_.clear();
  edges_.clear();
  while (next_user_ < end_user_ && nodes_.size() + edges_.size() + kMaxItemsPerUser <= kBatchItems) {
    EmitUser(next_user_++);
  }
  return nodes_.size() + edges_.size();
}

GraphNode& GraphWorldGenerator::AddNode(NodeKind kind) {
  GraphNode& node = nodes_.emplace_back();  // value-initialised: every field zero
  node.kind = kind;
  node.pattern = GraphPattern::kNone;
  node.structure_id = kNoStructure;
  return node;
}

GraphEdge& GraphWorldGenerator::AddEdge(EdgeKind kind, const char (&source)[20], const char (&target)[20],
                                        Instant created_at) {
  GraphEdge& edge = edges_.emplace_back();
  edge.kind = kind;
  std::memcpy(edge.source_id, source, sizeof edge.source_id);
  std::memcpy(edge.target_id, target, sizeof edge.target_id);
  edge.created_at = created_at;
  edge.hop_number = kNoHop;
  edge.pattern = GraphPattern::kNone;
  edge.structure_id = kNoStructure;
  return edge;
}

void GraphWorldGenerator::DeviceId(std::int64_t user, int k, char (&out)[20]) const noexcept {
  FormatGraphId("dev_", Permute48(device_key_, static_cast<std::uint64_t>(user) * kItemsPerUser + k), out);
}
void GraphWorldGenerator::AccountId(std::int64_t user, int k, char (&out)[20]) const noexcept {
  FormatGraphId("acc_", Permute48(account_key_, static_cast<std::uint64_t>(user) * kItemsPerUser + k), out);
}
void GraphWorldGenerator::IpId(std::int64_t user, int k, char (&out)[20]) const noexcept {
  FormatGraphId("ip_", Permute48(ip_key_, static_cast<std::uint64_t>(user) * kItemsPerUser + k), out);
}

void GraphWorldGenerator::EmitUser(std::int64_t user) {
  // The node's fields are filled in place; nodes_ has room for this user (see NextBatch), so the reference
  // stays valid while the user's other items are added.
  GraphNode& user_node = AddNode(NodeKind::kUser);
  UserIdentity identity;
  MakeIdentity(options_.seed, user, identity);
  std::memcpy(user_node.id, identity.user_id, sizeof user_node.id);
  std::memcpy(user_node.name, identity.full_name, sizeof user_node.name);
  std::memcpy(user_node.email, identity.email, sizeof user_node.email);
  std::memcpy(user_node.phone, identity.phone, sizeof user_node.phone);

  RandomStream rng =
      GraphRandomStream(options_.seed, GraphStream::kUserNetwork, static_cast<std::uint64_t>(user));
  RandomDraws draw(rng);
  const Instant now = options_.simulation_date;
  const Instant first_activity = draw.Between(now - Days(180), now - Days(30));
  const Instant window_end = first_activity + Days(30);
  const auto devices = static_cast<int>(draw.Int(1, 2));
  const auto accounts = static_cast<int>(draw.Int(1, 2));
  const auto ips = static_cast<int>(draw.Int(1, 3));

  for (int k = 0; k < devices; ++k) {
    GraphNode& device = AddNode(NodeKind::kDevice);
    DeviceId(user, k, device.id);
    FillDevice(device, rng);
    GraphEdge& edge =
        AddEdge(EdgeKind::kUsesDevice, identity.user_id, device.id, draw.Between(first_activity, window_end));
    edge.count = static_cast<std::int32_t>(draw.Int(1, 19));
  }
  for (int k = 0; k < accounts; ++k) {
    GraphNode& account = AddNode(NodeKind::kAccount);
    AccountId(user, k, account.id);
    FillAccount(account, draw);
    AddEdge(EdgeKind::kHasAccount, identity.user_id, account.id, draw.Between(first_activity, window_end));
  }
  for (int k = 0; k < ips; ++k) {
    GraphNode& ip = AddNode(NodeKind::kIpAddress);
    IpId(user, k, ip.id);
    FillIp(ip, draw);
    GraphEdge& edge =
        AddEdge(EdgeKind::kUsesIp, identity.user_id, ip.id, draw.Between(first_activity, window_end));
    edge.count = static_cast<std::int32_t>(draw.Int(1, 49));
  }

  if (const std::optional<StructureMembership> membership = structures_.Find(user)) {
    EmitMembership(user, *membership, identity.user_id);
  }
}

void GraphWorldGenerator::EmitMembership(std::int64_t user, const StructureMembership& membership,
                                         const char (&user_id)[20]) {
  const FraudStructure& structure = *membership.structure;
  const auto structure_index = static_cast<std::uint64_t>(structure.id);
  RandomStream rng =
      GraphRandomStream(options_.seed, GraphStream::kMember,
                        static_cast<std::uint64_t>(structure.first_slot + membership.position));
  RandomDraws draw(rng);

  switch (structure.pattern) {
    case GraphPattern::kDeviceSharing: {
      const Instant window_end = structure.start + GraphStructures::kRingWindow;
      char shared_id[20];
      FormatGraphId("dev_", Permute48(device_key_, kSharedIdBase + structure_index), shared_id);
      if (membership.position == 0) {
        GraphNode& shared = AddNode(NodeKind::kDevice);
        std::memcpy(shared.id, shared_id, sizeof shared.id);
        RandomStream shared_rng =
            GraphRandomStream(options_.seed, GraphStream::kSharedDevice, structure_index);
        FillDevice(shared, shared_rng);
        Flag(shared, structure);
      }
      GraphEdge& uses =
          AddEdge(EdgeKind::kUsesDevice, user_id, shared_id, draw.Between(structure.start, window_end));
      uses.count = static_cast<std::int32_t>(draw.Int(1, 19));
      Flag(uses, structure);
      GraphNode& account = AddNode(NodeKind::kAccount);
      AccountId(user, kStructureItem, account.id);
      FillAccount(account, draw);
      Flag(account, structure);
      Flag(AddEdge(EdgeKind::kHasAccount, user_id, account.id, draw.Between(structure.start, window_end)),
           structure);
      break;
    }
    case GraphPattern::kIpRecycling: {
      const Instant window_end = structure.start + GraphStructures::kClusterWindow;
      char shared_id[20];
      FormatGraphId("ip_", Permute48(ip_key_, kSharedIdBase + structure_index), shared_id);
      if (membership.position == 0) {
        GraphNode& shared = AddNode(NodeKind::kIpAddress);
        std::memcpy(shared.id, shared_id, sizeof shared.id);
        RandomStream shared_rng = GraphRandomStream(options_.seed, GraphStream::kSharedIp, structure_index);
        RandomDraws shared_draw(shared_rng);
        FillIp(shared, shared_draw);
        shared.is_vpn = true;
        Flag(shared, structure);
      }
      GraphEdge& uses =
          AddEdge(EdgeKind::kUsesIp, user_id, shared_id, draw.Between(structure.start, window_end));
      uses.count = static_cast<std::int32_t>(draw.Int(1, 49));
      Flag(uses, structure);
      GraphNode& device = AddNode(NodeKind::kDevice);
      DeviceId(user, kStructureItem, device.id);
      FillDevice(device, rng);
      Flag(device, structure);
      GraphEdge& device_edge =
          AddEdge(EdgeKind::kUsesDevice, user_id, device.id, draw.Between(structure.start, window_end));
      device_edge.count = static_cast<std::int32_t>(draw.Int(1, 19));
      Flag(device_edge, structure);
      break;
    }
    case GraphPattern::kKiting: {
      GraphNode& account = AddNode(NodeKind::kAccount);
      AccountId(user, kStructureItem, account.id);
      FillAccount(account, draw);
      Flag(account, structure);
      Flag(AddEdge(EdgeKind::kHasAccount, user_id, account.id,
                   draw.Between(structure.start - Days(30), structure.start - Days(1))),
           structure);
      char next_account[20];
      const std::int32_t next = (membership.position + 1) % structure.size;
      AccountId(structures_.MemberUser(structure, next), kStructureItem, next_account);
      const KitingHop hop = structures_.Hop(structure, membership.position);
      GraphEdge& transfer = AddEdge(EdgeKind::kTransfersTo, account.id, next_account, hop.time);
      transfer.amount_cents = hop.amount_cents;
      transfer.hop_number = membership.position;
      Flag(transfer, structure);
      break;
    }
    case GraphPattern::kNone:
      break;
  }
}

double GraphWorldGenerator::ExpectedNodeCount(const GraphWorldOptions& options) noexcept {
  // Per user 1 + 1.5 devices + 1.5 accounts + 2 IPs; per member one flagged node; per ring or cluster one
  // shared node. Structures are spread evenly over the world.
  const std::int64_t world = options.EffectiveWorldSize();
  if (world <= 0) return 0.0;
  const double ring_mean = (kMinDeviceRingMembers + kMaxDeviceRingMembers) / 2.0;
  const double cluster_mean = (kMinIpClusterMembers + kMaxIpClusterMembers) / 2.0;
  const double structure_nodes = static_cast<double>(options.device_rings) * (1.0 + ring_mean) +
                                 static_cast<double>(options.ip_clusters) * (1.0 + cluster_mean) +
                                 static_cast<double>(options.kiting_cycles * options.kiting_cycle_length);
  const double share = static_cast<double>(options.count) / static_cast<double>(world);
  return static_cast<double>(options.count) * 6.0 + share * structure_nodes;
}

double GraphWorldGenerator::ExpectedEdgeCount(const GraphWorldOptions& options) noexcept {
  // Per user 1.5 + 1.5 + 2 edges; per member two edges.
  const std::int64_t world = options.EffectiveWorldSize();
  if (world <= 0) return 0.0;
  const double ring_mean = (kMinDeviceRingMembers + kMaxDeviceRingMembers) / 2.0;
  const double cluster_mean = (kMinIpClusterMembers + kMaxIpClusterMembers) / 2.0;
  const double structure_edges =
      2.0 * (static_cast<double>(options.device_rings) * ring_mean +
             static_cast<double>(options.ip_clusters) * cluster_mean +
             static_cast<double>(options.kiting_cycles * options.kiting_cycle_length));
  const double share = static_cast<double>(options.count) / static_cast<double>(world);
  return static_cast<double>(options.count) * 5.0 + share * structure_edges;
}

}  // namespace synthgen
