#include "frontmatter/yaml_tree.h"

#include <gtest/gtest.h>

namespace articledb::frontmatter {
namespace {

Node parse_ok(std::string_view yaml, int first_line = 2) {
  auto result = parse_yaml(yaml, first_line);
  if (auto* error = std::get_if<YamlError>(&result)) {
    ADD_FAILURE() << "unexpected error: " << error->message;
    return {};
  }
  return std::get<Node>(std::move(result));
}

YamlError parse_error(std::string_view yaml, int first_line = 2, YamlLimits limits = {}) {
  auto result = parse_yaml(yaml, first_line, limits);
  if (auto* error = std::get_if<YamlError>(&result)) return *error;
  ADD_FAILURE() << "expected an error for: " << yaml;
  return {};
}

TEST(YamlTreeTest, ReadsNestedMapsAndSequencesInOrder) {
  const Node root = parse_ok("b: 1\na:\n  - x\n  - {k: v}\n");
  ASSERT_TRUE(root.is_map());
  ASSERT_EQ(root.keys, (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ(root.items[0].value, "1");
  const Node& list = root.items[1];
  ASSERT_TRUE(list.is_sequence());
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(list.items[0].value, "x");
  EXPECT_TRUE(list.items[1].is_map());
  EXPECT_EQ(list.items[1].keys[0], "k");
}

TEST(YamlTreeTest, PositionsAreFileLinesAndOneBasedColumns) {
  const Node root = parse_ok("title: x\nquality: 5\n", 2);
  EXPECT_EQ(root.items[1].position.line, 3);
  EXPECT_EQ(root.items[1].position.column, 10);
  EXPECT_EQ(root.key_positions[1].line, 3);
  EXPECT_EQ(root.key_positions[1].column, 1);
}

TEST(YamlTreeTest, PlainScalarsAreMarkedQuotedOnesAreNot) {
  const Node root = parse_ok("a: 12\nb: \"12\"\nc: '12'\nd: !!str 12\ne:\nf: ~\n");
  EXPECT_TRUE(root.items[0].plain);
  EXPECT_FALSE(root.items[1].plain);
  EXPECT_FALSE(root.items[2].plain);
  EXPECT_FALSE(root.items[3].plain);
  EXPECT_TRUE(root.items[4].is_null());
  EXPECT_TRUE(root.items[5].is_null());
}

TEST(YamlTreeTest, AliasesAreExpanded) {
  const Node root = parse_ok("a: &x [1, 2]\nb: *x\n");
  ASSERT_TRUE(root.items[1].is_sequence());
  EXPECT_EQ(root.items[1].items.size(), 2u);
}

TEST(YamlTreeTest, DuplicateKeyIsAnErrorNamingBothLines) {
  const YamlError error = parse_error("title: a\nheat: 1\ntitle: b\n", 2);
  EXPECT_NE(error.message.find("duplicate key 'title'"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("line 2"), std::string::npos) << error.message;
  EXPECT_EQ(error.position.line, 4);
  EXPECT_EQ(error.position.column, 1);
}

TEST(YamlTreeTest, DuplicateKeyIsFoundInLargeMaps) {
  std::string yaml;
  for (int i = 0; i < 100; ++i) yaml += "k" + std::to_string(i) + ": v\n";
  yaml += "k57: again\n";
  EXPECT_NE(parse_error(yaml).message.find("duplicate key 'k57'"), std::string::npos);
}

TEST(YamlTreeTest, TabIndentationIsAnErrorWithPosition) {
  const YamlError error = parse_error("a:\n\t- b\n", 2);
  EXPECT_EQ(error.position.line, 3);
  EXPECT_FALSE(error.message.empty());
}

TEST(YamlTreeTest, SyntaxErrorsCarryTheirPosition) {
  const YamlError error = parse_error("title: x\nbad: [1, 2\n", 5);
  EXPECT_GE(error.position.line, 5);
}

TEST(YamlTreeTest, TopLevelMustBeAMapping) {
  EXPECT_NE(parse_error("- a\n- b\n").message.find("mapping"), std::string::npos);
  EXPECT_NE(parse_error("just text\n").message.find("mapping"), std::string::npos);
  EXPECT_NE(parse_error("").message.find("empty"), std::string::npos);
}

TEST(YamlTreeTest, ComplexKeysAreRejected) {
  EXPECT_NE(parse_error("? [a, b]\n: c\n").message.find("mapping key"), std::string::npos);
}

TEST(YamlTreeTest, SecondDocumentIsRejected) {
  EXPECT_NE(parse_error("a: 1\n---\nb: 2\n").message.find("more than one"), std::string::npos);
}

TEST(YamlTreeTest, DeepNestingIsRejectedWithoutCrashing) {
  const std::string flow = "a: " + std::string(10'000, '[') + std::string(10'000, ']') + "\n";
  EXPECT_FALSE(parse_error(flow).message.empty());
  std::string block = "a:\n";
  for (int i = 1; i <= 200; ++i)
    block += std::string(static_cast<std::size_t>(i) * 2, ' ') + "b:\n";
  EXPECT_NE(parse_error(block).message.find("nested deeper"), std::string::npos);
}

TEST(YamlTreeTest, AliasBombIsStoppedByTheNodeLimit) {
  std::string yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    const char previous = static_cast<char>(c - 1);
    yaml += std::string(1, c) + ": &" + c + " [*" + previous + ", *" + previous + ", *" + previous +
            ", *" + previous + ", *" + previous + ", *" + previous + ", *" + previous + ", *" +
            previous + ", *" + previous + ", *" + previous + "]\n";
  }
  YamlLimits limits;
  limits.max_nodes = 100'000;
  EXPECT_NE(parse_error(yaml, 2, limits).message.find("more than"), std::string::npos);
}

}  // namespace
}  // namespace articledb::frontmatter
