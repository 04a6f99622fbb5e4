#include "record/article_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace articledb::record {
namespace {

using ::testing::HasSubstr;
using Outcome = ParseResult::Outcome;

class ArticleParserTest : public ::testing::Test {
 protected:
  ParseResult parse(std::string_view text, BodyFormat format = BodyFormat::kMarkdown) {
    return parse_article(text, "a.md", format, normalizer_);
  }
  ParsedArticle parse_ok(std::string_view text, BodyFormat format = BodyFormat::kMarkdown) {
    ParseResult result = parse(text, format);
    EXPECT_EQ(result.outcome, Outcome::kArticle)
        << (result.problems.empty() ? "" : result.problems.front().to_string());
    return std::move(result.parsed);
  }
  normalize::TextNormalizer normalizer_;
};

TEST_F(ArticleParserTest, ReadsTheSeedArticleExactly) {
  const auto seed = testing::seed_dir();
  ARTICLEDB_SKIP_WITHOUT_SHARED(seed.has_value());
  const std::string text = testing::read_file(*seed / "000_d08c63637665816d.txt");
  const ParsedArticle parsed = parse_ok(text, BodyFormat::kText);
  const Article& a = parsed.article;
  EXPECT_EQ(a.title, "Facebook's PyTorch AI ignites at the Linux Foundation");
  EXPECT_EQ(a.category, "news");
  EXPECT_THAT(*a.excerpt, HasSubstr("moving from underneath Facebook's rule"));
  EXPECT_EQ(format_timestamp(*a.published_at), "2022-09-13T20:38:00Z");
  EXPECT_EQ(a.original_url,
            "https://www.zdnet.com/article/facebooks-pytorch-ai-ignites-at-the-linux-foundation/");
  EXPECT_EQ(a.web_url, a.original_url);
  EXPECT_EQ(a.amp_web_url,
            "https://www.zdnet.com/google-amp/article/"
            "facebooks-pytorch-ai-ignites-at-the-linux-foundation/");
  EXPECT_THAT(*a.cdn_amp_web_url, HasSubstr("www-zdnet-com.cdn.ampproject.org"));
  EXPECT_EQ(a.type, "article");
  EXPECT_EQ(a.quality, 106);
  EXPECT_EQ(a.heat, 126);
  EXPECT_EQ(a.published, true);
  EXPECT_EQ(a.removed, std::nullopt);
  EXPECT_THAT(*a.secured, HasSubstr(";QmEPEjAFf2J1lY5W/G/QWA=="));
  ASSERT_TRUE(a.provider);
  EXPECT_EQ(a.provider->name, "ZDNet");
  EXPECT_EQ(a.provider->domain, "zdnet.com");
  ASSERT_EQ(a.provider->images.size(), 1u);
  EXPECT_EQ(a.provider->images[0].width, 50);
  EXPECT_EQ(a.provider->images[0].height, 50);
  ASSERT_EQ(a.topics.size(), 3u);
  EXPECT_EQ(a.topics[0].name, "Facebook AI");
  EXPECT_EQ(a.topics[1].name, "AI");
  EXPECT_EQ(a.topics[2].name, "AI Hardware");
  EXPECT_EQ(a.topics[2].slug, "ai-hardware");
  ASSERT_EQ(a.images.size(), 1u);
  EXPECT_EQ(a.images[0].width, 1200);
  EXPECT_EQ(a.images[0].height, 802);
  EXPECT_EQ(a.images[0].is_cached, true);
  ASSERT_EQ(a.related.size(), 2u);
  EXPECT_EQ(a.related[0].title, "AMD Joins PyTorch Foundation to Accelerate AI Adoption");
  EXPECT_THAT(*a.related[0].excerpt, HasSubstr("Alphabet’s Google cloud"));
  EXPECT_EQ(format_timestamp(*a.related[0].published_at), "2022-09-13T21:00:00Z");
  EXPECT_EQ(a.related[0].provider->name, "Nasdaq");
  EXPECT_EQ(a.related[0].provider->domain, "nasdaq.com");
  EXPECT_EQ(a.related[0].quality, 88);
  EXPECT_EQ(a.related[1].provider->domain, "techradar.com");
  EXPECT_EQ(a.related[1].amp_web_url, std::nullopt);
  EXPECT_EQ(parsed.canonical_url,
            "https://www.zdnet.com/article/facebooks-pytorch-ai-ignites-at-the-linux-foundation/");
  // The mojibake repair keeps the value as written.
  const auto repaired = nlohmann::json::parse(a.repaired_json);
  EXPECT_THAT(repaired.at("related[0].excerpt").get<std::string>(), HasSubstr("Alphabetâ€™s"));
  EXPECT_EQ(a.extra_json, "{}");
  EXPECT_FALSE(a.body.has_value());
}

TEST_F(ArticleParserTest, KeepsUnknownKeysInExtraWithTheirValues) {
  const ParsedArticle parsed =
      parse_ok(testing::article_text("T",
                                     "price: Free\n"
                                     "length: PT44M\n"
                                     "ratings:\n  count: 32\n  average: 4.65625\n"
                                     "levels: [Intermediate]\n"
                                     "provider:\n  name: P\n  domain: p.com\n"
                                     "  authors:\n    - name: chass\n"));
  const auto extra = nlohmann::json::parse(parsed.article.extra_json);
  EXPECT_EQ(extra.at("price"), "Free");
  EXPECT_EQ(extra.at("length"), "PT44M");
  EXPECT_EQ(extra.at("ratings").at("count"), 32);
  EXPECT_EQ(extra.at("ratings").at("average"), 4.65625);
  EXPECT_EQ(extra.at("levels").at(0), "Intermediate");
  EXPECT_EQ(extra.at("provider").at("authors").at(0).at("name"), "chass");
  EXPECT_FALSE(extra.contains("title"));
}

TEST_F(ArticleParserTest, WrongTypesAreWarningsAndTheValueIsKept) {
  const ParseResult result = parse(testing::article_text(
      "T",
      "quality: high\nheat: [1]\npublished: maybe\npublishedDateTime: last week\n"
      "excerpt: {a: b}\nimages:\n  - url: /x.png\n    width: wide\n"));
  ASSERT_EQ(result.outcome, Outcome::kArticle);
  ASSERT_EQ(result.problems.size(), 6u);
  for (const Problem& p : result.problems) {
    EXPECT_EQ(p.severity, Problem::Severity::kWarning);
    EXPECT_GT(p.line, 0);
  }
  EXPECT_THAT(result.problems[0].message, HasSubstr("quality: expected a whole number"));
  EXPECT_EQ(result.problems[0].line, 3);
  EXPECT_EQ(result.problems[0].column, 10);
  const Article& a = result.parsed.article;
  EXPECT_FALSE(a.quality.has_value());
  EXPECT_FALSE(a.heat.has_value());
  const auto extra = nlohmann::json::parse(a.extra_json);
  EXPECT_EQ(extra.at("quality"), "high");
  EXPECT_EQ(extra.at("heat"), nlohmann::json::array({1}));
  EXPECT_EQ(extra.at("published"), "maybe");
  EXPECT_EQ(extra.at("publishedDateTime"), "last week");
  EXPECT_EQ(extra.at("excerpt").at("a"), "b");
  ASSERT_EQ(a.images.size(), 1u);
  EXPECT_EQ(a.images[0].url, "/x.png");
  EXPECT_EQ(nlohmann::json::parse(a.images[0].extra_json).at("width"), "wide");
}

TEST_F(ArticleParserTest, QuotedNumbersAndYamlOneOneBooleansAreAccepted) {
  const Article a =
      parse_ok(testing::article_text("T", "quality: \"106\"\npublished: yes\nremoved: off"))
          .article;
  EXPECT_EQ(a.quality, 106);
  EXPECT_EQ(a.published, true);
  EXPECT_EQ(a.removed, false);
}

TEST_F(ArticleParserTest, DecodesEntitiesAndNormalisesText) {
  const Article a = parse_ok(testing::article_text("Q&amp;A:  Cafe\xCC\x81 ",
                                                   "excerpt: \"  AT&amp;T &#8217;s  \""))
                        .article;
  EXPECT_EQ(a.title, "Q&A:  Caf\xC3\xA9");
  EXPECT_EQ(a.excerpt, "AT&T ’s");
  const auto repaired = nlohmann::json::parse(a.repaired_json);
  EXPECT_EQ(repaired.at("title"), "Q&amp;A:  Cafe\xCC\x81 ");
  EXPECT_EQ(repaired.at("excerpt"), "  AT&amp;T &#8217;s  ");
}

TEST_F(ArticleParserTest, ConvertsTimesToUtcAndKeepsTheOriginal) {
  const Article a =
      parse_ok(testing::article_text("T", "publishedDateTime: 2022-09-13T22:38:00+02:00")).article;
  EXPECT_EQ(format_timestamp(*a.published_at), "2022-09-13T20:38:00Z");
  EXPECT_EQ(nlohmann::json::parse(a.repaired_json).at("publishedDateTime"),
            "2022-09-13T22:38:00+02:00");
}

TEST_F(ArticleParserTest, ProfilesUseTheirNameAsTitle) {
  const ParsedArticle parsed =
      parse_ok("---\nname: \"April Dunnam\"\nbio: x\ntwitter:\n  username: a\n---\n");
  EXPECT_EQ(parsed.article.title, "April Dunnam");
  const auto extra = nlohmann::json::parse(parsed.article.extra_json);
  EXPECT_EQ(extra.at("name"), "April Dunnam");
  EXPECT_EQ(extra.at("twitter").at("username"), "a");
}

TEST_F(ArticleParserTest, TopicsKeepOrderAndDropDuplicates) {
  const ParsedArticle parsed = parse_ok(testing::article_text("T", "topics: [B, a, \"  b \", C]"));
  ASSERT_EQ(parsed.article.topics.size(), 3u);
  EXPECT_EQ(parsed.article.topics[0].name, "B");
  EXPECT_EQ(parsed.article.topics[1].name, "a");
  EXPECT_EQ(parsed.article.topics[2].name, "C");
  EXPECT_EQ(parsed.topic_keys, (std::vector<std::string>{"b", "a", "c"}));
  EXPECT_TRUE(nlohmann::json::parse(parsed.article.repaired_json).contains("topics"));
}

TEST_F(ArticleParserTest, ASingleTopicNameIsAList) {
  const ParsedArticle parsed = parse_ok(testing::article_text("T", "topics: AI"));
  ASSERT_EQ(parsed.article.topics.size(), 1u);
  EXPECT_EQ(parsed.article.topics[0].name, "AI");
}

TEST_F(ArticleParserTest, ExtractsBodyTextByFormat) {
  const std::string file = testing::article_text("T") + "# Head\n\n<p>x &amp; y</p>\n";
  const ParsedArticle md = parse_ok(file, BodyFormat::kMarkdown);
  EXPECT_EQ(md.article.body, "# Head\n\n<p>x &amp; y</p>\n");
  EXPECT_EQ(md.article.body_format, BodyFormat::kMarkdown);
  EXPECT_EQ(md.body_text, "Head x & y");
  const ParsedArticle html = parse_ok(file, BodyFormat::kHtml);
  EXPECT_EQ(html.body_text, "# Head x & y");
  const ParsedArticle text = parse_ok(file, BodyFormat::kText);
  EXPECT_EQ(text.body_text, "# Head\n\n<p>x &amp; y</p>");
}

TEST_F(ArticleParserTest, WhitespaceOnlyBodyIsNoBody) {
  const ParsedArticle parsed = parse_ok(testing::article_text("T") + "\n  \n");
  EXPECT_FALSE(parsed.article.body.has_value());
  EXPECT_FALSE(parsed.body_text.has_value());
}

TEST_F(ArticleParserTest, CanonicalUrlComesFromWebUrlThenOriginalUrl) {
  EXPECT_EQ(parse_ok(testing::article_text("T", "originalUrl: HTTPS://A.com/x?utm_source=t"))
                .canonical_url,
            "https://a.com/x");
  EXPECT_EQ(
      parse_ok(testing::article_text("T", "originalUrl: https://a.com/x\nwebUrl: https://b.com/y"))
          .canonical_url,
      "https://b.com/y");
}

TEST_F(ArticleParserTest, FilesWithoutFrontMatterOrTitleAreSkipped) {
  for (const char* text :
       {"just text", "", "---\nexcerpt: x\n---\n", "---\ntitle: \"  \"\n---\n"}) {
    const ParseResult result = parse(text);
    EXPECT_EQ(result.outcome, Outcome::kSkipped) << text;
    ASSERT_FALSE(result.problems.empty());
    EXPECT_EQ(result.problems.front().severity, Problem::Severity::kSkipped);
  }
}

TEST_F(ArticleParserTest, MalformedFilesFailWithPosition) {
  struct Case {
    std::string text;
    const char* message;
    int line;
  };
  const Case cases[] = {
      {"---\ntitle: x\n", "not closed", 1},
      {"---\ntitle: x\nbad: [1\n---\n", "invalid YAML", 0},
      {"---\ntitle: x\nlist:\n\t- a\n---\n", "invalid YAML", 4},
      {"---\ntitle: a\ntitle: b\n---\n", "duplicate key 'title'", 3},
      {std::string("---\ntitle: x\n---\nbin\0ary", 21), "binary", 4},
      {"---\ntitle: caf\xE9\n---\n", "invalid UTF-8", 2},
  };
  for (const Case& c : cases) {
    const ParseResult result = parse(c.text);
    EXPECT_EQ(result.outcome, Outcome::kFailed) << c.text;
    ASSERT_FALSE(result.problems.empty());
    const Problem& p = result.problems.front();
    EXPECT_EQ(p.severity, Problem::Severity::kError);
    EXPECT_THAT(p.message, HasSubstr(c.message));
    if (c.line > 0) {
      EXPECT_EQ(p.line, c.line) << p.to_string();
    }
    EXPECT_GT(p.column, 0);
    EXPECT_EQ(p.path, "a.md");
  }
}

TEST_F(ArticleParserTest, InvalidUtf8IsLocatedByLineAndColumn) {
  const ParseResult result = parse("---\ntitle: x\n---\nok line\nab\xFF\n");
  ASSERT_EQ(result.outcome, Outcome::kFailed);
  EXPECT_EQ(result.problems.front().line, 5);
  EXPECT_EQ(result.problems.front().column, 3);
  EXPECT_THAT(result.problems.front().message, HasSubstr("0xFF"));
}

TEST_F(ArticleParserTest, NonLatinArticlesSurviveIntact) {
  const ParsedArticle parsed = parse_ok(testing::article_text(
      "人工知能の未来", "excerpt: \"مقالة عن الذكاء الاصطناعي\"\ntopics: [\"日本語\", \"עברית\"]"));
  EXPECT_EQ(parsed.article.title, "人工知能の未来");
  EXPECT_EQ(parsed.article.excerpt, "مقالة عن الذكاء الاصطناعي");
  EXPECT_EQ(parsed.article.topics[1].name, "עברית");
  EXPECT_FALSE(parsed.article.topics[1].slug.empty());
}

TEST(BodyFormatTest, FollowsTheExtension) {
  EXPECT_EQ(body_format_for("a/b.HTML"), BodyFormat::kHtml);
  EXPECT_EQ(body_format_for("x.htm"), BodyFormat::kHtml);
  EXPECT_EQ(body_format_for("x.markdown"), BodyFormat::kMarkdown);
  EXPECT_EQ(body_format_for("x.md"), BodyFormat::kMarkdown);
  EXPECT_EQ(body_format_for("x.txt"), BodyFormat::kText);
}

TEST(BodyFormatTest, OtherNamesAreNotArticleFiles) {
  for (const char* name : {"a.md", "a.MD", "a.markdown", "a.html", "a.htm", "a.txt"}) {
    EXPECT_TRUE(body_format_for(name).has_value()) << name;
  }
  for (const char* name : {"a.json", "a", "md", "a.md.bak", "a.yml"}) {
    EXPECT_FALSE(body_format_for(name).has_value()) << name;
  }
}

}  // namespace
}  // namespace articledb::record
