// Database's read API against a database of generated articles with known properties.
#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "articledb/database.h"
#include "articledb/error.h"
#include "articledb/importer.h"
#include "query/sql_builder.h"
#include "test_util.h"

namespace articledb {
namespace {

using ::testing::HasSubstr;

constexpr int kArticles = 40;

// Article i: topics, provider, time, quality and heat follow from i, so tests can count.
std::string fixture_article(int i) {
  std::string topics = "topics: [";
  if (i % 2 == 0) topics += "AI, ";
  if (i % 3 == 0) topics += "Machine Learning, ";
  if (i % 5 == 0) topics += "Robotics, ";
  topics += "Everything]";
  const char* providers[] = {"{name: ZDNet, domain: zdnet.com}",
                             "{name: TechRadar, domain: techradar.com}",
                             "{name: Nasdaq, domain: nasdaq.com}", "{name: Lonely Blog}"};
  std::string more = topics + "\nprovider: " + providers[i % 4] + "\n";
  if (i % 7 != 6) {  // some articles have no time
    char time[32];
    std::snprintf(time, sizeof time, "2022-%02d-%02dT10:00:00Z", 1 + i % 12, 1 + i % 27);
    more += std::string("publishedDateTime: ") + time + "\n";
  }
  if (i % 4 != 3) more += "quality: " + std::to_string((i * 37) % 100) + "\n";
  more += "heat: " + std::to_string((i * 13) % 50) + "\n";
  more += std::string("published: ") + (i % 10 == 9 ? "false" : "true") + "\n";
  if (i == 11) more += "removed: true\n";
  more += "type: " + std::string(i % 3 == 1 ? "video" : "article") + "\n";
  more += "webUrl: https://news.example.com/story/" + std::to_string(i) + "\n";
  std::string excerpt = "Story number " + std::to_string(i) + " about widgets";
  if (i == 5) excerpt += " and quantum gadgets";
  more += "excerpt: \"" + excerpt + "\"\n";
  if (i == 3) {
    more +=
        "related:\n  - title: Story 4\n    webUrl: HTTPS://NEWS.example.com/story/4#top\n"
        "  - title: Elsewhere\n    webUrl: https://elsewhere.example/x\n";
  }
  std::string title = "Article " + std::to_string(i);
  if (i == 7) title = "Quantum computing explained";
  std::string text = testing::article_text(title, more);
  if (i == 9) text += "The body mentions quantum only here.\n";
  return text;
}

class QueriesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    for (int i = 0; i < kArticles; ++i) {
      const std::string folder = i < 30 ? "_news" : "_learning";
      testing::write_file(dir_->path() / "src" / folder / ("a" + std::to_string(i) + ".md"),
                          fixture_article(i));
    }
    Database db(dir_->path() / "q.db");
    Importer(db).run({dir_->path() / "src"});
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    OpenOptions options;
    options.mode = OpenMode::kReadOnly;
    db_ = std::make_unique<Database>(dir_->path() / "q.db", options);
    sql_ = std::make_unique<SQLite::Database>((dir_->path() / "q.db").string());
  }

  std::int64_t id_of(int i) {
    return db_->article_by_path("_news/a" + std::to_string(i) + ".md").value().id.value();
  }
  std::int64_t count(const std::string& query) { return sql_->execAndGet(query).getInt64(); }

  // Every article of a listing, page by page, checking that no id comes twice.
  std::vector<std::int64_t> all_pages(ListOptions options) {
    std::vector<std::int64_t> ids;
    std::set<std::int64_t> seen;
    for (int guard = 0; guard < 100; ++guard) {
      const ArticlePage page = db_->list(options);
      for (const Article& a : page.articles) {
        EXPECT_TRUE(seen.insert(*a.id).second) << "id " << *a.id << " came twice";
        ids.push_back(*a.id);
      }
      if (page.next.empty()) break;
      options.after = page.next;
    }
    return ids;
  }

  static inline testing::TempDir* dir_ = nullptr;
  std::unique_ptr<Database> db_;
  std::unique_ptr<SQLite::Database> sql_;
};

