// Relevance ranking stops early with the help of the statistics beside the index; these tests
// hold it to the top 20 of exact bm25() over every match, on a corpus large enough for the
// frequent terms to have heads, through cold and incremental imports, edits made in the shell
// and rebuilds of the statistics.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "articledb/database.h"
#include "articledb/importer.h"
#include "corpus.h"
#include "query/sample.h"
#include "query/sql_builder.h"
#include "search/article_terms.h"
#include "search/fts.h"
#include "search/heads.h"
#include "search/ranker.h"
#include "search/stats.h"
#include "search/tokenizer.h"
#include "store/database_impl.h"
#include "test_util.h"

namespace articledb {
namespace {

namespace fs = std::filesystem;

// Enough articles that the commonest words are in more than the 2,048 a term needs for a head.
constexpr std::uint64_t kFirst = 6000;
constexpr std::uint64_t kMore = 600;

struct Scored {
  std::int64_t id;
  double score;
};

class RankingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    bench::Corpus(7).write(dir_->path() / "src", 0, kFirst);
    Database db(path());
    ImportOptions options;
    options.jobs = 2;
    Importer(db, options).run({dir_->path() / "src"});
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static fs::path path() { return dir_->path() / "r.db"; }

  // Words of every frequency: the commonest (those with heads), and words in about 10%, 1% and a
  // few articles, alone and in pairs.
  static std::vector<std::string> queries(SQLite::Database& sql) {
    std::vector<std::string> words;
    SQLite::Statement common(sql,
                             "SELECT term FROM search_terms WHERE cut IS NOT NULL "
                             "ORDER BY df DESC, term LIMIT 16");
    while (common.executeStep()) words.push_back(common.getColumn(0).getString());
    SQLite::Statement banded(sql,
                             "SELECT term FROM search_terms WHERE df BETWEEN ?1 AND ?2 AND "
                             "term GLOB '[a-z]*' ORDER BY df DESC, term LIMIT 6");
    for (const auto& [low, high] : {std::pair<int, int>{500, 700}, {50, 70}, {2, 4}}) {
      banded.reset();
      banded.bind(1, low);
      banded.bind(2, high);
      while (banded.executeStep()) words.push_back(banded.getColumn(0).getString());
    }
    std::vector<std::string> out = words;
    for (std::size_t i = 0; i + 1 < words.size(); i += 2)
      out.push_back(words[i] + " " + words[i + 1]);
    out.push_back(words[0] + " " + words[1] + " " + words[2]);
    return out;
  }

  // A filter of the library, and the same as a condition on the rowid of articles_fts with
  // its value as ?2.
  struct Filtered {
    Filter filter;
    std::string condition;
    std::string value;
  };

  // The conditions of a topic filter (its slug as ?2) and of a provider filter (its domain).
  static constexpr const char* kInTopic =
      "+rowid IN (SELECT l.article_id FROM article_topics AS l JOIN topics AS t "
      "ON t.id = l.topic_id WHERE t.slug = ?2)";
  static constexpr const char* kInProvider =
      "+rowid IN (SELECT a.id FROM articles AS a JOIN providers AS p ON p.id = "
      "a.provider_id WHERE p.domain = ?2 OR p.platform = ?2)";

  // The provider filter on the provider with a domain whose article count is `order`'s
  // first ("count(*) DESC": the commonest; "abs(count(*) - 40)": the nearest to 40).
  static Filtered provider_by(SQLite::Database& sql, const std::string& order) {
    Filtered provider;
    provider.condition = kInProvider;
    provider.value = sql.execAndGet(
                            "SELECT p.domain FROM providers AS p JOIN articles AS a ON "
                            "a.provider_id = p.id WHERE p.domain IS NOT NULL GROUP BY "
                            "p.id ORDER BY " +
                            order + ", p.domain LIMIT 1")
                         .getString();
    provider.filter.providers = {provider.value};
    return provider;
  }

  // A filter for RankRequest::accept that keeps the articles whose id is a multiple of `k`,
  // and counts the articles it is asked about in `asked`.
  static auto multiples_of(std::int64_t k, std::size_t& asked) {
    return [k, &asked](const std::vector<std::int64_t>& ids) {
      asked += ids.size();
      std::vector<std::int64_t> kept;
      for (const std::int64_t id : ids) {
        if (id % k == 0) kept.push_back(id);
      }
      return kept;
    };
  }

  static std::vector<Scored> exact_top(SQLite::Database& sql, const std::string& query,
                                       const Filtered* filtered = nullptr, int limit = 20) {
    std::string expression;
    std::size_t start = 0;
    while (start < query.size()) {
      std::size_t end = query.find(' ', start);
      if (end == std::string::npos) end = query.size();
      expression +=
          (expression.empty() ? "\"" : " AND \"") + query.substr(start, end - start) + "\"";
      start = end + 1;
    }
    SQLite::Statement exact(sql,
                            "SELECT rowid, bm25(articles_fts, 10, 4, 1, 2, 2) AS s "
                            "FROM articles_fts WHERE articles_fts MATCH ?1" +
                                (filtered != nullptr ? " AND " + filtered->condition : "") +
                                " ORDER BY s, rowid LIMIT " + std::to_string(limit));
    exact.bind(1, expression);
    if (filtered != nullptr) exact.bind(2, filtered->value);
    std::vector<Scored> out;
    while (exact.executeStep()) {
      out.push_back({exact.getColumn(0).getInt64(), exact.getColumn(1).getDouble()});
    }
    return out;
  }

  // The library's top 20 is exact bm25's: the same scores in the same order, and the same
  // articles except among those tied with the last. Enough queries fill a page for the
  // comparison to hold the ranking (with a filter, also what the filter rejects) to account.
  static void expect_exact(const std::string& label, const Filtered* filtered = nullptr,
                           const fs::path& file = path()) {
    SQLite::Database sql(file.string());
    OpenOptions read_only;
    read_only.mode = OpenMode::kReadOnly;
    Database db(file, read_only);
    int checked = 0;
    int full_pages = 0;
    for (const std::string& query : queries(sql)) {
      const std::vector<Scored> want = exact_top(sql, query, filtered);
      if (want.size() == 20) ++full_pages;
      SearchOptions options;
      if (filtered != nullptr) options.filter = filtered->filter;
      const SearchResults got = db.search(query, options);
      ASSERT_EQ(got.hits.size(), want.size()) << label << ": " << query;
      std::set<std::int64_t> wanted;
      for (const Scored& w : want) wanted.insert(w.id);
      for (std::size_t i = 0; i < want.size(); ++i) {
        const SearchHit& hit = got.hits[i];
        EXPECT_NEAR(hit.score, want[i].score, 1e-9 * std::abs(want[i].score))
            << label << ": '" << query << "' rank " << i + 1;
        if (std::abs(hit.score - want.back().score) > 1e-9 * std::abs(want.back().score)) {
          EXPECT_TRUE(wanted.count(*hit.article.id))
              << label << ": '" << query << "' has article " << *hit.article.id << " at rank "
              << i + 1 << ", not in the exact top 20";
        }
      }
      ++checked;
    }
    EXPECT_GE(checked, 30);
    EXPECT_GE(full_pages, 10) << label;
  }

