// Tests graph item names and formatting: kind, pattern and property names, ids and IPv4 addresses.
#include "core/graph_items.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace synthgen {
namespace {

TEST(GraphItemsTest, KindNames) {
  EXPECT_EQ(NodeKindName(NodeKind::kUser), "user");
  EXPECT_EQ(NodeKindName(NodeKind::kDevice), "device");
  EXPECT_EQ(NodeKindName(NodeKind::kAccount), "account");
  EXPECT_EQ(NodeKindName(NodeKind::kIpAddress), "ip_address");
  EXPECT_EQ(NodeKindName(static_cast<NodeKind>(4)), "");
  EXPECT_EQ(EdgeKindName(EdgeKind::kUsesDevice), "uses_device");
  EXPECT_EQ(EdgeKindName(EdgeKind::kHasAccount), "has_account");
  EXPECT_EQ(EdgeKindName(EdgeKind::kUsesIp), "uses_ip");
  EXPECT_EQ(EdgeKindName(EdgeKind::kTransfersTo), "transfers_to");
  EXPECT_EQ(EdgeKindName(static_cast<EdgeKind>(4)), "");
}

TEST(GraphItemsTest, PatternNames) {
  EXPECT_EQ(GraphPatternName(GraphPattern::kDeviceSharing), "device_sharing");
  EXPECT_EQ(GraphPatternName(GraphPattern::kIpRecycling), "ip_recycling");
  EXPECT_EQ(GraphPatternName(GraphPattern::kKiting), "kiting");
  EXPECT_EQ(GraphPatternName(GraphPattern::kNone), "");
}

TEST(GraphItemsTest, PropertyNames) {
  EXPECT_EQ(DeviceTypeName(DeviceType::kMobile), "mobile");
  EXPECT_EQ(DeviceTypeName(DeviceType::kDesktop), "desktop");
  EXPECT_EQ(DeviceTypeName(DeviceType::kTablet), "tablet");
  EXPECT_EQ(OperatingSystemName(OperatingSystem::kIos), "iOS");
  EXPECT_EQ(OperatingSystemName(OperatingSystem::kAndroid), "Android");
  EXPECT_EQ(OperatingSystemName(OperatingSystem::kWindows), "Windows");
  EXPECT_EQ(OperatingSystemName(OperatingSystem::kMacOs), "macOS");
  EXPECT_EQ(OperatingSystemName(OperatingSystem::kLinux), "Linux");
  EXPECT_EQ(AccountTypeName(AccountType::kChecking), "checking");
  EXPECT_EQ(AccountTypeName(AccountType::kSavings), "savings");
  EXPECT_EQ(AccountTypeName(static_cast<AccountType>(2)), "");
}

TEST(GraphItemsTest, FormatGraphIdWritesPrefixAnd12HexDigits) {
  char id[20];
  FormatGraphId("dev_", 0x0123456789abULL, id);
  EXPECT_STREQ(id, "dev_0123456789ab");
  FormatGraphId("ip_", 0, id);
  EXPECT_STREQ(id, "ip_000000000000");
  FormatGraphId("acc_", 0xffff123456789abcULL, id);  // only the low 48 bits
  EXPECT_STREQ(id, "acc_123456789abc");
}

TEST(GraphItemsTest, FormatIpAddressWritesDottedDecimal) {
  char text[16];
  FormatIpAddress(0xcb007107U, text);
  EXPECT_STREQ(text, "203.0.113.7");
  FormatIpAddress(0, text);
  EXPECT_STREQ(text, "0.0.0.0");
  FormatIpAddress(0xffffffffU, text);
  EXPECT_STREQ(text, "255.255.255.255");
  FormatIpAddress(0x0a64000aU, text);
  EXPECT_STREQ(text, "10.100.0.10");
}

}  // namespace
}  // namespace synthgen
