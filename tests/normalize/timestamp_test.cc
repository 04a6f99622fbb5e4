#include <gtest/gtest.h>

#include "articledb/article.h"

namespace articledb {
namespace {

std::string normalised(std::string_view text) {
  const auto time = parse_timestamp(text);
  return time ? format_timestamp(*time) : "invalid";
}

TEST(TimestampTest, ReadsUtcForms) {
  EXPECT_EQ(normalised("2022-09-13T20:38:00Z"), "2022-09-13T20:38:00Z");
  EXPECT_EQ(normalised("2022-09-13t20:38:00z"), "2022-09-13T20:38:00Z");
  EXPECT_EQ(normalised("2022-09-13 20:38:00"), "2022-09-13T20:38:00Z");
  EXPECT_EQ(normalised("2022-09-13T20:38Z"), "2022-09-13T20:38:00Z");
  EXPECT_EQ(normalised("2022-09-13"), "2022-09-13T00:00:00Z");
}

TEST(TimestampTest, ConvertsOffsetsToUtc) {
  EXPECT_EQ(normalised("2022-09-13T22:38:00+02:00"), "2022-09-13T20:38:00Z");
  EXPECT_EQ(normalised("2022-09-13 15:38:00.123 -05:00"), "2022-09-13T20:38:00Z");
  EXPECT_EQ(normalised("2022-09-13T20:38:00-0530"), "2022-09-14T02:08:00Z");
  EXPECT_EQ(normalised("2022-12-31T23:30:00-01"), "2023-01-01T00:30:00Z");
}

TEST(TimestampTest, RejectsImpossibleAndMalformedDates) {
  for (const char* bad :
       {"2022-02-30", "2022-13-01", "2022-09-13T24:00:00Z", "2022-09-13T20:60Z", "yesterday",
        "2022/09/13", "2022-09-13T20:38:00+25:00", "2022-09-13T20:38:00Zjunk", "", "20220913"}) {
    EXPECT_FALSE(parse_timestamp(bad).has_value()) << bad;
  }
}

TEST(TimestampTest, RejectsOffsetsThatLeaveTheYears0000To9999) {
  EXPECT_FALSE(parse_timestamp("9999-12-31T23:00:00-05:00").has_value());
  EXPECT_FALSE(parse_timestamp("0000-01-01T01:00:00+05:00").has_value());
  EXPECT_EQ(normalised("9999-12-31T23:00:00+05:00"), "9999-12-31T18:00:00Z");
  EXPECT_EQ(normalised("0000-01-01T01:00:00-05:00"), "0000-01-01T06:00:00Z");
  EXPECT_EQ(normalised("9999-12-31T23:59:59Z"), "9999-12-31T23:59:59Z");
}

TEST(TimestampTest, HandlesLeapDays) {
  EXPECT_EQ(normalised("2024-02-29T12:00:00Z"), "2024-02-29T12:00:00Z");
  EXPECT_FALSE(parse_timestamp("2023-02-29").has_value());
}

}  // namespace
}  // namespace articledb
