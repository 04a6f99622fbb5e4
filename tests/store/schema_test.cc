// The schema as a shell user meets it: plain SQL through SQLite, no articledb code.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "articledb/database.h"
#include "articledb/importer.h"
#include "test_util.h"

namespace articledb {
namespace {

class SchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_file(dir_ / "src" / "_news" / "a.md",
                        testing::article_text("Quantum widgets",
                                              "excerpt: Small parts\n"
                                              "topics: [Physics, Gadgets]\n"
                                              "provider: {name: Acme, domain: acme.com}") +
                            "Body about *superconductors*.\n");
    testing::write_file(dir_ / "src" / "_news" / "b.md",
                        testing::article_text(
                            "Other",
                            "webUrl: https://b.example/x\n"
                            "related:\n  - title: R\n    webUrl: https://acme.com/a?utm_source=z"));
    {
      Database db(dir_ / "a.db");
      ImportOptions options;
      options.jobs = 1;
      Importer(db, options).run({dir_ / "src"});
    }
    sql_ = std::make_unique<SQLite::Database>((dir_ / "a.db").string(), SQLite::OPEN_READWRITE);
  }

  std::int64_t count(const std::string& query) { return sql_->execAndGet(query).getInt64(); }
  std::int64_t matches(const std::string& term) {
    SQLite::Statement q(*sql_, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1");
    q.bind(1, term);
    q.executeStep();
    return q.getColumn(0).getInt64();
  }

  testing::TempDir dir_;
  std::unique_ptr<SQLite::Database> sql_;
};

TEST_F(SchemaTest, FullTextIndexCoversTitleExcerptBodyTopicsAndProvider) {
  EXPECT_EQ(matches("quantum"), 1);
  EXPECT_EQ(matches("excerpt:small"), 1);
  EXPECT_EQ(matches("body:superconductors"), 1);
  EXPECT_EQ(matches("topics:gadgets"), 1);
  EXPECT_EQ(matches("provider:acme"), 1);
  EXPECT_EQ(matches("body:superconductors*"), 1);
}

TEST_F(SchemaTest, HandEditsInTheShellKeepTheIndexRight) {
  sql_->exec("UPDATE articles SET title = 'Photonic gizmos' WHERE path = '_news/a.md'");
  EXPECT_EQ(matches("quantum"), 0);
  EXPECT_EQ(matches("photonic"), 1);

  sql_->exec("UPDATE topics SET name = 'Optics' WHERE name = 'Physics'");
  EXPECT_EQ(matches("topics:optics"), 1);
  sql_->exec("DELETE FROM article_topics WHERE position = 1");
  EXPECT_EQ(matches("topics:gadgets"), 0);

  sql_->exec("DELETE FROM articles WHERE path = '_news/a.md'");
  EXPECT_EQ(matches("photonic"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM articles_fts"), count("SELECT count(*) FROM articles"));
  EXPECT_EQ(count("SELECT count(*) FROM images"), 0);  // cascaded
  sql_->exec("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')");
}

TEST_F(SchemaTest, RelatedEntriesResolveToArticlesImportedLater) {
  // b.md's related entry points at https://acme.com/a, which no article has yet.
  EXPECT_EQ(count("SELECT count(target_article_id) FROM related_links"), 0);
  testing::write_file(dir_ / "src" / "_news" / "c.md",
                      testing::article_text("Target", "webUrl: https://ACME.com/a#section"));
  {
    Database db(dir_ / "a.db");
    Importer(db).run({dir_ / "src"});
  }
  EXPECT_EQ(count("SELECT target_article_id FROM related_links"),
            count("SELECT id FROM articles WHERE path = '_news/c.md'"));
}

TEST_F(SchemaTest, ViewsAnswerShellQuestions) {
  EXPECT_EQ(count("SELECT count(*) FROM article_overview WHERE topics = 'Physics; Gadgets'"), 1);
  EXPECT_EQ(count("SELECT articles FROM topic_counts WHERE name = 'Physics'"), 1);
  EXPECT_EQ(count("SELECT articles FROM provider_counts WHERE domain = 'acme.com'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM import_runs WHERE status = 'done' AND added = 2"), 1);
}

}  // namespace
}  // namespace articledb