  // A copy of the test database at `file`, in WAL mode as the library leaves it; the most
  // frequent term, for the tests that change the copy around it.
  static std::string copy_database(const fs::path& file) {
    {
      SQLite::Database sql(path().string(), SQLite::OPEN_READWRITE);
      SQLite::Statement copy(sql, "VACUUM INTO ?1");
      copy.bind(1, file.string());
      copy.exec();
    }
    SQLite::Database sql(file.string(), SQLite::OPEN_READWRITE);
    sql.exec("PRAGMA journal_mode = WAL");
    return sql.execAndGet("SELECT term FROM search_terms ORDER BY df DESC, term LIMIT 1")
        .getString();
  }

  static std::int64_t count(const std::string& sql_text) {
    SQLite::Database sql(path().string());
    return sql.execAndGet(sql_text).getInt64();
  }

  static inline testing::TempDir* dir_ = nullptr;
};

// Facets of a word in more articles than the sample holds: counted from every k-th match and
// scaled, marked as estimates; the total stays exact, and the counts come near the exact ones.
TEST_F(RankingTest, FacetsOfACommonWordAreEstimatedFromAnEvenSample) {
  SQLite::Database sql(path().string());
  const std::string word =
      sql.execAndGet("SELECT term FROM search_terms ORDER BY df DESC, term LIMIT 1").getString();
  const std::string match = "\"" + word + "\"";
  SQLite::Statement total(sql, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1");
  total.bind(1, match);
  ASSERT_TRUE(total.executeStep());
  const std::int64_t matches = total.getColumn(0).getInt64();
  ASSERT_GT(matches, 2 * 2'500) << word;  // the sample holds 2,500
  std::map<std::string, std::int64_t> exact;
  SQLite::Statement by_topic(sql,
                             "SELECT t.slug, count(*) FROM articles_fts AS f "
                             "JOIN article_topics AS l ON l.article_id = f.rowid "
                             "JOIN topics AS t ON t.id = l.topic_id "
                             "WHERE articles_fts MATCH ?1 GROUP BY t.slug");
  by_topic.bind(1, match);
  while (by_topic.executeStep()) {
    exact[by_topic.getColumn(0).getString()] = by_topic.getColumn(1).getInt64();
  }

  OpenOptions read_only;
  read_only.mode = OpenMode::kReadOnly;
  Database db(path(), read_only);
  SearchOptions options;
  options.facets = true;
  options.facet_limit = 0;
  const SearchResults results = db.search(word, options);
  ASSERT_TRUE(results.facets);
  const Facets& facets = *results.facets;
  EXPECT_TRUE(facets.estimated);
  EXPECT_EQ(facets.total, matches);
  int compared = 0;
  for (const FacetCount& topic : facets.topics) {
    const std::int64_t want = exact[topic.value];
    if (want < 500) continue;
    ++compared;
    EXPECT_NEAR(static_cast<double>(topic.count), static_cast<double>(want), 0.25 * want)
        << topic.value;
  }
  EXPECT_GE(compared, 2);
}

TEST(ThinEvenlyTest, KeepsEveryKthAndSaysHowManyEachStandsFor) {
  std::vector<std::int64_t> ids(10'000);
  std::iota(ids.begin(), ids.end(), 1);
  EXPECT_DOUBLE_EQ(query::thin_evenly(ids, 2'500), 4.0);
  ASSERT_EQ(ids.size(), 2'500u);
  EXPECT_EQ(ids[0], 1);
  EXPECT_EQ(ids[1], 5);
  EXPECT_EQ(ids.back(), 9'997);

  ids.assign(10'001, 0);
  std::iota(ids.begin(), ids.end(), 0);
  EXPECT_DOUBLE_EQ(query::thin_evenly(ids, 2'500), 10'001.0 / 2'001.0);  // every 5th
  ASSERT_EQ(ids.size(), 2'001u);
  EXPECT_EQ(ids.back(), 10'000);

  ids.assign(100, 7);
  EXPECT_DOUBLE_EQ(query::thin_evenly(ids, 2'500), 1.0);
  EXPECT_EQ(ids.size(), 100u);
  ids.clear();
  EXPECT_DOUBLE_EQ(query::thin_evenly(ids, 2'500), 1.0);
}

TEST_F(RankingTest, TheCommonestWordsHaveHeads) {
  EXPECT_GE(count("SELECT count(*) FROM search_terms WHERE cut IS NOT NULL"), 10);
  EXPECT_GT(count("SELECT count(*) FROM search_heads"), 0);
  EXPECT_EQ(count("SELECT value FROM search_state WHERE key = 'valid'"), 1);
}

// A rebuild reads the heads' postings from the index, an incremental import from articledb's
// own tokenizer: the two must count the same weighted frequency and length for every posting.
TEST_F(RankingTest, HeadsBuiltFromTheIndexAgreeWithTheTokenizer) {
  SQLite::Database sql(path().string());
  SQLite::Statement heads(sql, "SELECT term, postings FROM search_heads WHERE chunk = 1");
  SQLite::Statement text(sql,
                         "SELECT title, excerpt, body_text, topics_text, provider_name "
                         "FROM articles WHERE id = ?1");
  search::Tokenizer tokenizer;
  std::size_t checked = 0;
  while (heads.executeStep()) {
    const std::string term = heads.getColumn(0).getString();
    const SQLite::Column blob = heads.getColumn(1);
    std::vector<search::Posting> postings;
    ASSERT_TRUE(search::decode_postings(std::string_view(static_cast<const char*>(blob.getBlob()),
                                                         static_cast<std::size_t>(blob.getBytes())),
                                        postings));
    for (std::size_t i = 0; i < postings.size(); i += 97) {  // a sample of every head
      const search::Posting& p = postings[i];
      text.reset();
      text.bind(1, p.id);
      ASSERT_TRUE(text.executeStep()) << p.id;
      const search::ArticleTerms terms =
          search::article_terms(tokenizer, search::indexed_columns(text, 0));
      EXPECT_EQ(p.length, terms.length) << term << " in " << p.id;
      const auto it = std::find_if(terms.terms.begin(), terms.terms.end(),
                                   [&](const auto& entry) { return entry.first == term; });
      ASSERT_NE(it, terms.terms.end()) << term << " in " << p.id;
      EXPECT_EQ(p.frequency, it->second) << term << " in " << p.id;
      // Searches count only the terms they need: the same figures.
      const search::TermCounts counts =
          search::count_terms(tokenizer, search::indexed_columns(text, 0), {term, "not a token"});
      EXPECT_EQ(counts.length, terms.length) << term << " in " << p.id;
      EXPECT_EQ(counts.frequency, (std::vector<std::uint32_t>{it->second, 0})) << p.id;
      ++checked;
    }
  }
  EXPECT_GE(checked, 100u);
}

TEST_F(RankingTest, TopTwentyIsExactBm25AfterAColdImport) { expect_exact("cold import"); }

// Three common words, on a page of 50: the articles in two of their heads but not the third
// are scored from their text; each hit comes once, at its exact place.
TEST_F(RankingTest, ThreeCommonWordsOnALongPageAreExactBm25) {
  SQLite::Database sql(path().string());
  std::vector<std::string> common;
  SQLite::Statement words(sql,
                          "SELECT term FROM search_terms WHERE cut IS NOT NULL "
                          "ORDER BY df DESC, term LIMIT 7");
  while (words.executeStep()) common.push_back(words.getColumn(0).getString());
  ASSERT_EQ(common.size(), 7u);
  OpenOptions read_only;
  read_only.mode = OpenMode::kReadOnly;
  Database db(path(), read_only);
  int pages = 0;
  for (std::size_t a = 0; a < common.size(); ++a) {
    for (std::size_t b = a + 1; b < common.size(); ++b) {
      for (std::size_t c = b + 1; c < common.size(); ++c) {
        const std::string query = common[a] + " " + common[b] + " " + common[c];
        SearchOptions options;
        options.limit = 50;
        const SearchResults got = db.search(query, options);
        const std::vector<Scored> want = exact_top(sql, query, nullptr, 50);
        ASSERT_EQ(got.hits.size(), want.size()) << query;
        std::set<std::int64_t> ids;
        for (std::size_t i = 0; i < got.hits.size(); ++i) {
          EXPECT_TRUE(ids.insert(*got.hits[i].article.id).second)
              << "'" << query << "' has article " << *got.hits[i].article.id << " twice";
          EXPECT_NEAR(got.hits[i].score, want[i].score, 1e-9 * std::abs(want[i].score))
              << "'" << query << "' rank " << i + 1;
        }
        ++pages;
      }
    }
  }
  EXPECT_EQ(pages, 35);
}

// With a filter, the best hits of the heads may be rejected: the bar is set by those the
// filter keeps, found among the heads' hits and the articles scored from their text.
TEST_F(RankingTest, TopTwentyWithAFilterIsExactBm25) {
  SQLite::Database sql(path().string());
  // The commonest topic, and one in about 2% of the articles (most hits are rejected).
  for (const char* order : {"count(*) DESC", "abs(count(*) - 130)"}) {
    Filtered topic;
    topic.condition = kInTopic;
    topic.value = sql.execAndGet(std::string("SELECT t.slug FROM topics AS t JOIN article_topics "
                                             "AS l ON l.topic_id = t.id GROUP BY t.id ORDER BY ") +
                                 order + ", t.slug LIMIT 1")
                      .getString();
    topic.filter.topics = {topic.value};
    expect_exact("topic " + topic.value, &topic);
  }
  // The commonest provider, and one with a few dozen articles: those are ranked one by one.
  for (const char* order : {"count(*) DESC", "abs(count(*) - 40)"}) {
    const Filtered provider = provider_by(sql, order);
    expect_exact("provider " + provider.value, &provider);
  }
}

// A filter that keeps few articles has its articles ranked one by one; the provider filter
// also keeps an article that names the provider itself, which no index finds by that name.
TEST(FewArticlesFilterTest, AnArticleThatNamesItsProviderItselfIsFound) {
  testing::TempDir dir;
  for (int i = 0; i < 23; ++i) {
    testing::write_file(dir.path() / "src" / ("a" + std::to_string(i) + ".md"),
                        testing::article_text("Zebra sighting " + std::to_string(i),
                                              "provider: {name: Bar News, domain: bar.com}\n"));
  }
  Database db(dir.path() / "f.db");
  Importer(db).run({dir.path() / "src"});
  // Bar.com is known as Bar News; this article calls it Foo Weekly.
  testing::write_file(
      dir.path() / "src" / "z.md",
      testing::article_text("Zebra stripes", "provider: {name: Foo Weekly, domain: bar.com}\n"));
  Importer(db).run({dir.path() / "src"});
  SQLite::Database sql((dir.path() / "f.db").string());
  ASSERT_EQ(sql.execAndGet("SELECT count(*) FROM providers").getInt64(), 1);
  const std::int64_t z = sql.execAndGet("SELECT id FROM articles WHERE path = 'z.md'").getInt64();

  SearchOptions options;
  options.filter.providers = {"Foo Weekly"};
  const SearchResults got = db.search("zebra", options);
  ASSERT_EQ(got.hits.size(), 1u);
  EXPECT_EQ(*got.hits[0].article.id, z);
  EXPECT_EQ(db.search("zebra provider:\"Foo Weekly\"").hits.size(), 1u);
  options.filter.providers = {"bar.com"};
  EXPECT_EQ(db.search("zebra", options).hits.size(), 20u);
}

// With filters that keep few of the articles asked about, the ranking from the heads gives up
// early when told to (the caller then looks the filter's articles up among the matches);
// otherwise it goes on to the exact answer. A search with such a filter is exact either way.
TEST_F(RankingTest, ARankingGivesUpEarlyWhenTheFiltersKeepFewArticles) {
  SQLite::Database sql(path().string());
  search::Tokenizer tokenizer;
  search::RankScratch scratch;
  search::RankRequest request;
  SQLite::Statement common(sql, "SELECT term FROM search_terms ORDER BY df DESC, term LIMIT 3");
  while (common.executeStep()) request.terms.push_back(common.getColumn(0).getString());
  std::size_t asked = 0;
  request.accept = multiples_of(40, asked);
  ASSERT_TRUE(search::rank_from_heads(sql, tokenizer, request, scratch));
  const std::size_t asked_to_settle = asked;
  request.give_up_when_few_kept = true;
  request.give_up_after = 256;  // 4,096 by default: this database is small
  asked = 0;
  EXPECT_FALSE(search::rank_from_heads(sql, tokenizer, request, scratch));
  EXPECT_GE(asked, request.give_up_after);
  EXPECT_LT(asked, asked_to_settle) << "gave up before the end";

  // Told by the caller to give up at once (its cheaper way applies): at the first check.
  request.give_up_after = asked_to_settle * 2;
  request.give_up_now = [] { return true; };
  asked = 0;
  EXPECT_FALSE(search::rank_from_heads(sql, tokenizer, request, scratch));
  EXPECT_LT(asked, asked_to_settle);
  request.give_up_now = [] { return false; };
  EXPECT_TRUE(search::rank_from_heads(sql, tokenizer, request, scratch));
  request.give_up_now = nullptr;

  // Through the library: a provider of about 4% of the articles, with the three words.
  const Filtered provider = provider_by(sql, "abs(count(*) - 240)");
  const std::string query = request.terms[0] + " " + request.terms[1] + " " + request.terms[2];
  const std::vector<Scored> want = exact_top(sql, query, &provider);
  Database db(path());
  SearchOptions options;
  options.filter = provider.filter;
  const SearchResults got = db.search(query, options);
  ASSERT_EQ(got.hits.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_NEAR(got.hits[i].score, want[i].score, 1e-9 * std::abs(want[i].score)) << i;
  }
}

// The matches of a list of articles, scored from the index as it lists them: only the list's
// articles (articledb_among), then only those the filters keep, best first, from any page.
TEST_F(RankingTest, MatchesAmongAListAreRankedFromTheIndexThenFiltered) {
  SQLite::Database sql(path().string());
  ASSERT_EQ(search::register_fts_functions(sql.getHandle()), SQLITE_OK);
  search::RankRequest request;
  SQLite::Statement common(sql, "SELECT term FROM search_terms ORDER BY df DESC, term LIMIT 2");
  while (common.executeStep()) request.terms.push_back(common.getColumn(0).getString());
  const std::string query = request.terms[0] + " " + request.terms[1];
  const std::string match = '"' + request.terms[0] + "\" AND \"" + request.terms[1] + '"';
  std::vector<std::int64_t> list;  // every third article
  for (std::int64_t id = 3; id <= static_cast<std::int64_t>(kFirst); id += 3) list.push_back(id);
  auto ranked = [&](const search::RankRequest& r) {
    const search::RawStatement rows = search::matches_among(sql, match, list);
    return search::rank_all(sql, rows.get(), r);
  };
  auto expect_same = [&](const std::vector<search::ScoredId>& got, const std::vector<Scored>& want,
                         const char* label) {
    ASSERT_EQ(got.size(), want.size()) << label;
    for (std::size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(got[i].id, want[i].id) << label << " rank " << i + 1;
      EXPECT_NEAR(got[i].score, want[i].score, 1e-9 * std::abs(want[i].score)) << label;
    }
  };
  Filtered thirds{{}, "rowid % 3 = 0 AND ?2 = ?2", ""};
  const std::vector<Scored> among = exact_top(sql, query, &thirds);
  ASSERT_EQ(among.size(), 20u);
  expect_same(ranked(request), among, "the list alone");

  // The filters keep one in two of the list's articles; far more than a page of them match.
  std::size_t asked = 0;
  request.accept = multiples_of(2, asked);
  Filtered sixths{{}, "rowid % 6 = 0 AND ?2 = ?2", ""};
  const std::vector<Scored> want = exact_top(sql, query, &sixths, 40);
  ASSERT_EQ(want.size(), 40u);
  const std::vector<search::ScoredId> first = ranked(request);
  expect_same(first, {want.begin(), want.begin() + 20}, "first page");
  EXPECT_LT(asked, 200u) << "the filters are asked about the best first, not every match";
  request.after = first.back();
  expect_same(ranked(request), {want.begin() + 20, want.end()}, "second page");
}

// A filter used again is read whole and kept by the connection, and forgotten as soon as the
// database changes: an article that another connection imports into it meanwhile is found.
TEST_F(RankingTest, AFilterUsedAgainIsKeptUntilTheDatabaseChanges) {
  const fs::path file = dir_->path() / "kept.db";
  const std::string word = copy_database(file);
  SQLite::Database sql(file.string());
  const Filtered provider = provider_by(sql, "count(*) DESC");
  Database db(file);
  SearchOptions options;
  options.filter = provider.filter;
  auto ids_of = [](const SearchResults& results) {
    std::vector<std::int64_t> out;
    for (const SearchHit& hit : results.hits) out.push_back(*hit.article.id);
    return out;
  };
  auto exact_ids = [&] {
    std::vector<std::int64_t> out;
    for (const Scored& s : exact_top(sql, word, &provider)) out.push_back(s.id);
    return out;
  };
  const std::vector<std::int64_t> before = exact_ids();
  ASSERT_EQ(before.size(), 20u);
  EXPECT_EQ(ids_of(db.search(word, options)), before);
  EXPECT_EQ(db.impl().filter_lists.ids(), 0u) << "not kept at its first use";
  EXPECT_EQ(ids_of(db.search(word, options)), before);
  EXPECT_GT(db.impl().filter_lists.ids(), 0u) << "kept from its second use";
  EXPECT_EQ(ids_of(db.search(word, options)), before);

  // The search takes the filter's articles from the list kept: a list without the best
  // match (which no real list would be) turns it down.
  const std::vector<query::CandidateSource> sources =
      query::candidate_sources(provider.filter, db.impl().text());
  ASSERT_EQ(sources.size(), 1u);
  const std::string key = query::source_key(sources.front());
  const std::vector<std::int64_t>* kept = db.impl().filter_lists.find(key);
  ASSERT_NE(kept, nullptr);
  ASSERT_TRUE(std::binary_search(kept->begin(), kept->end(), before.front()));
  std::vector<std::int64_t> without = *kept;
  without.erase(std::lower_bound(without.begin(), without.end(), before.front()));
  db.impl().filter_lists.keep(key, std::move(without));
  const std::vector<std::int64_t> turned_down = ids_of(db.search(word, options));
  ASSERT_FALSE(turned_down.empty());
  EXPECT_EQ(std::count(turned_down.begin(), turned_down.end(), before.front()), 0);
  EXPECT_EQ(turned_down.front(), before[1]);

  SQLite::Statement named(sql, "SELECT name FROM providers WHERE domain = ?1");
  named.bind(1, provider.value);
  ASSERT_TRUE(named.executeStep());
  const std::string name = named.getColumn(0).getString();
  named.reset();  // or `sql` would keep reading this snapshot
  testing::write_file(dir_->path() / "kept-src" / "_news" / "kept.md",
                      "---\ntitle: \"" + word + " " + word + " " + word + " " + word +
                          "\"\noriginalUrl: https://" + provider.value +
                          "/kept\nprovider:\n  name: \"" + name +
                          "\"\n  domain: " + provider.value + "\n---\n" + word + "\n");
  {
    Database other(file);
    const ImportSummary summary = Importer(other).run({dir_->path() / "kept-src"});
    ASSERT_EQ(summary.added, 1);
  }
  const std::int64_t added =
      sql.execAndGet("SELECT id FROM articles WHERE path LIKE '%kept.md'").getInt64();
  const std::vector<std::int64_t> after = exact_ids();
  ASSERT_EQ(after.front(), added) << "the new article is the best match of the filter";
  // The change forgot the lists, the one without the former best match too.
  EXPECT_EQ(ids_of(db.search(word, options)), after);
}

// A database of 16,000 articles (enough for a filter of at most one article in fifty to hold
// more than the few ranked one by one from their text: an eighth of the rarer word's
// articles), two words with heads, and a topic or provider of that size: its filter is looked
// up among the matches as soon as the connection keeps its list.
class SmallFilterTest : public RankingTest {
 protected:
  struct SmallFilterSearch {
    fs::path file;
    std::string query;
    Filtered filtered;
    std::string name;  ///< the topic's or provider's name
  };

  // The 16,000 articles, imported into a new database named after `folder`.
  static fs::path wide_database(const std::string& folder) {
    const fs::path file = dir_->path() / (folder + ".db");
    bench::Corpus(7).write(dir_->path() / folder, 0, 16000);
    Database db(file);
    ImportOptions options;
    options.jobs = 2;
    Importer(db, options).run({dir_->path() / folder});
    return file;
  }

  // The value (slug or domain) and name of the first topic or provider, by `having_order`,
  // whose number of articles n meets it ("n > ?1 ... ORDER BY n": ?1 is `df`, ?2 the number
  // of articles).
  static std::pair<std::string, std::string> sized_filter(SQLite::Database& sql, bool by_provider,
                                                          const std::string& having_order,
                                                          std::int64_t df) {
    SQLite::Statement sized(
        sql, std::string(by_provider
                             ? "SELECT p.domain, p.name, count(*) AS n FROM providers AS p JOIN "
                               "articles AS a ON a.provider_id = p.id WHERE p.domain IS NOT NULL "
                               "GROUP BY p.id"
                             : "SELECT t.slug, t.name, count(*) AS n FROM topics AS t JOIN "
                               "article_topics AS l ON l.topic_id = t.id GROUP BY t.id") +
                 " HAVING " + having_order + ", 1 LIMIT 1");
    sized.bind(1, df);
    sized.bind(2, sql.execAndGet("SELECT count(*) FROM articles").getInt64());
    EXPECT_TRUE(sized.executeStep()) << "no filter of the size wanted";
    if (!sized.hasRow()) return {};
    return {sized.getColumn(0).getString(), sized.getColumn(1).getString()};
  }

  static SmallFilterSearch small_filter_search(const std::string& folder, bool by_provider) {
    SmallFilterSearch out;
    out.file = wide_database(folder);
    SQLite::Database sql(out.file.string());
    const std::string common =
        sql.execAndGet(
               "SELECT term FROM search_terms WHERE cut IS NOT NULL ORDER BY df DESC, term "
               "LIMIT 1")
            .getString();
    SQLite::Statement rarer(
        sql, "SELECT term, df FROM search_terms WHERE cut IS NOT NULL ORDER BY df, term LIMIT 1");
    EXPECT_TRUE(rarer.executeStep());
    out.query = common + " " + rarer.getColumn(0).getString();
    const std::int64_t rarer_df = rarer.getColumn(1).getInt64();
    rarer.reset();
    out.filtered.condition = by_provider ? kInProvider : kInTopic;
    // Of more articles than an eighth of the rarer word's, at most one in fifty.
    std::tie(out.filtered.value, out.name) =
        sized_filter(sql, by_provider, "n > ?1 / 8 AND n * 50 <= ?2 ORDER BY n DESC", rarer_df);
    if (by_provider) {
      out.filtered.filter.providers = {out.filtered.value};
    } else {
      out.filtered.filter.topics = {out.filtered.value};
    }
    return out;
  }

  // The search's page is exact bm25's: the same scores, rank by rank.
  static void expect_exact_page(Database& db, const SmallFilterSearch& search,
                                const std::string& label) {
    SQLite::Database sql(search.file.string());
    const std::vector<Scored> want = exact_top(sql, search.query, &search.filtered);
    ASSERT_EQ(want.size(), 20u) << label;
    SearchOptions options;
    options.filter = search.filtered.filter;
    const SearchResults got = db.search(search.query, options);
    ASSERT_EQ(got.hits.size(), want.size()) << label;
    for (std::size_t i = 0; i < want.size(); ++i) {
      EXPECT_NEAR(got.hits[i].score, want[i].score, 1e-9 * std::abs(want[i].score))
          << label << " rank " << i + 1;
    }
  }

  // Imports `text` as one more article of `search`'s database, the best match of its query;
  // returns its id.
  static std::int64_t add_best_match(const SmallFilterSearch& search, const std::string& folder,
                                     const std::string& front_matter) {
    std::string title;
    for (int i = 0; i < 4; ++i) title += (title.empty() ? "" : " ") + search.query;
    testing::write_file(dir_->path() / folder / "best.md",
                        testing::article_text(title, front_matter));
    {
      Database db(search.file);
      EXPECT_EQ(Importer(db).run({dir_->path() / folder}).added, 1);
    }
    SQLite::Database sql(search.file.string());
    const std::int64_t added =
        sql.execAndGet("SELECT id FROM articles WHERE path = 'best.md'").getInt64();
    EXPECT_EQ(exact_top(sql, search.query, &search.filtered).front().id, added);
    return added;
  }

  // Where the condition of the full-text index kept with the list of `search`'s filter is
  // (nullptr when the list is not kept).
  static std::optional<std::string>* condition_slot(Database& db, const SmallFilterSearch& search) {
    const std::vector<query::CandidateSource> sources =
        query::candidate_sources(search.filtered.filter, db.impl().text());
    EXPECT_EQ(sources.size(), 1u);
    return db.impl().filter_lists.condition(query::source_key(sources.at(0)));
  }

  // The condition kept: nullptr when none is (yet).
  static const std::string* kept_condition(Database& db, const SmallFilterSearch& search) {
    const std::optional<std::string>* slot = condition_slot(db, search);
    return slot != nullptr && *slot ? &**slot : nullptr;
  }
};

// At its second use (the list kept), such a filter is looked up among the matches at once,
// without reading the heads (which would give up at their first question).
TEST_F(SmallFilterTest, AKeptListIsLookedUpWithoutTheHeads) {
  const SmallFilterSearch search = small_filter_search("heads", false);
  Database db(search.file);
  expect_exact_page(db, search, "first use");
  EXPECT_EQ(db.impl().filter_lists.ids(), 0u) << "not kept at its first use";
  ASSERT_FALSE(db.impl().rank_scratch.heads.empty()) << "at its first use the heads are read";
  db.impl().rank_scratch = search::RankScratch();
  expect_exact_page(db, search, "second use");
  EXPECT_GT(db.impl().filter_lists.ids(), 0u) << "kept from its second use";
  EXPECT_TRUE(db.impl().rank_scratch.heads.empty()) << "the heads were read";
}

// A topic that the index narrows (its spellings in the topics column), of up to one article in
// eight, against three words: looked up among the matches at once too (the bounds of three
// heads seldom settle a filter's page). Against two words, the heads are read first.
TEST_F(SmallFilterTest, ANarrowedListIsLookedUpWithoutTheHeadsAgainstThreeWords) {
  SmallFilterSearch search;
  search.file = wide_database("three-words");
  SQLite::Database sql(search.file.string());
  std::vector<std::string> words;
  std::int64_t rarest_df = 0;
  // The commonest three with heads and in fewer than half the articles (more have the least
  // IDF bm25 gives).
  SQLite::Statement common(sql,
                           "SELECT term, df FROM search_terms WHERE cut IS NOT NULL AND df * 2 < "
                           "(SELECT count(*) FROM articles) ORDER BY df DESC, term LIMIT 3");
  while (common.executeStep()) {
    words.push_back(common.getColumn(0).getString());
    rarest_df = common.getColumn(1).getInt64();
  }
  ASSERT_EQ(words.size(), 3u);
  search.filtered.condition = kInTopic;
  // More than one in fifty (and than those ranked one by one), at most one in eight.
  search.filtered.value =
      sized_filter(sql, false, "n > max(?1 / 8, ?2 / 50) AND n * 8 <= ?2 ORDER BY n", rarest_df)
          .first;
  ASSERT_FALSE(search.filtered.value.empty());
  search.filtered.filter.topics = {search.filtered.value};

  for (const std::size_t count : {std::size_t{3}, std::size_t{2}}) {
    search.query = words[0];
    for (std::size_t i = 1; i < count; ++i) search.query += " " + words[i];
    Database db(search.file);
    expect_exact_page(db, search, "first use");
    ASSERT_FALSE(db.impl().rank_scratch.heads.empty()) << "at its first use the heads are read";
    db.impl().rank_scratch = search::RankScratch();
    expect_exact_page(db, search, "second use");
    EXPECT_GT(db.impl().filter_lists.ids(), 0u) << "kept from its second use";
    if (count == 3) {
      EXPECT_TRUE(db.impl().rank_scratch.heads.empty()) << "the heads were read: " << search.query;
    } else {
      EXPECT_FALSE(db.impl().rank_scratch.heads.empty()) << "two words read the heads first";
    }
  }
}

// The matches are narrowed, in the index, to those with a spelling of the topic in their
// topics column: every spelling its articles use, so that an article that writes the topic
// its own way (full-width letters, the same topic for NFKC) is still found.
TEST_F(SmallFilterTest, MatchesAreNarrowedByEverySpellingOfTheTopic) {
  const SmallFilterSearch search = small_filter_search("topic-spellings", false);
  // Full-width forms of the name's ASCII letters: the tokenizer keeps them apart.
  std::string wide;
  for (const char c : search.name) {
    if (std::isalpha(static_cast<unsigned char>(c)) == 0) {
      wide += c;
      continue;
    }
    const char32_t code = U'\uFF01' + static_cast<char32_t>(c - '!');
    wide += static_cast<char>(0xE0 | (code >> 12));
    wide += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    wide += static_cast<char>(0x80 | (code & 0x3F));
  }
  const std::int64_t added =
      add_best_match(search, "topic-spellings-more", "topics: [\"" + wide + "\"]\n");
  {
    SQLite::Database sql(search.file.string());
    SQLite::Statement label(sql, "SELECT label FROM article_topics WHERE article_id = ?1");
    label.bind(1, added);
    ASSERT_TRUE(label.executeStep());
    ASSERT_EQ(label.getColumn(0).getString(), wide) << "the topic, spelt its own way";
  }
  Database db(search.file);
  expect_exact_page(db, search, "first use");
  expect_exact_page(db, search, "second use");
  const std::string* condition = kept_condition(db, search);
  ASSERT_NE(condition, nullptr) << "a condition kept with the list";
  ASSERT_NE(db.impl().tokenizer().phrase(search.name), db.impl().tokenizer().phrase(wide));
  EXPECT_NE(condition->find("topics : ("), std::string::npos) << *condition;
  EXPECT_NE(condition->find(db.impl().tokenizer().phrase(search.name)), std::string::npos)
      << *condition;
  EXPECT_NE(condition->find(db.impl().tokenizer().phrase(wide)), std::string::npos) << *condition;
  expect_exact_page(db, search, "third use");

  // The search asks the index with the condition kept: one without the article's own
  // spelling (which no real condition would be) turns the best match down.
  *condition_slot(db, search) = "topics : (" + db.impl().tokenizer().phrase(search.name) + ")";
  SearchOptions options;
  options.filter = search.filtered.filter;
  const SearchResults narrowed = db.search(search.query, options);
  ASSERT_FALSE(narrowed.hits.empty());
  for (const SearchHit& hit : narrowed.hits) EXPECT_NE(*hit.article.id, added);
}

// The same for a provider: every name its articles write (one calls it otherwise: the same
// provider by its domain), in the index's provider column.
TEST_F(SmallFilterTest, MatchesAreNarrowedByEveryNameOfTheProvider) {
  const SmallFilterSearch search = small_filter_search("provider-names", true);
  const std::string other = "Zyxw Quarterly";
  add_best_match(search, "provider-names-more",
                 "provider: {name: " + other + ", domain: " + search.filtered.value + "}\n");
  Database db(search.file);
  expect_exact_page(db, search, "first use");
  expect_exact_page(db, search, "second use");
  const std::string* condition = kept_condition(db, search);
  ASSERT_NE(condition, nullptr) << "a condition kept with the list";
  EXPECT_NE(condition->find("provider : ("), std::string::npos) << *condition;
  EXPECT_NE(condition->find(db.impl().tokenizer().phrase(search.name)), std::string::npos)
      << *condition;
  EXPECT_NE(condition->find(db.impl().tokenizer().phrase(other)), std::string::npos) << *condition;
  expect_exact_page(db, search, "third use");

  // An article whose provider name is taken away in the shell holds none of the names in that
  // column: no condition then (once the next import has folded the edit in).
  {
    SQLite::Database sql(search.file.string(), SQLite::OPEN_READWRITE);
    sql.exec("UPDATE articles SET provider_name = NULL WHERE path = 'best.md'");
  }
  {
    Database writer(search.file);
    ASSERT_EQ(Importer(writer).run({dir_->path() / "provider-names-more"}).unchanged, 1);
  }
  ASSERT_TRUE(search::stats_usable(*db.impl().db));
  expect_exact_page(db, search, "after a name taken away");
  expect_exact_page(db, search, "again");
  condition = kept_condition(db, search);
  ASSERT_NE(condition, nullptr);
  EXPECT_EQ(*condition, "");
}

// The pages of a search whose filter keeps few articles (ranked one by one) follow one
// another in exact bm25 order, each article once.
TEST_F(RankingTest, PagesOfAFilterThatKeepsFewArticlesFollowExactBm25) {
  SQLite::Database sql(path().string());
  const Filtered provider = provider_by(sql, "abs(count(*) - 40)");
  const std::string word =
      sql.execAndGet("SELECT term FROM search_terms ORDER BY df DESC, term LIMIT 1").getString();
  const std::vector<Scored> want = exact_top(sql, word, &provider, 1000);
  ASSERT_GE(want.size(), 12u);
  Database db(path());
  SearchOptions options;
  options.filter = provider.filter;
  options.limit = 5;
  std::vector<std::int64_t> got;
  for (int guard = 0; guard < 100; ++guard) {
    const SearchResults page = db.search(word, options);
    for (const SearchHit& hit : page.hits) got.push_back(*hit.article.id);
    if (page.next.empty()) break;
    options.after = page.next;
  }
  std::vector<std::int64_t> wanted;
  for (const Scored& w : want) wanted.push_back(w.id);
  EXPECT_EQ(got, wanted);
}

TEST_F(RankingTest, TopTwentyStaysExactThroughIncrementalImportsAndShellEdits) {
  // New files, and a changed one: the statistics are updated, not rebuilt.
  bench::Corpus(7).write(dir_->path() / "src", kFirst, kFirst + kMore);
  {
    Database db(path());
    Importer(db).run({dir_->path() / "src"});
  }
  EXPECT_EQ(count("SELECT count(*) FROM search_pending"), 0);
  expect_exact("incremental import");

  // A few edits by hand: searches rank them with bm25() until the next import folds them in.
  {
    SQLite::Database sql(path().string(), SQLite::OPEN_READWRITE);
    const std::string word =
        sql.execAndGet("SELECT term FROM search_terms ORDER BY df DESC LIMIT 1").getString();
    SQLite::Statement edit(sql,
                           "UPDATE articles SET title = title || ' ' || ?1 || ' ' || ?1 "
                           "WHERE id % 97 = 0");
    edit.bind(1, word);
    edit.exec();
    sql.exec("DELETE FROM articles WHERE id % 89 = 0");
  }
  EXPECT_GT(count("SELECT count(*) FROM search_pending"), 0);
  expect_exact("edits in the shell");
  {
    Database db(path());
    Importer(db).run({dir_->path() / "src"});
  }
  EXPECT_EQ(count("SELECT count(*) FROM search_pending"), 0);
  EXPECT_EQ(count("SELECT value FROM search_state WHERE key = 'valid'"), 1);
  expect_exact("edits folded in");

  // Edits to more than a few percent of the articles: the next import rebuilds.
  {
    SQLite::Database sql(path().string(), SQLite::OPEN_READWRITE);
    sql.exec("UPDATE articles SET excerpt = coalesce(excerpt, '') || ' extra' WHERE id % 7 = 0");
  }
  {
    Database db(path());
    ImportOptions options;
    options.jobs = 2;
    Importer(db, options).run({dir_->path() / "src"});
  }
  EXPECT_EQ(count("SELECT count(*) FROM search_pending"), 0);
  EXPECT_EQ(count("SELECT value FROM search_state WHERE key = 'valid'"), 1);
  expect_exact("after a rebuild");
}

// An article given a rowid far beyond the others (by hand, in the shell) joins a head when the
// next import folds it in. A bit per id over that span would take too much memory: the search
// ranks every match instead, and its top 20 is still exact bm25's.
TEST_F(RankingTest, AnArticleWithAFarRowidIsRankedExactly) {
  const fs::path far_db = dir_->path() / "far.db";
  constexpr std::int64_t kFar = std::int64_t{1} << 40;
  const std::string word = copy_database(far_db);
  {
    SQLite::Database sql(far_db.string(), SQLite::OPEN_READWRITE);
    sql.exec(
        "CREATE TEMP TABLE far AS SELECT * FROM articles "
        "WHERE id = (SELECT min(id) FROM articles)");
    SQLite::Statement edit(sql,
                           "UPDATE far SET id = ?1, path = path || '.far', "
                           "title = ?2 || ' ' || ?2 || ' ' || ?2");
    edit.bind(1, kFar);
    edit.bind(2, word);
    edit.exec();
    sql.exec("INSERT INTO articles SELECT * FROM far");
  }
  {
    Database db(far_db);
    Importer(db).run({dir_->path() / "src"});
  }
  // The far article is in the word's head.
  bool in_head = false;
  {
    SQLite::Database sql(far_db.string());
    SQLite::Statement chunks(sql, "SELECT postings FROM search_heads WHERE term = ?1");
    chunks.bind(1, word);
    while (chunks.executeStep()) {
      const SQLite::Column blob = chunks.getColumn(0);
      std::vector<search::Posting> postings;
      ASSERT_TRUE(
          search::decode_postings(std::string_view(static_cast<const char*>(blob.getBlob()),
                                                   static_cast<std::size_t>(blob.getBytes())),
                                  postings));
      for (const search::Posting& p : postings) in_head = in_head || p.id == kFar;
    }
    EXPECT_EQ(sql.execAndGet("SELECT count(*) FROM search_pending").getInt64(), 0);
  }
  ASSERT_TRUE(in_head);
  expect_exact("far rowid", nullptr, far_db);
  OpenOptions read_only;
  read_only.mode = OpenMode::kReadOnly;
  const SearchResults hits = Database(far_db, read_only).search(word);
  EXPECT_TRUE(std::any_of(hits.hits.begin(), hits.hits.end(),
                          [&](const SearchHit& hit) { return *hit.article.id == kFar; }));
}

// A search reads the statistics, the heads and then the articles. When another connection
// commits in between (here: deletes the articles the search is about to return, as soon as
// it reads the heads), the search still sees the database as it was when it began, and
// returns what exact bm25 gave before the change.
TEST_F(RankingTest, ASearchSeesOneSnapshotWhileAWriterCommits) {
  const fs::path copy_db = dir_->path() / "snapshot.db";
  const std::string word = copy_database(copy_db);
  SQLite::Database writer(copy_db.string(), SQLite::OPEN_READWRITE);
  std::vector<std::int64_t> before;
  for (const Scored& hit : exact_top(writer, word)) before.push_back(hit.id);
  ASSERT_EQ(before.size(), 20u);

  OpenOptions read_only;
  read_only.mode = OpenMode::kReadOnly;
  const Database db(copy_db, read_only);
  struct Hook {
    SQLite::Database* writer;
    const std::vector<std::int64_t>* ids;
    bool done = false;
  } hook{&writer, &before};
  sqlite3_trace_v2(
      db.impl().db->getHandle(), SQLITE_TRACE_STMT,
      [](unsigned, void* context, void*, void* sql) {
        auto* h = static_cast<Hook*>(context);
        if (h->done ||
            std::string(static_cast<const char*>(sql)).find("search_heads") == std::string::npos) {
          return 0;
        }
        h->done = true;
        SQLite::Statement remove(*h->writer, "DELETE FROM articles WHERE id = ?1");
        for (const std::int64_t id : *h->ids) {
          remove.reset();
          remove.bind(1, id);
          remove.exec();
        }
        return 0;
      },
      &hook);
  const SearchResults got = db.search(word);
  sqlite3_trace_v2(db.impl().db->getHandle(), 0, nullptr, nullptr);
  ASSERT_TRUE(hook.done) << "the search did not read the heads";
  EXPECT_EQ(
      writer
          .execAndGet("SELECT count(*) FROM articles WHERE id = " + std::to_string(before.front()))
          .getInt64(),
      0);
  std::vector<std::int64_t> ids;
  for (const SearchHit& hit : got.hits) ids.push_back(*hit.article.id);
  EXPECT_EQ(ids, before);
}

// Heads built by an older rule (here: a database whose heads are gone, marked as built by
// rule 1) are rebuilt by the next import, even one that changes nothing; after that, an
// import that changes nothing leaves them as they are.
TEST_F(RankingTest, HeadsBuiltByAnOlderRuleAreRebuiltByTheNextImport) {
  const fs::path old_rule = dir_->path() / "old_rule.db";
  copy_database(old_rule);
  auto query = [&](const std::string& text) {
    SQLite::Database sql(old_rule.string());
    return sql.execAndGet(text).getString();
  };
  {
    SQLite::Database sql(old_rule.string(), SQLite::OPEN_READWRITE);
    sql.exec("DELETE FROM search_heads");
    sql.exec("INSERT OR REPLACE INTO search_state(key, value) VALUES ('head_rule', 1)");
  }
  auto import = [&] {
    Database db(old_rule);
    Importer(db).run({dir_->path() / "src"});
  };
  import();
  EXPECT_EQ(query("SELECT value FROM search_state WHERE key = 'head_rule'"),
            std::to_string(search::kHeadRule));
  EXPECT_NE(query("SELECT count(*) FROM search_heads"), "0");
  expect_exact("heads rebuilt", nullptr, old_rule);
  const std::string heads = query("SELECT group_concat(rowid) FROM search_heads");
  import();
  EXPECT_EQ(query("SELECT group_concat(rowid) FROM search_heads"), heads);
}

// A query that runs past QueryLimits::max_time stops with kQueryTooComplex, and the
// connection serves the next one.
TEST_F(RankingTest, AQueryPastItsTimeBudgetStops) {
  OpenOptions options;
  options.mode = OpenMode::kReadOnly;
  options.limits.max_time = std::chrono::milliseconds(1);
  const Database db(path(), options);
  SearchOptions heavy;
  heavy.syntax = QuerySyntax::kRaw;
  heavy.facets = true;
  heavy.sort = Sort::kOldest;
  ErrorCode code{};
  std::string message;
  try {
    for (int i = 0; i < 20; ++i) db.search("a* OR b* OR c* OR d* OR e* OR f* OR g* OR h*", heavy);
  } catch (const Error& e) {
    code = e.code();
    message = e.what();
  }
  EXPECT_EQ(code, ErrorCode::kQueryTooComplex);
  EXPECT_NE(message.find("QueryLimits::max_time"), std::string::npos) << message;
  // The stopped call's read transaction is over: the connection keeps no old snapshot.
  EXPECT_NE(sqlite3_get_autocommit(db.impl().db->getHandle()), 0);
  OpenOptions relaxed;
  relaxed.mode = OpenMode::kReadOnly;
  const Database normal(path(), relaxed);
  EXPECT_FALSE(normal.search("a* OR b*", heavy).hits.empty());
}

TEST_F(RankingTest, RebuildsOnOneOrManyThreadsAgree) {
  auto rebuild = [](const fs::path& file, unsigned jobs) {
    SQLite::Database sql(file.string(), SQLite::OPEN_READWRITE);
    SQLite::Transaction transaction(sql);
    search::rebuild_stats(sql, jobs);
    transaction.commit();
    std::string rows;
    for (const char* query :
         {"SELECT term, df, cut FROM search_terms ORDER BY term",
          "SELECT term, chunk, postings FROM search_heads ORDER BY term, chunk"}) {
      SQLite::Statement select(sql, query);
      while (select.executeStep()) {
        for (int i = 0; i < 3; ++i) rows += select.getColumn(i).getString() + '|';
        rows += '\n';
      }
    }
    return rows;
  };
  const fs::path one = dir_->path() / "one.db";
  const fs::path two = dir_->path() / "two.db";
  for (const fs::path& file : {one, two}) copy_database(file);
  const std::string serial = rebuild(one, 1);
  EXPECT_GT(serial.size(), 1000u);
  EXPECT_EQ(serial, rebuild(two, 2));
}

// Schema 7 keeps the heads in a table with rowids: a database written by version 6
// (tests/data/schema/v6_news.sql, with head chunks added here in the table as version 6 made
// it) is migrated in place, every chunk kept as it was.
TEST(HeadsMigrationTest, ChunksWrittenByVersion6AreKeptAsTheyWere) {
  testing::TempDir dir;
  const fs::path file = dir / "old.db";
  using Row = std::tuple<std::string, std::int64_t, std::string>;
  std::vector<Row> before;
  {
    SQLite::Database old(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    old.exec(testing::read_file(testing::test_data() / "schema" / "v6_news.sql"));
    ASSERT_EQ(old.execAndGet("PRAGMA user_version").getInt(), 6);
    SQLite::Statement add(old,
                          "INSERT INTO search_heads(term, chunk, postings) VALUES (?1, ?2, ?3)");
    for (const auto& [term, chunk, postings] :
         std::vector<std::tuple<std::string, std::int64_t, std::vector<search::Posting>>>{
             {"open", 1, {{1, 10, 120}, {4, 4, 300}}},
             {"open", 3, {{7, 1, 90}}},
             {"model", 2, {{2, 11, 80}, {3, 10, 95}, {5, 1, 400}}}}) {
      const std::string blob = search::encode_postings(postings);
      add.reset();
      add.bind(1, term);
      add.bind(2, chunk);
      add.bind(3, blob.data(), static_cast<int>(blob.size()));
      add.exec();
    }
    SQLite::Statement rows(old,
                           "SELECT term, chunk, postings FROM search_heads ORDER BY term, chunk");
    while (rows.executeStep()) {
      before.emplace_back(rows.getColumn(0).getString(), rows.getColumn(1).getInt64(),
                          rows.getColumn(2).getString());
    }
    ASSERT_EQ(before.size(), 3u);
  }
  {
    Database db(file);
    EXPECT_EQ(db.stats().schema_version, Database::current_schema_version());
    EXPECT_TRUE(db.check().ok()) << ::testing::PrintToString(db.check().faults);
    EXPECT_FALSE(db.search("model").hits.empty());
  }
  SQLite::Database sql(file.string(), SQLite::OPEN_READONLY);
  const std::string schema =
      sql.execAndGet("SELECT sql FROM sqlite_schema WHERE name = 'search_heads'").getString();
  EXPECT_EQ(schema.find("WITHOUT ROWID"), std::string::npos) << schema;
  EXPECT_EQ(
      sql.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'search_heads_v6'").getInt(),
      0);
  std::vector<Row> after;
  SQLite::Statement rows(sql,
                         "SELECT term, chunk, postings FROM search_heads ORDER BY term, chunk");
  while (rows.executeStep()) {
    after.emplace_back(rows.getColumn(0).getString(), rows.getColumn(1).getInt64(),
                       rows.getColumn(2).getString());
  }
  EXPECT_EQ(after, before);
  // The primary key still refuses a second copy of a chunk.
  SQLite::Database writable(file.string(), SQLite::OPEN_READWRITE);
  EXPECT_THROW(writable.exec("INSERT INTO search_heads VALUES ('open', 1, x'00')"),
               SQLite::Exception);
}

}  // namespace
}  // namespace articledb