TEST_F(QueriesTest, ArticleByIdHasAllItsParts) {
  const Article a = db_->article(id_of(3)).value();
  EXPECT_EQ(a.title, "Article 3");
  EXPECT_EQ(a.path, "_news/a3.md");
  EXPECT_EQ(a.collection, "news");
  EXPECT_EQ(a.excerpt, "Story number 3 about widgets");
  EXPECT_EQ(format_timestamp(*a.published_at), "2022-04-04T10:00:00Z");
  EXPECT_EQ(a.quality, std::nullopt);  // i % 4 == 3 has none
  EXPECT_EQ(a.heat, 39);
  EXPECT_EQ(a.published, true);
  EXPECT_EQ(a.removed, std::nullopt);
  EXPECT_EQ(a.type, "article");
  ASSERT_TRUE(a.provider);
  EXPECT_EQ(a.provider->name, "Lonely Blog");
  EXPECT_EQ(a.provider->domain, std::nullopt);
  ASSERT_EQ(a.topics.size(), 2u);
  EXPECT_EQ(a.topics[0].name, "Machine Learning");
  EXPECT_EQ(a.topics[0].slug, "machine-learning");
  EXPECT_EQ(a.topics[1].name, "Everything");
  ASSERT_EQ(a.related.size(), 2u);
  EXPECT_EQ(a.related[0].article_id, id_of(4));  // matched by canonical URL
  EXPECT_EQ(a.related[1].article_id, std::nullopt);
  EXPECT_FALSE(db_->article(999999).has_value());
}

TEST_F(QueriesTest, ArticleByPathAcceptsRelativeAndDiskPaths) {
  const auto disk = dir_->path() / "src" / "_news" / "a5.md";
  EXPECT_EQ(db_->article_by_path(disk.string())->id, id_of(5));
  EXPECT_EQ(db_->article_by_path("./_news/a5.md")->id, id_of(5));
  EXPECT_FALSE(db_->article_by_path("_news/none.md").has_value());
}

TEST_F(QueriesTest, ArticleByUrlMatchesTheCanonicalForm) {
  EXPECT_EQ(db_->article_by_url("https://news.example.com/story/8")->id, id_of(8));
  EXPECT_EQ(db_->article_by_url("HTTPS://News.Example.com:443/story/8?utm_source=x#frag")->id,
            id_of(8));
  EXPECT_FALSE(db_->article_by_url("https://news.example.com/story/999").has_value());
  EXPECT_FALSE(db_->article_by_url("not a url").has_value());
}

TEST_F(QueriesTest, BodyOnlyWhenAsked) {
  EXPECT_TRUE(db_->article(id_of(9), true)->body.has_value());
  EXPECT_FALSE(db_->article(id_of(9), false)->body.has_value());
  EXPECT_EQ(db_->article(id_of(9))->body_format, BodyFormat::kMarkdown);
}

TEST_F(QueriesTest, EveryFilterSelectsWhatTheShellCounts) {
  struct Case {
    Filter filter;
    std::string where;
  };
  std::vector<Case> cases;
  auto add = [&](auto set, std::string where) {
    Filter f;
    set(f);
    cases.push_back({f, std::move(where)});
  };
  const std::string has_topic =
      "EXISTS (SELECT 1 FROM article_topics l JOIN topics t ON t.id = l.topic_id WHERE "
      "l.article_id = a.id AND t.name = ";
  add([](Filter& f) { f.topics = {"ai"}; }, has_topic + "'AI')");
  add([](Filter& f) { f.topics = {"machine-learning"}; }, has_topic + "'Machine Learning')");
  add(
      [](Filter& f) {
        f.topics = {"AI", "Robotics"};
      },
      "(" + has_topic + "'AI') OR " + has_topic + "'Robotics'))");
  add(
      [](Filter& f) {
        f.topics = {"AI", "Robotics"};
        f.all_topics = true;
      },
      has_topic + "'AI') AND " + has_topic + "'Robotics')");
  add([](Filter& f) { f.providers = {"zdnet.com"}; }, "a.provider_name = 'ZDNet'");
  add(
      [](Filter& f) {
        f.providers = {"www.ZDNet.com", "TechRadar"};
      },
      "a.provider_name IN ('ZDNet', 'TechRadar')");
  add([](Filter& f) { f.providers = {"lonely blog"}; }, "a.provider_name = 'Lonely Blog'");
  add([](Filter& f) { f.collection = "learning"; }, "a.collection = 'learning'");
  add([](Filter& f) { f.type = "video"; }, "a.type = 'video'");
  add([](Filter& f) { f.published = false; }, "a.published = 0");
  add([](Filter& f) { f.removed = true; }, "a.removed = 1");
  add([](Filter& f) { f.removed = false; }, "coalesce(a.removed, 0) = 0");
  add([](Filter& f) { f.published_since = parse_timestamp("2022-06-01"); },
      "a.published_at >= '2022-06-01'");
  add(
      [](Filter& f) {
        f.published_since = parse_timestamp("2022-03-01");
        f.published_before = parse_timestamp("2022-05-01");
      },
      "a.published_at >= '2022-03-01' AND a.published_at < '2022-05-01'");
  add([](Filter& f) { f.min_quality = 50; }, "a.quality >= 50");
  add(
      [](Filter& f) {
        f.min_heat = 25;
        f.type = "article";
      },
      "a.heat >= 25 AND a.type = 'article'");
  for (const Case& c : cases) {
    ListOptions options;
    options.filter = c.filter;
    options.limit = 7;
    const auto ids = all_pages(options);
    const auto expected = count("SELECT count(*) FROM articles a WHERE " + c.where);
    EXPECT_GT(expected, 0) << c.where;
    EXPECT_EQ(static_cast<std::int64_t>(ids.size()), expected) << c.where;
  }
}

