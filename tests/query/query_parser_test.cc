#include "query/query_parser.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

namespace articledb::query {
namespace {

std::string tree(std::string_view text) { return parse_query(text).to_string(); }
std::string fts(std::string_view text) { return to_fts5(parse_query(text)).match; }

TEST(QueryParserTest, WordsPhrasesPrefixesAndExclusions) {
  EXPECT_EQ(tree("open models"), R"(AND(OR("open"), OR("models")))");
  EXPECT_EQ(tree("\"semantic search\" embed*"),
            R"(AND(OR("semantic search"~phrase), OR("embed"*)))");
  EXPECT_EQ(tree("ai -crypto NOT spam"), R"(AND(OR("ai"), NOT("crypto"), NOT("spam")))");
  EXPECT_EQ(tree("-\"big data\""), R"(AND(NOT("big data"~phrase)))");
}

TEST(QueryParserTest, OrJoinsNeighboursAndAndIsImplicit) {
  EXPECT_EQ(tree("robots OR drones AND ai"), R"(AND(OR("robots" "drones"), OR("ai")))");
  EXPECT_EQ(tree("OR leading"), R"(AND(OR("leading")))");
  EXPECT_EQ(tree("trailing OR"), R"(AND(OR("trailing")))");
}

TEST(QueryParserTest, ColumnAndFilterPrefixes) {
  EXPECT_EQ(tree("title:pytorch body:\"linux foundation\""),
            R"(AND(OR(title:"pytorch"), OR(body:"linux foundation"~phrase)))");
  EXPECT_EQ(tree("topic:AI topic:\"Machine Learning\" provider:zdnet.com gpu"),
            R"(AND(OR("gpu")) topic:[AI|Machine Learning] provider:[zdnet.com])");
  EXPECT_EQ(tree("unknown:field"), R"(AND(OR("unknown:field")))");
}

TEST(QueryParserTest, TextWithoutLettersIsDropped) {
  for (const char* text :
       {"", "   ", "*", "-", "--", "\"\"", "🙂", "+++", "title:", "AND OR NOT", "\""}) {
    EXPECT_EQ(tree(text), "AND()") << text;
    EXPECT_TRUE(parse_query(text).empty()) << text;
  }
}

TEST(QueryParserTest, UnspacedScriptsMatchAsPrefixes) {
  EXPECT_EQ(tree("人工知能"), R"(AND(OR("人工知能"*)))");
  EXPECT_EQ(tree("Künstliche"), R"(AND(OR("Künstliche")))");
}

TEST(QueryParserTest, QuotesInsideWordsAreEscapedForFts5) {
  EXPECT_EQ(fts("say\"hi\""), R"("say""hi""")");
  EXPECT_EQ(fts("C++"), R"("C++")");
}

TEST(QueryParserTest, Fts5ExpressionsCombineClauses) {
  EXPECT_EQ(fts("a b"), R"("a" AND "b")");
  EXPECT_EQ(fts("a OR b c"), R"(("a" OR "b") AND "c")");
  EXPECT_EQ(fts("a -b -c"), R"(("a") NOT ("b" OR "c"))");
  EXPECT_EQ(fts("title:x* y"), R"(title : "x"* AND "y")");
  const FtsExpression only_negative = to_fts5(parse_query("-spam"));
  EXPECT_EQ(only_negative.match, "");
  EXPECT_EQ(only_negative.excluded, R"("spam")");
}

TEST(QueryParserTest, LongTextIsCappedAtMaxClauses) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "word" + std::to_string(i) + " ";
  EXPECT_EQ(parse_query(text).clauses.size(), kMaxClauses);
}

TEST(QueryParserTest, LimitsCutTheTextWithANote) {
  std::string many;
  for (int i = 0; i < 10'000; ++i) many += (i == 0 ? "" : " OR ") + ("w" + std::to_string(i));
  const ParsedQuery terms = parse_query(many, {1u << 20, 64, 8});
  std::size_t kept = 0;
  for (const Clause& clause : terms.clauses) kept += clause.any.size();
  EXPECT_EQ(kept, 64u);
  ASSERT_EQ(terms.notes.size(), 1u);
  EXPECT_NE(terms.notes[0].find("more than 64 words"), std::string::npos);

  std::string prefixes;
  for (int i = 0; i < 20; ++i) prefixes += "p" + std::to_string(i) + "* ";
  const ParsedQuery expanded = parse_query(prefixes, {4096, 64, 8});
  std::size_t prefix_terms = 0;
  for (const Clause& clause : expanded.clauses) prefix_terms += clause.any.front().prefix ? 1 : 0;
  EXPECT_EQ(prefix_terms, 8u);
  EXPECT_EQ(expanded.clauses.size(), 20u);
  ASSERT_EQ(expanded.notes.size(), 1u);

  const std::string long_text = std::string(5000, 'a') + " b";
  const ParsedQuery cut = parse_query(long_text, {100, 64, 8});
  ASSERT_EQ(cut.clauses.size(), 1u);
  EXPECT_EQ(cut.clauses[0].any[0].text.size(), 100u);
  EXPECT_NE(cut.notes.at(0).find("longer than 100 bytes"), std::string::npos);
  // Cut at the start of a character, never inside one.
  const ParsedQuery utf8 = parse_query("é" + std::string(200, 'x'), {1, 64, 8});
  EXPECT_TRUE(utf8.clauses.empty());
  EXPECT_TRUE(parse_query("plain words").notes.empty());
}

// Every expression the parser makes is valid FTS5, whatever the input.
TEST(QueryParserTest, GeneratedExpressionsAreAlwaysValidFts5) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("CREATE VIRTUAL TABLE t USING fts5(title, excerpt, body, topics, provider)");
  db.exec("INSERT INTO t VALUES ('c plus plus', 'x', 'y', 'z', 'w')");
  const std::string ten_kb(10 * 1024, 'a');
  std::vector<std::string> inputs = {"C++",
                                     "\"unbalanced",
                                     "AND OR NOT",
                                     "*",
                                     "-",
                                     "NEAR(",
                                     "NEAR(a b)",
                                     "title:",
                                     "title:\"",
                                     "🙂 emoji",
                                     "人工知能 中文",
                                     "a:b:c",
                                     "(a OR b)",
                                     "a AND",
                                     "NOT",
                                     "^start",
                                     "col:\"x\"*",
                                     "\"a\" \"b",
                                     "x -",
                                     "-x -y",
                                     "a OR OR b",
                                     "*prefix",
                                     "a**",
                                     "\"\"\"",
                                     "body:-x",
                                     "provider:",
                                     "topic:",
                                     ten_kb,
                                     ten_kb + " " + ten_kb,
                                     "{title body}: x",
                                     "a + b",
                                     "'quoted'",
                                     "tab\tnewline\nboth",
                                     "\xE2\x80\x8B zero width"};
  std::string words;
  for (int i = 0; i < 1500; ++i) words += "w" + std::to_string(i) + " ";
  inputs.push_back(words);
  for (const std::string& input : inputs) {
    const FtsExpression expression = to_fts5(parse_query(input));
    for (const std::string& match : {expression.match, expression.excluded}) {
      if (match.empty()) continue;
      SQLite::Statement q(db, "SELECT count(*) FROM t WHERE t MATCH ?");
      q.bind(1, match);
      EXPECT_NO_THROW(q.executeStep()) << input.substr(0, 60) << " -> " << match.substr(0, 200);
    }
  }
}

}  // namespace
}  // namespace articledb::query
