// The change feed, duplicate stories, the logos of related providers, and the migration of a
// database written by schema version 3.
#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "articledb/database.h"
#include "articledb/error.h"
#include "articledb/importer.h"
#include "test_util.h"

namespace articledb {
namespace {

using ::testing::ElementsAre;

class FeedTest : public ::testing::Test {
 protected:
  void SetUp() override { db_ = std::make_unique<Database>(dir_ / "a.db"); }

  void write(const std::string& path, const std::string& title, const std::string& more = "") {
    testing::write_file(dir_ / "src" / path, testing::article_text(title, more));
  }
  ImportSummary import(bool prune = false) {
    ImportOptions options;
    options.prune = prune;
    options.jobs = 2;
    return Importer(*db_, options).run({dir_ / "src"});
  }
  // Every change after `since`, page by page.
  std::vector<Change> all_changes(std::int64_t since, std::size_t page_size = kMaxPageSize) {
    std::vector<Change> out;
    while (true) {
      const ChangePage page = db_->changes(since, page_size);
      out.insert(out.end(), page.changes.begin(), page.changes.end());
      if (!page.more) return out;
      since = out.back().revision;
    }
  }
  // "changed a.md", "deleted b.md", in revision order, checking that revisions grow.
  std::vector<std::string> described(const std::vector<Change>& changes) {
    std::vector<std::string> out;
    std::int64_t last = 0;
    for (const Change& c : changes) {
      EXPECT_GT(c.revision, last);
      last = c.revision;
      out.push_back((c.kind == Change::Kind::kDeleted ? "deleted " : "changed ") + c.path);
    }
    return out;
  }
  SQLite::Database& sql() {
    if (!sql_)
      sql_ = std::make_unique<SQLite::Database>((dir_ / "a.db").string(), SQLite::OPEN_READWRITE);
    return *sql_;
  }