TEST_F(QueriesTest, SortsOrderAsDocumented) {
  ListOptions options;
  options.limit = kMaxPageSize;
  options.sort = Sort::kNewest;
  std::vector<Article> newest = db_->list(options).articles;
  ASSERT_EQ(newest.size(), static_cast<std::size_t>(kArticles));
  for (std::size_t i = 1; i < newest.size(); ++i) {
    const auto& a = newest[i - 1];
    const auto& b = newest[i];
    if (a.published_at && b.published_at) {
      EXPECT_TRUE(*a.published_at > *b.published_at ||
                  (*a.published_at == *b.published_at && *a.id > *b.id));
    }
    EXPECT_FALSE(!a.published_at && b.published_at) << "articles without a time come last";
  }
  options.sort = Sort::kQuality;
  std::vector<Article> best = db_->list(options).articles;
  for (std::size_t i = 1; i < best.size(); ++i) {
    EXPECT_GE(best[i - 1].quality.value_or(-1), best[i].quality.value_or(-1));
  }
  options.sort = Sort::kHeat;
  std::vector<Article> hot = db_->list(options).articles;
  for (std::size_t i = 1; i < hot.size(); ++i) EXPECT_GE(*hot[i - 1].heat, *hot[i].heat);
  options.sort = Sort::kOldest;
  std::vector<Article> oldest = db_->list(options).articles;
  EXPECT_FALSE(oldest.front().published_at.has_value());  // '' sorts first
}

TEST_F(QueriesTest, KeysetPagesCoverEveryArticleOnceInEverySort) {
  for (Sort sort : {Sort::kNewest, Sort::kOldest, Sort::kQuality, Sort::kHeat}) {
    for (std::size_t limit : {1u, 3u, 7u, 40u, 41u}) {
      ListOptions options;
      options.sort = sort;
      options.limit = limit;
      const auto ids = all_pages(options);
      EXPECT_EQ(ids.size(), static_cast<std::size_t>(kArticles));
      options.limit = kMaxPageSize;
      std::vector<std::int64_t> whole;
      for (const Article& a : db_->list(options).articles) whole.push_back(*a.id);
      EXPECT_EQ(ids, whole) << "pages differ from one big page";
    }
  }
}

