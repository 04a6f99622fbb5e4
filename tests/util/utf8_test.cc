#include "util/utf8.h"

#include <gtest/gtest.h>

namespace articledb::util {
namespace {

TEST(Utf8Test, FindsTheFirstInvalidByte) {
  EXPECT_EQ(find_invalid_utf8("plain"), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("日本 é 🙂"), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("ab\xFF"), 2u);
  EXPECT_EQ(find_invalid_utf8("a\xC3"), 1u);          // truncated sequence
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);       // overlong
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);  // surrogate
}

TEST(Utf8Test, PositionsCountLinesAndCodePoints) {
  const std::string text = "ab\nсд\xFF";
  const TextPosition pos = position_of(text, text.size() - 1);
  EXPECT_EQ(pos.line, 2);
  EXPECT_EQ(pos.column, 3);
  EXPECT_EQ(position_of("abc", 0).column, 1);
}

TEST(Utf8Test, AsciiCheck) {
  EXPECT_TRUE(is_ascii("abc"));
  EXPECT_FALSE(is_ascii("é"));
}

}  // namespace
}  // namespace articledb::util