  testing::TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<SQLite::Database> sql_;
};

TEST_F(FeedTest, AMixedImportListsEachChangedArticleOnceInOrder) {
  for (const char* name : {"a", "b", "c", "d", "e"}) write(std::string(name) + ".md", name);
  import();
  EXPECT_THAT(described(all_changes(0)), ElementsAre("changed a.md", "changed b.md", "changed c.md",
                                                     "changed d.md", "changed e.md"));
  const std::int64_t before = db_->changes(0).current_revision;
  EXPECT_EQ(before, all_changes(0).back().revision);

  write("b.md", "b edited");                                                    // updated
  std::filesystem::rename(dir_ / "src" / "c.md", dir_ / "src" / "moved-c.md");  // moved
  std::filesystem::remove(dir_ / "src" / "d.md");                               // pruned
  write("f.md", "f");                                                           // added
  testing::set_mtime(dir_ / "src" / "e.md", 1'700'000'000'000'000'000);         // touched only
  const ImportSummary s = import(true);
  ASSERT_EQ(s.added + s.updated + s.moved + s.removed, 4u);

  const std::vector<Change> changes = all_changes(before);
  std::multiset<std::string> got;
  for (const std::string& d : described(changes)) got.insert(d);
  EXPECT_EQ(got, (std::multiset<std::string>{"changed b.md", "changed moved-c.md", "deleted d.md",
                                             "changed f.md"}));
  EXPECT_EQ(db_->changes(before).current_revision, changes.back().revision);
  // Nothing changed: nothing listed, the revision stays.
  import(true);
  EXPECT_TRUE(all_changes(changes.back().revision).empty());
  // The moved and updated articles kept their ids; the deleted one's id is in its tombstone.
  for (const Change& c : changes) {
    if (c.kind == Change::Kind::kDeleted) {
      EXPECT_FALSE(db_->article(c.article_id).has_value());
    } else {
      ASSERT_TRUE(db_->article(c.article_id).has_value());
      EXPECT_EQ(db_->article(c.article_id)->path, c.path);
    }
  }
}

TEST_F(FeedTest, AnArticleChangedTwiceIsListedOnceAtItsLatestRevision) {
  write("a.md", "a");
  write("b.md", "b");
  import();
  const std::int64_t before = db_->changes(0).current_revision;
  write("a.md", "a again");
  import();
  write("a.md", "a a third time");
  write("b.md", "b again");
  import();
  EXPECT_THAT(described(all_changes(before)), ElementsAre("changed a.md", "changed b.md"));
}

TEST_F(FeedTest, EditsInTheShellGetRevisionsAndFileFactsDoNot) {
  write("a.md", "a", "topics: [One]");
  write("b.md", "b");
  import();
  const std::int64_t before = db_->changes(0).current_revision;
  sql().exec("UPDATE articles SET stat_verified = 0, file_mtime_ns = 5 WHERE path = 'a.md'");
  EXPECT_TRUE(all_changes(before).empty()) << "file facts are not a change";
  sql().exec("UPDATE articles SET title = 'edited' WHERE path = 'b.md'");
  sql().exec("DELETE FROM articles WHERE path = 'a.md'");
  EXPECT_THAT(described(all_changes(before)), ElementsAre("changed b.md", "deleted a.md"));
  // The shell's view says the same.
  SQLite::Statement view(sql(),
                         "SELECT change || ' ' || path FROM changes WHERE revision > ? "
                         "ORDER BY revision");
  view.bind(1, static_cast<std::int64_t>(before));
  std::vector<std::string> rows;
  while (view.executeStep()) rows.push_back(view.getColumn(0).getString());
  EXPECT_THAT(rows, ElementsAre("changed b.md", "deleted a.md"));
  // The next import writes a.md again, as a new article with the next revision.
  import();
  const std::vector<Change> after = all_changes(before);
  EXPECT_THAT(described(after), ElementsAre("changed b.md", "deleted a.md", "changed a.md"));
}

TEST_F(FeedTest, PagesFollowEachOther) {
  for (int i = 0; i < 25; ++i) write("a" + std::to_string(100 + i) + ".md", "A");
  import();
  const std::vector<Change> one_page = all_changes(0);
  const std::vector<Change> small_pages = all_changes(0, 4);
  ASSERT_EQ(one_page.size(), 25u);
  ASSERT_EQ(small_pages.size(), 25u);
  for (std::size_t i = 0; i < 25; ++i) EXPECT_EQ(one_page[i].revision, small_pages[i].revision);
  EXPECT_TRUE(db_->changes(0, 24).more);
  EXPECT_FALSE(db_->changes(0, 25).more);
  EXPECT_EQ(testing::error_code_of([&] { db_->changes(0, 0); }), ErrorCode::kInvalidArgument);
  EXPECT_EQ(testing::error_code_of([&] { db_->changes(0, kMaxPageSize + 1); }),
            ErrorCode::kInvalidArgument);
}

TEST_F(FeedTest, StoriesSavedTwiceAreDuplicates) {
  write("2023/a.md", "Story", "webUrl: https://news.example.com/story?utm_source=x");
  write("2024/a-again.md", "Story, saved again", "webUrl: https://NEWS.example.com/story");
  write("other.md", "Other", "webUrl: https://news.example.com/other");
  import();
  const std::vector<DuplicateGroup> groups = db_->duplicates();
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].canonical_url, "https://news.example.com/story");
  ASSERT_EQ(groups[0].articles.size(), 2u);
  EXPECT_EQ(groups[0].articles[0].path, "2023/a.md");
  EXPECT_EQ(groups[0].articles[1].path, "2024/a-again.md");
  EXPECT_EQ(sql().execAndGet("SELECT count(*) FROM duplicates").getInt(), 2);
}

TEST_F(FeedTest, RelatedProvidersKeepTheirLogos) {
  write("a.md", "A", R"(related:
  - title: "Other story"
    webUrl: https://b.example.com/x
    provider:
      name: B News
      domain: b.example.com
      images:
        - url: https://b.example.com/logo.png
          width: 50
          height: 50
          shape: round
        - {url: /logo2.png, isCached: true}
  - title: "No logo"
    provider: {name: C, domain: c.example.com})");
  import();
  const auto article = db_->article_by_path("a.md");
  ASSERT_TRUE(article.has_value());
  ASSERT_EQ(article->related.size(), 2u);
  ASSERT_TRUE(article->related[0].provider.has_value());
  const std::vector<Image>& logos = article->related[0].provider->images;
  ASSERT_EQ(logos.size(), 2u);
  EXPECT_EQ(logos[0].url, "https://b.example.com/logo.png");
  EXPECT_EQ(logos[0].width, 50);
  EXPECT_EQ(logos[0].height, 50);
  EXPECT_EQ(logos[0].extra_json, R"({"shape":"round"})");
  EXPECT_EQ(logos[1].url, "/logo2.png");
  EXPECT_EQ(logos[1].is_cached, true);
  ASSERT_TRUE(article->related[1].provider.has_value());
  EXPECT_TRUE(article->related[1].provider->images.empty());
}