// Searches by time look a few matches up by id, from the index articles_facets when it
// holds what they read; a database whose index was dropped by hand is searched from the
// table, with the same pages.
TEST_F(QueriesTest, SearchesByTimeGiveTheSamePagesWithoutTheFacetsIndex) {
  const std::filesystem::path copy = dir_->path() / "no_facets.db";
  {
    SQLite::Statement vacuum(*sql_, "VACUUM INTO ?1");
    vacuum.bind(1, copy.string());
    vacuum.exec();
    SQLite::Database writable(copy.string(), SQLite::OPEN_READWRITE);
    writable.exec("DROP INDEX articles_facets");
  }
  OpenOptions read_only;
  read_only.mode = OpenMode::kReadOnly;
  const Database without(copy, read_only);
  auto pages = [](const Database& db, SearchOptions options) {
    std::vector<std::int64_t> ids;
    for (int guard = 0; guard < 20; ++guard) {
      const SearchResults page = db.search("widgets", options);
      for (const SearchHit& hit : page.hits) ids.push_back(*hit.article.id);
      if (page.next.empty()) break;
      options.after = page.next;
    }
    return ids;
  };
  for (Sort sort : {Sort::kNewest, Sort::kOldest}) {
    for (const char* topic : {"", "AI"}) {
      SearchOptions options;
      options.sort = sort;
      options.limit = 7;
      if (*topic != '\0') options.filter.topics = {topic};
      const std::vector<std::int64_t> with = pages(*db_, options);
      EXPECT_EQ(with.size(), *topic != '\0' ? 20u : static_cast<std::size_t>(kArticles));
      EXPECT_EQ(pages(without, options), with) << topic;
    }
  }
}

TEST(SqlBuilderTest, TheFacetsIndexIsNamedOnlyWhenItHoldsEveryColumnRead) {
  const std::string index = " FROM articles AS a INDEXED BY articles_facets";
  const std::string table = " FROM articles AS a";
  const std::string topic =
      "EXISTS (SELECT 1 FROM article_topics AS l WHERE l.article_id = a.id AND l.topic_id = ?)";
  EXPECT_EQ(query::articles_from({"a.id IN (SELECT value FROM json_each(?))", topic}, true), index);
  EXPECT_EQ(query::articles_from({"coalesce(a.published_at, '') < ?", "a.provider_id = ?"}, true),
            index);
  EXPECT_EQ(query::articles_from({topic, "a.provider_name IN (?)"}, true), table);
  EXPECT_EQ(query::articles_from({"coalesce(a.quality, -1)"}, true), table);
  EXPECT_EQ(query::articles_from({"data.title = ?", "a.id = ?"}, true), index);  // not `a`
  EXPECT_EQ(query::articles_from({"a.id = ?"}, false), table);                   // no such index
}

TEST_F(QueriesTest, BadLimitsAndCursorsAreInvalidArguments) {
  ListOptions options;
  options.limit = 0;
  EXPECT_EQ(testing::error_code_of([&] { db_->list(options); }), ErrorCode::kInvalidArgument);
  options.limit = kMaxPageSize + 1;
  EXPECT_EQ(testing::error_code_of([&] { db_->list(options); }), ErrorCode::kInvalidArgument);
  options.limit = 5;
  options.after = "zz";
  EXPECT_EQ(testing::error_code_of([&] { db_->list(options); }), ErrorCode::kInvalidArgument);
  options.after = "";
  const std::string next = db_->list(options).next;
  options.sort = Sort::kHeat;  // a cursor of another sort
  options.after = next;
  EXPECT_EQ(testing::error_code_of([&] { db_->list(options); }), ErrorCode::kInvalidArgument);
  SearchOptions search;
  search.after = "0123456789";
  EXPECT_EQ(testing::error_code_of([&] { db_->search("widgets", search); }),
            ErrorCode::kInvalidArgument);
}

TEST_F(QueriesTest, SearchRanksTitleOverExcerptOverBody) {
  const SearchResults results = db_->search("quantum");
  ASSERT_EQ(results.hits.size(), 3u);
  EXPECT_EQ(results.hits[0].article.title, "Quantum computing explained");
  EXPECT_EQ(*results.hits[1].article.id, id_of(5));  // excerpt
  EXPECT_EQ(*results.hits[2].article.id, id_of(9));  // body
  EXPECT_LT(results.hits[0].score, results.hits[1].score);
  EXPECT_LT(results.hits[1].score, results.hits[2].score);
  EXPECT_THAT(results.hits[0].snippet, HasSubstr("[Quantum]"));
}

TEST_F(QueriesTest, SearchHighlightMarksAreConfigurable) {
  SearchOptions options;
  options.highlight_open = "<mark>";
  options.highlight_close = "</mark>";
  EXPECT_THAT(db_->search("quantum", options).hits[0].snippet, HasSubstr("<mark>Quantum</mark>"));
}

