// Tests the civil-calendar helpers of calendar.hpp: known dates, day-by-day continuity across leap years and
// centuries, and FirstOfMonth keeping the clock time.
#include "core/calendar.hpp"

#include <gtest/gtest.h>

#include <cstdint>

namespace synthgen {
namespace {

bool IsLeap(std::int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned DaysInMonth(std::int64_t year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

void ExpectDate(const CivilDate& date, std::int64_t year, unsigned month, unsigned day) {
  EXPECT_EQ(date.year, year);
  EXPECT_EQ(date.month, month);
  EXPECT_EQ(date.day, day);
}

TEST(CalendarTest, CivilFromDaysGivesKnownDates) {
  ExpectDate(CivilFromDays(0), 1970, 1, 1);
  ExpectDate(CivilFromDays(-1), 1969, 12, 31);
  ExpectDate(CivilFromDays(20454), 2026, 1, 1);
  ExpectDate(CivilFromDays(19782), 2024, 2, 29);
  ExpectDate(CivilFromDays(-25567), 1900, 1, 1);
  ExpectDate(CivilFromDays(2932896), 9999, 12, 31);
  ExpectDate(CivilDateOf(kDefaultSimulationDate), 2026, 1, 1);
  ExpectDate(CivilDateOf(kMinSimulationDate), 1900, 1, 1);
  ExpectDate(CivilDateOf(kMaxSimulationDate), 9999, 12, 31);
  ExpectDate(CivilDateOf(-1), 1969, 12, 31);
}

// Every day from 1899-01-01 to 10003-01-01 follows the previous one in the proleptic Gregorian calendar.
TEST(CalendarTest, CivilFromDaysAdvancesOneDayAtATime) {
  const std::int64_t first = -25932;  // 1899-01-01
  CivilDate previous = CivilFromDays(first);
  ExpectDate(previous, 1899, 1, 1);
  for (std::int64_t days = first + 1; days <= 2933993; ++days) {
    const CivilDate date = CivilFromDays(days);
    CivilDate expected = previous;
    if (previous.day < DaysInMonth(previous.year, previous.month)) {
      ++expected.day;
    } else if (previous.month < 12) {
      ++expected.month;
      expected.day = 1;
    } else {
      ++expected.year;
      expected.month = 1;
      expected.day = 1;
    }
    ASSERT_EQ(date.year, expected.year) << days;
    ASSERT_EQ(date.month, expected.month) << days;
    ASSERT_EQ(date.day, expected.day) << days;
    previous = date;
  }
  ExpectDate(previous, 10003, 1, 1);
}

TEST(CalendarTest, FirstOfMonthKeepsTheClockTime) {
  const Instant clock = 23 * kMicrosPerHour + 59 * kMicrosPerMinute + 59 * kMicrosPerSecond;
  const Instant march_15_2024 = 19797 * kMicrosPerDay + clock;
  ExpectDate(CivilDateOf(march_15_2024), 2024, 3, 15);
  const Instant first = FirstOfMonth(march_15_2024);
  ExpectDate(CivilDateOf(first), 2024, 3, 1);
  EXPECT_EQ(first - DayStart(first), clock);
  EXPECT_EQ(FirstOfMonth(first), first);
  // Before 1970 too.
  const Instant june_30_1969 = -185 * kMicrosPerDay + kMicrosPerHour;
  ExpectDate(CivilDateOf(june_30_1969), 1969, 6, 30);
  EXPECT_EQ(FirstOfMonth(june_30_1969), june_30_1969 - 29 * kMicrosPerDay);
}

}  // namespace
}  // namespace synthgen
