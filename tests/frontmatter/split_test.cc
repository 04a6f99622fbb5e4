#include "frontmatter/split.h"

#include <gtest/gtest.h>

namespace articledb::frontmatter {
namespace {

// The parts of a split; they are views into the (static) input text, so a copy is safe.
Parts parts_of(const SplitResult& result) {
  const auto* parts = std::get_if<Parts>(&result);
  EXPECT_NE(parts, nullptr);
  return parts != nullptr ? *parts : Parts{};
}

TEST(SplitTest, SeparatesFrontMatterAndBody) {
  const SplitResult result = split("---\ntitle: x\n---\nBody text\n");
  const Parts parts = parts_of(result);
  EXPECT_EQ(parts.yaml, "title: x\n");
  EXPECT_EQ(parts.yaml_line, 2);
  EXPECT_EQ(parts.body, "Body text\n");
}

TEST(SplitTest, AcceptsDotsAsClosingFence) {
  EXPECT_EQ(parts_of(split("---\na: 1\n...\nrest")).body, "rest");
}

TEST(SplitTest, ToleratesByteOrderMarkCrLfAndTrailingSpaces) {
  const SplitResult result = split("\xEF\xBB\xBF---  \r\ntitle: x\r\n--- \r\nbody\r\n");
  const Parts parts = parts_of(result);
  EXPECT_EQ(parts.yaml, "title: x\r\n");
  EXPECT_EQ(parts.body, "body\r\n");
}

TEST(SplitTest, EmptyFrontMatterAndNoBody) {
  const Parts parts = parts_of(split("---\n---"));
  EXPECT_EQ(parts.yaml, "");
  EXPECT_EQ(parts.body, "");
}

TEST(SplitTest, FileWithoutOpeningFenceHasNoFrontMatter) {
  EXPECT_TRUE(std::holds_alternative<NoFrontMatter>(split("title: x\n---\n")));
  EXPECT_TRUE(std::holds_alternative<NoFrontMatter>(split("")));
  EXPECT_TRUE(std::holds_alternative<NoFrontMatter>(split("----\ntitle: x\n---\n")));
  EXPECT_TRUE(std::holds_alternative<NoFrontMatter>(split(" ---\n")));
}

TEST(SplitTest, UnclosedFrontMatterIsReported) {
  EXPECT_TRUE(std::holds_alternative<Unclosed>(split("---\ntitle: x\n")));
  EXPECT_TRUE(std::holds_alternative<Unclosed>(split("---")));
  // A fence inside a value does not close it: "----" and " ---" are not fences.
  EXPECT_TRUE(std::holds_alternative<Unclosed>(split("---\na: |\n ---\n----\n")));
}

TEST(SplitTest, ClosingFenceMayBeTheLastLineWithoutNewline) {
  const Parts parts = parts_of(split("---\na: 1\n---"));
  EXPECT_EQ(parts.yaml, "a: 1\n");
  EXPECT_EQ(parts.body, "");
}

}  // namespace
}  // namespace articledb::frontmatter