TEST_F(QueriesTest, SearchLanguageFeatures) {
  auto ids = [&](std::string_view text) {
    std::set<std::int64_t> out;
    SearchOptions options;
    options.limit = kMaxPageSize;
    for (const auto& hit : db_->search(text, options).hits) out.insert(*hit.article.id);
    return out;
  };
  EXPECT_EQ(ids("widgets").size(), static_cast<std::size_t>(kArticles));
  EXPECT_EQ(ids("widgets -quantum").size(), static_cast<std::size_t>(kArticles - 3));
  EXPECT_EQ(ids("-quantum").size(), static_cast<std::size_t>(kArticles - 3));
  EXPECT_EQ(ids("\"quantum gadgets\""), std::set<std::int64_t>{id_of(5)});
  EXPECT_EQ(ids("quant*").size(), 3u);
  EXPECT_EQ(ids("title:quantum"), std::set<std::int64_t>{id_of(7)});
  EXPECT_EQ(ids("gadgets OR explained").size(), 2u);
  EXPECT_EQ(ids("widgets topic:robotics").size(), 8u);   // i % 5 == 0
  EXPECT_EQ(ids("topic:AI topic:Robotics").size(), 4u);  // 0, 10, 20, 30
  EXPECT_EQ(static_cast<std::int64_t>(ids("provider:zdnet.com widgets").size()),
            count("SELECT count(*) FROM articles WHERE provider_name = 'ZDNet'"));
  EXPECT_EQ(ids("topics:robotics provider:zdnet").size(), 2u);  // 0 and 20, as fts column
}

TEST_F(QueriesTest, HostileQueriesNeverFail) {
  const std::string ten_kb = [] {
    std::string text;
    while (text.size() < 10 * 1024) text += "widgets quantum \"story\" -nothing ";
    return text;
  }();
  for (const std::string text :
       {"C++", "\"unbalanced", "AND OR NOT", "*", "-", "NEAR(", "title:", "🙂", "人工知能", "",
        "   ", ten_kb.c_str(), "a:b:c", "(((", "\"\"", "NOT widgets", "-widgets -story"}) {
    SearchOptions options;
    options.facets = true;
    EXPECT_NO_THROW(db_->search(text, options)) << text.substr(0, 40);
  }
  EXPECT_TRUE(db_->search("").hits.empty());
  EXPECT_TRUE(db_->search("🙂").hits.empty());
}

// Found by fuzz_query: NUL and other control bytes in a plain query (query-crash-efcdc204,
// query-crash-ad43214e).
TEST_F(QueriesTest, PlainQueriesWithNulBytesNeverFail) {
  const std::string nul("t\x17\0\0\0\0\0\0\0opic:AI provider:\"The Hindu\" C++", 42);
  SearchOptions facets;
  facets.facets = true;
  const std::string control(
      "open mo\x02"
      "els -crypto");
  for (const std::string& text :
       {nul, control, std::string("widgets\0quantum", 15), std::string(1, '\0')}) {
    try {
      db_->search(text);
      db_->search(text, facets);
    } catch (const Error& e) {
      ADD_FAILURE() << "a plain query failed: " << e.what();
    }
  }
  // The examples, in memory, as the fuzz target has them.
  Database examples(":memory:");
  Importer(examples).run({ARTICLEDB_EXAMPLES});
  EXPECT_NO_THROW(examples.search(control));
  EXPECT_NO_THROW(examples.search(nul));
  // The same text as a raw query, after it ran as a plain one: a syntax error, said so; and
  // the plain query again after that error (a statement the raw query left failed must not
  // pass its error on).
  SearchOptions raw;
  raw.syntax = QuerySyntax::kRaw;
  for (const std::string& text : {control, nul}) {
    const ErrorCode code = testing::error_code_of([&] { examples.search(text, raw); });
    EXPECT_TRUE(code == ErrorCode::kQuerySyntax || code == ErrorCode::kQueryTooComplex)
        << to_string(code);
    EXPECT_NO_THROW(examples.search(text));
  }
}