TEST_F(FeedTest, CollectionsFollowThePath) {
  write("_news/a.md", "A");
  write("_archive/_news/b.md", "B");
  write("_learning/courses/c.md", "C");
  write("_learning/videos/d.md", "D");
  write("misc/_news_letter/e.md", "E");
  import();
  auto titles = [&](const std::string& collection) {
    ListOptions options;
    options.filter.collection = collection;
    std::vector<std::string> out;
    for (const Article& a : db_->list(options).articles) out.push_back(a.title);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_THAT(titles("news"), ElementsAre("A", "B"));
  EXPECT_THAT(titles("_news"), ElementsAre("A", "B"));
  EXPECT_THAT(titles("archive"), ElementsAre("B"));
  EXPECT_THAT(titles("archive/news"), ElementsAre("B"));
  EXPECT_THAT(titles("learning"), ElementsAre("C", "D"));
  EXPECT_THAT(titles("learning/courses"), ElementsAre("C"));
  EXPECT_THAT(titles("_learning/_courses"), ElementsAre("C"));
  EXPECT_THAT(titles("news_letter"), ElementsAre("E"));  // '_' inside a name is no wildcard
  EXPECT_TRUE(titles("new%").empty());
  EXPECT_EQ(db_->article_by_path("_archive/_news/b.md")->collection, "archive");
  EXPECT_EQ(testing::error_code_of([&] { titles("a/b/c/d/e"); }), ErrorCode::kInvalidArgument);
}

TEST_F(FeedTest, WordsOfScriptsWithoutSpacesAreFoundInsideRuns) {
  write("ja.md", "人工知能による翻訳、精度が大幅に向上", "excerpt: 新しいモデルは文脈を理解する");
  write("zh.md", "人工智能翻译质量大幅提高");
  write("th.md", "ปัญญาประดิษฐ์ช่วยแปลภาษาได้ดีขึ้น");
  write("en.md", "Machine translation improves", "excerpt: 翻訳 in a Latin text");
  import();
  auto found = [&](const std::string& query) {
    std::vector<std::string> titles;
    for (const SearchHit& hit : db_->search(query).hits) titles.push_back(hit.article.title);
    std::sort(titles.begin(), titles.end());
    return titles;
  };
  EXPECT_THAT(found("翻訳"),
              ElementsAre("Machine translation improves", "人工知能による翻訳、精度が大幅に向上"));
  EXPECT_THAT(found("人工知能"), ElementsAre("人工知能による翻訳、精度が大幅に向上"));
  EXPECT_THAT(found("精度"), ElementsAre("人工知能による翻訳、精度が大幅に向上"));
  EXPECT_THAT(found("文脈"), ElementsAre("人工知能による翻訳、精度が大幅に向上"));
  EXPECT_THAT(found("翻译"), ElementsAre("人工智能翻译质量大幅提高"));
  EXPECT_THAT(found("质量"), ElementsAre("人工智能翻译质量大幅提高"));
  EXPECT_THAT(found("แปลภาษา"), ElementsAre("ปัญญาประดิษฐ์ช่วยแปลภาษาได้ดีขึ้น"));
  EXPECT_THAT(found("translation 翻訳"), ElementsAre("Machine translation improves"));
  EXPECT_THAT(found("人工"),
              ElementsAre("人工智能翻译质量大幅提高", "人工知能による翻訳、精度が大幅に向上"));
  EXPECT_TRUE(found("翻訳機").empty());
  // Latin words are searched as before.
  EXPECT_THAT(found("translation"), ElementsAre("Machine translation improves"));
  EXPECT_TRUE(found("ranslation").empty());
}

// A database written by schema version 3 (tests/data/schema/v3_examples.sql: examples/
// imported) is migrated in place and reads as a fresh import of the same files does.
TEST(MigrationTest, OpensADatabaseWrittenBySchemaVersion3) {
  testing::TempDir dir;
  {
    SQLite::Database old((dir / "old.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    old.exec(testing::read_file(testing::test_data() / "schema" / "v3_examples.sql"));
    ASSERT_EQ(old.execAndGet("PRAGMA user_version").getInt(), 3);
  }
  Database migrated(dir / "old.db");
  EXPECT_EQ(migrated.stats().schema_version, Database::current_schema_version());
  const CheckReport report = migrated.check();
  EXPECT_TRUE(report.ok()) << ::testing::PrintToString(report.faults);

  Database fresh(dir / "fresh.db");
  Importer(fresh).run({testing::examples()});
  ListOptions all;
  all.limit = 100;
  auto by_path = [&](const Database& db) {
    std::map<std::string, Article> out;
    for (Article& a : db.list(all).articles) out.emplace(a.path, std::move(a));
    return out;
  };
  const auto want = by_path(fresh);
  const auto got = by_path(migrated);
  ASSERT_EQ(got.size(), want.size());
  ASSERT_GT(got.size(), 0u);
  for (const auto& [path, w] : want) {
    ASSERT_TRUE(got.count(path)) << path;
    const Article& g = got.at(path);
    EXPECT_EQ(g.title, w.title);
    EXPECT_EQ(g.published_at, w.published_at);
    EXPECT_EQ(g.extra_json, w.extra_json);
    EXPECT_EQ(g.repaired_json, w.repaired_json);
    EXPECT_EQ(g.topics.size(), w.topics.size());
    EXPECT_EQ(g.related.size(), w.related.size());
  }
  // Every article has a revision; the feed goes on from there, search works.
  const ChangePage page = migrated.changes(0);
  EXPECT_EQ(page.changes.size(), got.size());
  EXPECT_EQ(page.current_revision, page.changes.back().revision);
  EXPECT_FALSE(migrated.search("embeddings").hits.empty());
  {
    SQLite::Database shell((dir / "old.db").string(), SQLite::OPEN_READWRITE);
    shell.exec("UPDATE articles SET title = 'edited' WHERE id = 1");
  }
  const ChangePage after = migrated.changes(page.current_revision);
  ASSERT_EQ(after.changes.size(), 1u);
  EXPECT_EQ(after.changes[0].article_id, 1);
}

// Schema 5 gives each publisher on a shared platform a provider of its own: a database
// written by version 4 (tests/data/schema/v4_platforms.sql), where two YouTube channels are one
// provider, is split in place; a new import splits them the same way.
TEST(MigrationTest, PublishersOnAPlatformBecomeProvidersOfTheirOwn) {
  testing::TempDir dir;
  {
    SQLite::Database old((dir / "old.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    old.exec(testing::read_file(testing::test_data() / "schema" / "v4_platforms.sql"));
    ASSERT_EQ(old.execAndGet("PRAGMA user_version").getInt(), 4);
    ASSERT_EQ(old.execAndGet("SELECT count(*) FROM providers").getInt(), 2);
  }
  Database db(dir / "old.db");
  EXPECT_TRUE(db.check().ok()) << ::testing::PrintToString(db.check().faults);
  std::map<std::string, std::int64_t> counts;
  for (const ProviderCount& p : db.providers()) {
    counts[p.provider.name + " @ " + p.provider.domain.value_or("")] = p.articles;
  }
  EXPECT_EQ(counts, (std::map<std::string, std::int64_t>{{"Dhruvin Shah @ youtube.com", 3},
                                                         {"Reza Dorrani @ youtube.com", 2},
                                                         {"Microsoft @ microsoft.com", 1}}));
  auto matching = [&](const std::string& provider) {
    ListOptions options;
    options.filter.providers = {provider};
    return db.list(options).articles.size();
  };
  EXPECT_EQ(matching("Dhruvin Shah"), 3u);
  EXPECT_EQ(matching("Reza Dorrani"), 2u);
  EXPECT_EQ(matching("youtube.com"), 5u);  // everything on the platform
  // The articles read as written: the platform is their provider's domain.
  ListOptions reza;
  reza.filter.providers = {"Reza Dorrani"};
  const Article article = db.list(reza).articles.at(0);
  EXPECT_EQ(article.provider->domain, "youtube.com");
  ASSERT_EQ(article.related.size(), 1u);
  EXPECT_EQ(article.related[0].provider->name, "Dhruvin Shah");
  EXPECT_EQ(article.related[0].provider->domain, "youtube.com");

  // A new import of the same shapes gives the same providers.
  Database fresh(dir / "fresh.db");
  for (int i = 0; i < 2; ++i) {
    testing::write_file(dir / "src" / ("a" + std::to_string(i) + ".md"),
                        testing::article_text("A", "provider: {name: Channel " + std::to_string(i) +
                                                       ", domain: www.YouTube.com}"));
  }
  Importer(fresh).run({dir / "src"});
  std::vector<std::string> names;
  for (const ProviderCount& p : fresh.providers()) names.push_back(p.provider.name);
  std::sort(names.begin(), names.end());
  EXPECT_THAT(names, ElementsAre("Channel 0", "Channel 1"));
}

}  // namespace
}  // namespace articledb