TEST_F(QueriesTest, QueriesPastTheirLimitsAreCutOrRefused) {
  // 10,000 OR-ed words: the first 64 are searched, with a warning.
  std::string many;
  for (int i = 0; i < 10'000; ++i) many += (i == 0 ? "widgets" : " OR word" + std::to_string(i));
  SearchOptions facets;
  facets.facets = true;
  const SearchResults cut = db_->search(many, facets);
  EXPECT_FALSE(cut.hits.empty());
  ASSERT_FALSE(cut.warnings.empty());
  EXPECT_NE(cut.warnings[0].find("bytes"), std::string::npos) << cut.warnings[0];
  EXPECT_TRUE(db_->search("widgets").warnings.empty());

  // A raw query longer than the limit, and too many topics, are refused.
  SearchOptions raw;
  raw.syntax = QuerySyntax::kRaw;
  std::string near = "NEAR(";
  while (near.size() < 100'000) near += "widgets quantum ";
  near += ")";
  EXPECT_EQ(testing::error_code_of([&] { db_->search(near, raw); }), ErrorCode::kQueryTooComplex);
  SearchOptions topics;
  for (int i = 0; i < 2000; ++i) topics.filter.topics.push_back("t" + std::to_string(i));
  EXPECT_EQ(testing::error_code_of([&] { db_->search("widgets", topics); }),
            ErrorCode::kQueryTooComplex);
  ListOptions list;
  list.filter.topics = topics.filter.topics;
  EXPECT_EQ(testing::error_code_of([&] { db_->list(list); }), ErrorCode::kQueryTooComplex);
  std::string in_text;
  for (int i = 0; i < 2000; ++i) in_text += "topic:t" + std::to_string(i) + " ";
  EXPECT_EQ(testing::error_code_of([&] { db_->search(in_text); }), ErrorCode::kQueryTooComplex);

  // Lower limits, set when the database is opened.
  OpenOptions strict;
  strict.mode = OpenMode::kReadOnly;
  strict.limits.max_terms = 2;
  const Database narrow(dir_->path() / "q.db", strict);
  const SearchResults two = narrow.search("widgets quantum story");
  ASSERT_EQ(two.warnings.size(), 1u);
  EXPECT_NE(two.warnings[0].find("more than 2 words"), std::string::npos);
}

TEST_F(QueriesTest, RawQueriesReportSyntaxErrors) {
  SearchOptions raw;
  raw.syntax = QuerySyntax::kRaw;
  EXPECT_EQ(db_->search("quantum NOT gadgets", raw).hits.size(), 2u);
  EXPECT_EQ(db_->search("title: quantum", raw).hits.size(), 1u);
  for (const char* bad : {"\"unbalanced", "AND OR", "NEAR(", "nosuchcolumn: x", "*"}) {
    try {
      db_->search(bad, raw);
      ADD_FAILURE() << "no error for " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kQuerySyntax) << bad;
      EXPECT_THAT(e.what(), HasSubstr("invalid full-text query")) << e.what();
    }
  }
}

TEST_F(QueriesTest, FacetsEqualGroupByCountsOfTheShell) {
  SearchOptions options;
  options.facets = true;
  options.facet_limit = 0;
  options.filter.type = "article";
  const SearchResults results = db_->search("widgets -gadgets", options);
  ASSERT_TRUE(results.facets);
  const Facets& f = *results.facets;
  const std::string hits =
      "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
      "WHERE articles_fts MATCH 'widgets NOT gadgets' AND a.type = 'article'";
  EXPECT_EQ(f.total, count("SELECT count(*) FROM (" + hits + ")"));
  std::int64_t topic_sum = 0;
  for (const FacetCount& c : f.topics) {
    EXPECT_EQ(c.count,
              count("SELECT count(*) FROM article_topics l JOIN topics t ON t.id = l.topic_id "
                    "WHERE t.slug = '" +
                    c.value + "' AND l.article_id IN (" + hits + ")"))
        << c.value;
    topic_sum += c.count;
  }
  EXPECT_EQ(topic_sum,
            count("SELECT count(*) FROM article_topics WHERE article_id IN (" + hits + ")"));
  EXPECT_EQ(f.providers.size(),
            static_cast<std::size_t>(count(
                "SELECT count(DISTINCT provider_id) FROM articles WHERE id IN (" + hits + ")")));
  for (const FacetCount& c : f.providers) {
    EXPECT_EQ(c.count,
              count("SELECT count(*) FROM articles a JOIN providers p ON p.id = a.provider_id "
                    "WHERE p.name = '" +
                    c.label + "' AND a.id IN (" + hits + ")"));
  }
  std::int64_t month_sum = 0;
  for (const FacetCount& c : f.months) month_sum += c.count;
  EXPECT_EQ(month_sum,
            count("SELECT count(*) FROM articles WHERE published_at IS NOT NULL AND id IN (" +
                  hits + ")"));
  EXPECT_GE(f.topics.front().count, f.topics.back().count);
}

TEST_F(QueriesTest, SearchPagesCoverEveryMatchOnceInEverySort) {
  for (Sort sort : {Sort::kRelevance, Sort::kNewest, Sort::kQuality}) {
    SearchOptions options;
    options.sort = sort;
    options.limit = 6;
    std::set<std::int64_t> seen;
    std::size_t total = 0;
    for (int guard = 0; guard < 100; ++guard) {
      const SearchResults page = db_->search("widgets story", options);
      for (const SearchHit& hit : page.hits) {
        EXPECT_TRUE(seen.insert(*hit.article.id).second);
        ++total;
      }
      if (page.next.empty()) break;
      options.after = page.next;
    }
    EXPECT_EQ(total, static_cast<std::size_t>(kArticles));
  }
}

TEST_F(QueriesTest, TopicsAndProvidersCountTheirArticles) {
  std::map<std::string, std::int64_t> topics;
  for (const TopicCount& t : db_->topics()) topics[t.topic.name] = t.articles;
  EXPECT_EQ(topics["Everything"], kArticles);
  EXPECT_EQ(topics["AI"], 20);
  EXPECT_EQ(topics["Machine Learning"], 14);
  EXPECT_EQ(topics["Robotics"], 8);
  const std::vector<ProviderCount> providers = db_->providers();
  std::int64_t sum = 0;
  for (const ProviderCount& p : providers) sum += p.articles;
  EXPECT_EQ(sum, kArticles);
  EXPECT_EQ(providers.front().articles, 10);
}

TEST_F(QueriesTest, ReadOnlyDatabaseLeavesTheFilesAlone) {
  // The main file and its write-ahead log (where a write would go first).
  auto snapshot = [&] {
    std::vector<std::string> state;
    for (const char* suffix : {"", "-wal"}) {
      const auto file = dir_->path() / ("q.db" + std::string(suffix));
      std::error_code error;
      const auto size = std::filesystem::file_size(file, error);
      const auto time = std::filesystem::last_write_time(file, error);
      state.push_back(std::to_string(size) + "@" + std::to_string(time.time_since_epoch().count()));
    }
    return state;
  };
  sql_.reset();  // the test's own connection must not be the one that writes either
  const auto before = snapshot();
  db_->search("widgets");
  db_->list();
  db_->article(1);
  db_->topics();
  EXPECT_EQ(snapshot(), before);
}

// One Database per thread: readers query while an import writes (WAL).
TEST(QueriesConcurrencyTest, ReadersRunWhileAnImportWrites) {
  testing::TempDir dir;
  for (int i = 0; i < 600; ++i) {
    testing::write_file(dir / "src" / ("a" + std::to_string(i) + ".md"), fixture_article(i));
  }
  { Database create(dir / "c.db"); }
  std::atomic<bool> done{false};
  std::atomic<int> reads{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&] {
      OpenOptions read_only;
      read_only.mode = OpenMode::kReadOnly;
      Database db(dir / "c.db", read_only);
      while (!done) {
        try {
          ListOptions options;
          options.limit = 50;
          std::set<std::int64_t> seen;
          for (ArticlePage page = db.list(options);; page = db.list(options)) {
            for (const Article& a : page.articles) {
              if (!seen.insert(*a.id).second) ++failures;
            }
            if (page.next.empty()) break;
            options.after = page.next;
          }
          db.search("widgets");
          ++reads;
        } catch (const Error& e) {
          ++failures;
          ADD_FAILURE() << e.what();
        }
      }
    });
  }
  Database writer(dir / "c.db");
  ImportOptions options;
  options.batch_size = 50;
  const ImportSummary summary = Importer(writer, options).run({dir / "src"});
  done = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(summary.added, 600u);
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(failures.load(), 0);
  EXPECT_TRUE(writer.check().ok());
}

}  // namespace
}  // namespace articledb
