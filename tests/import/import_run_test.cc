#include "import/import_run.h"

#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <thread>

#include "articledb/error.h"
#include "import/import_test_util.h"
#include "test_util.h"

namespace articledb::import {
namespace {

using ::testing::HasSubstr;

// An old, whole-second-free modification time: files with it are never "racy".
constexpr std::int64_t kOldMtime = 1'600'000'000'123'456'789;

class ImportRunTest : public ::testing::Test {
 protected:
  void SetUp() override { db_ = std::make_unique<Database>(dir_ / "a.db"); }

  // Writes an article file with an old mtime, so that its stat is trusted at once.
  void write_article(const std::string& path, const std::string& title,
                     const std::string& more = "", std::int64_t mtime = kOldMtime) {
    testing::write_file(src() / path, testing::article_text(title, more));
    testing::set_mtime(src() / path, mtime);
  }

  // `count` articles with a body of `body_bytes` each, and the database made, still empty.
  void write_articles_into_new_database(int count, std::size_t body_bytes) {
    for (int i = 0; i < count; ++i) {
      write_article("a" + std::to_string(i) + ".md", "Article " + std::to_string(i),
                    "body: \"" + std::string(body_bytes, 'x') + "\"\n");
    }
    Database create(dir_ / "a.db");
  }

  ImportSummary run(ImportOptions options = {}, std::vector<std::filesystem::path> roots = {}) {
    if (roots.empty()) roots.push_back(src());
    options.jobs = options.jobs == 0 ? 2 : options.jobs;
    return run_import(*db_, roots, options, files_);
  }

  std::filesystem::path src() const { return dir_ / "src"; }

  SQLite::Database& sql() {
    if (!sql_) sql_ = std::make_unique<SQLite::Database>((dir_ / "a.db").string());
    return *sql_;
  }
  std::int64_t count(const std::string& query) { return sql().execAndGet(query).getInt64(); }
  std::int64_t id_of(const std::string& path) {
    SQLite::Statement q(sql(), "SELECT id FROM articles WHERE path = ?1");
    q.bind(1, path);
    return q.executeStep() ? q.getColumn(0).getInt64() : 0;
  }
  std::string title_of(const std::string& path) {
    SQLite::Statement q(sql(), "SELECT title FROM articles WHERE path = ?1");
    q.bind(1, path);
    return q.executeStep() ? q.getColumn(0).getString() : "";
  }

  void expect_sound() {
    const CheckReport report = db_->check();
    EXPECT_TRUE(report.ok()) << ::testing::PrintToString(report.faults);
  }

  testing::TempDir dir_;
  testing::CountingFileSystem files_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<SQLite::Database> sql_;
};

TEST_F(ImportRunTest, ImportsNewFiles) {
  write_article("_news/a.md", "A", "topics: [X, Y]");
  write_article("_news/b.md", "B", "topics: [Y]");
  write_article("notes.txt", "C");
  testing::write_file(src() / "ignored.json", "{}");
  const ImportSummary s = run();
  EXPECT_EQ(s.files, 3u);
  EXPECT_EQ(s.added, 3u);
  EXPECT_EQ(s.failed, 0u);
  EXPECT_GT(s.run_id, 0);
  EXPECT_EQ(count("SELECT count(*) FROM articles"), 3);
  EXPECT_EQ(count("SELECT count(*) FROM topics"), 2);
  EXPECT_EQ(count("SELECT count(*) FROM articles WHERE collection = 'news'"), 2);
  expect_sound();
}

TEST_F(ImportRunTest, SecondImportOfUnchangedFilesOpensNoFile) {
  write_article("a.md", "A");
  write_article("b.md", "B");
  run();
  files_.reads = 0;
  const ImportSummary s = run();
  EXPECT_EQ(files_.reads, 0);
  EXPECT_EQ(s.unchanged, 2u);
  EXPECT_EQ(s.added + s.updated + s.removed + s.failed, 0u);
  expect_sound();
}

TEST_F(ImportRunTest, ChangedFileReplacesItsArticleAndRowsKeepingTheId) {
  write_article("a.md", "Old", "topics: [One, Two]\nimages:\n  - url: /a.png");
  write_article("b.md", "Other");
  run();
  const std::int64_t id = id_of("a.md");
  write_article("a.md", "New", "topics: [Three]", kOldMtime + 1);
  files_.reads = 0;
  const ImportSummary s = run();
  EXPECT_EQ(files_.reads, 1);
  EXPECT_EQ(s.updated, 1u);
  EXPECT_EQ(s.unchanged, 1u);
  EXPECT_EQ(id_of("a.md"), id);
  EXPECT_EQ(title_of("a.md"), "New");
  EXPECT_EQ(count("SELECT count(*) FROM article_topics"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM images"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM topics"), 1);  // orphans One and Two are gone
  EXPECT_EQ(count("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'old'"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'new'"), 1);
  expect_sound();
}

TEST_F(ImportRunTest, TouchedFileWithSameContentIsHashedNotReparsed) {
  write_article("a.md", "A");
  run();
  testing::set_mtime(src() / "a.md", kOldMtime + 5'000'000'000);
  ImportSummary s = run();
  EXPECT_EQ(s.unchanged, 1u);
  EXPECT_EQ(s.updated, 0u);
  files_.reads = 0;
  s = run();  // the new mtime was recorded
  EXPECT_EQ(files_.reads, 0);
}

TEST_F(ImportRunTest, PruneRemovesExactlyTheArticlesOfDeletedFiles) {
  write_article("a.md", "A", "topics: [Only A]\nprovider: {name: P, domain: p.example}");
  write_article("b.md", "B");
  run();
  std::filesystem::remove(src() / "a.md");
  ImportSummary s = run();
  EXPECT_EQ(s.missing, 1u);
  EXPECT_EQ(s.removed, 0u);
  EXPECT_EQ(count("SELECT count(*) FROM articles"), 2);
  ImportOptions prune;
  prune.prune = true;
  s = run(prune);
  EXPECT_EQ(s.removed, 1u);
  EXPECT_EQ(s.unchanged, 1u);
  EXPECT_EQ(count("SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(id_of("b.md") > 0, true);
  EXPECT_EQ(count("SELECT count(*) FROM topics"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM providers"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM articles_fts"), 1);
  expect_sound();
}

// A folder that cannot be read is an error, not a deletion: --prune keeps its articles, and
// they keep their ids when it can be read again.
TEST_F(ImportRunTest, PruneKeepsTheArticlesOfAFolderThatCannotBeRead) {
  write_article("sub/a.md", "A");
  write_article("sub/b.md", "B");
  write_article("c.md", "C");
  run();
  const std::int64_t a = id_of("sub/a.md");
  files_.unreadable_folder = "sub";
  ImportOptions prune;
  prune.prune = true;
  const ImportSummary s = run(prune);
  EXPECT_EQ(s.removed, 0u);
  EXPECT_EQ(s.failed, 1u);
  EXPECT_EQ(count("SELECT count(*) FROM articles"), 3);
  files_.unreadable_folder.reset();
  run(prune);
  EXPECT_EQ(id_of("sub/a.md"), a);
  expect_sound();
}

TEST_F(ImportRunTest, PruneOnlyTouchesTheGivenRoots) {
  write_article("one/a.md", "A");
  write_article("two/b.md", "B");
  run();
  std::filesystem::remove(src() / "two" / "b.md");
  ImportOptions prune;
  prune.prune = true;
  const ImportSummary s = run(prune, {src() / "one"});
  EXPECT_EQ(s.removed, 0u);
  EXPECT_EQ(count("SELECT count(*) FROM articles"), 2);
}

TEST_F(ImportRunTest, MovedFileKeepsItsArticle) {
  write_article("a.md", "A", "topics: [T]");
  run();
  const std::int64_t id = id_of("a.md");
  std::filesystem::create_directories(src() / "moved");
  std::filesystem::rename(src() / "a.md", src() / "moved" / "renamed.md");
  const ImportSummary s = run();
  EXPECT_EQ(s.moved, 1u);
  EXPECT_EQ(s.added, 0u);
  EXPECT_EQ(s.missing, 0u);
  EXPECT_EQ(id_of("moved/renamed.md"), id);
  EXPECT_EQ(count("SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM articles WHERE collection = 'moved'"), 1);
  expect_sound();
}

TEST_F(ImportRunTest, AMovedFileInTwoPlacesIsOneMoveAndOneNewArticle) {
  write_article("a.md", "A", "topics: [T]\nquality: high");
  run();
  const std::int64_t id = id_of("a.md");
  std::filesystem::rename(src() / "a.md", src() / "b.md");
  std::filesystem::copy_file(src() / "b.md", src() / "c.md");
  const ImportSummary s = run();
  EXPECT_EQ(s.moved, 1u);
  EXPECT_EQ(s.added, 1u);
  EXPECT_EQ(s.warnings, 1u);  // the copy was parsed: its field warning is reported
  EXPECT_EQ(id_of("b.md"), id);
  EXPECT_NE(id_of("c.md"), 0);
  EXPECT_EQ(title_of("c.md"), "A");
  EXPECT_EQ(count("SELECT count(*) FROM article_topics"), 2);
  expect_sound();
}

TEST_F(ImportRunTest, ForcedImportOfAMovedFileRewritesItUnderTheSameId) {
  write_article("a.md", "A", "topics: [T]");
  run();
  const std::int64_t id = id_of("a.md");
  std::filesystem::rename(src() / "a.md", src() / "b.md");
  ImportOptions force;
  force.force = true;
  const ImportSummary s = run(force);
  EXPECT_EQ(s.moved, 1u);
  EXPECT_EQ(s.added, 0u);
  EXPECT_EQ(id_of("b.md"), id);
  EXPECT_EQ(count("SELECT count(*) FROM articles"), 1);
  expect_sound();
}

TEST_F(ImportRunTest, FileEditedWithinTheSameTickIsNotMissed) {
  // The file's mtime is "now" on the fake clock: what was read may change again without
  // the mtime moving, so the stat is not trusted.
  const std::int64_t now = 1'700'000'000'123'456'789;
  files_.fixed_now = now;
  write_article("a.md", "Before", "", now);
  run();
  EXPECT_EQ(count("SELECT stat_verified FROM articles"), 0);
  write_article("a.md", "Behind", "", now);  // same size, same mtime
  const ImportSummary s = run();
  EXPECT_EQ(s.updated, 1u);
  EXPECT_EQ(title_of("a.md"), "Behind");
}

TEST_F(ImportRunTest, FreshFilesAreConfirmedAtTheEndOfTheRun) {
  testing::write_file(src() / "a.md", testing::article_text("Fresh"));  // mtime: now
  run();
  EXPECT_EQ(count("SELECT stat_verified FROM articles"), 1);
  files_.reads = 0;
  run();
  EXPECT_EQ(files_.reads, 0);
}

TEST_F(ImportRunTest, ForceReparsesEverything) {
  write_article("a.md", "A");
  run();
  ImportOptions force;
  force.force = true;
  files_.reads = 0;
  const ImportSummary s = run(force);
  EXPECT_EQ(files_.reads, 1);
  EXPECT_EQ(s.updated, 1u);
  expect_sound();
}

TEST_F(ImportRunTest, DryRunCountsButWritesNothing) {
  write_article("a.md", "A");
  run();
  write_article("b.md", "B");
  std::filesystem::remove(src() / "a.md");
  ImportOptions dry;
  dry.dry_run = true;
  dry.prune = true;
  const ImportSummary s = run(dry);
  EXPECT_TRUE(s.dry_run);
  EXPECT_EQ(s.added, 1u);
  EXPECT_EQ(s.removed, 1u);
  EXPECT_EQ(s.run_id, 0);
  EXPECT_EQ(id_of("a.md") > 0, true);
  EXPECT_EQ(id_of("b.md"), 0);
}

TEST_F(ImportRunTest, HundredReimportsOfAChangingFileLeaveOneIndexRow) {
  write_article("b.md", "Steady");
  for (int i = 0; i < 100; ++i) {
    write_article("a.md", "Version " + std::to_string(i),
                  "topics: [T" + std::to_string(i % 3) + "]", kOldMtime + i);
    const ImportSummary s = run();
    ASSERT_EQ(s.failed, 0u);
  }
  EXPECT_EQ(count("SELECT count(*) FROM articles"), 2);
  EXPECT_EQ(count("SELECT count(*) FROM articles_fts"), 2);
  EXPECT_EQ(count("SELECT count(*) FROM articles_fts_docsize"), 2);
  EXPECT_EQ(count("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'version'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"version 99\"'"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM topics"), 1);
  expect_sound();
}

TEST_F(ImportRunTest, BadFileKeepsTheArticleItReplacesAndSpoilsNothing) {
  write_article("a.md", "Good A");
  write_article("b.md", "Good B");
  run();
  testing::write_file(src() / "a.md", "---\ntitle: [unclosed\n---\n");
  testing::set_mtime(src() / "a.md", kOldMtime + 1);
  write_article("c.md", "Good C");
  const ImportSummary s = run();
  EXPECT_EQ(s.failed, 1u);
  EXPECT_EQ(s.added, 1u);
  EXPECT_EQ(title_of("a.md"), "Good A");
  ASSERT_EQ(s.problems.size(), 1u);
  EXPECT_EQ(s.problems[0].path, (src() / "a.md").string());
  EXPECT_GT(s.problems[0].line, 0);
  expect_sound();
}

// A batch's articles are written out of the staging tables every few MiB (the batch commits
// later): articles refused by the database in either part fail alone, and the others of both
// parts, new or replacing an article, are indexed exactly once.
TEST_F(ImportRunTest, ArticlesWrittenOutInPartsOfABatchAreRefusedAlone) {
  std::string filler;
  while (filler.size() < 700'000) filler += "lorem ipsum dolor sit amet ";
  const int kFiles = 10;  // 7 MB: the staged articles are written out after the sixth
  auto write_all = [&](const std::string& version, std::int64_t mtime) {
    for (int i = 0; i < kFiles; ++i) {
      const std::string title = i == 2 || i == 8 ? "Refused" : "Kept " + std::to_string(i);
      const std::string path = "f0" + std::to_string(i) + ".md";
      testing::write_file(src() / path, testing::article_text(title) + "marker" +
                                            std::to_string(i) + version + " " + filler + "\n");
      testing::set_mtime(src() / path, mtime);
    }
  };
  auto expect_markers = [&](const std::string& version, bool present) {
    for (int i = 0; i < kFiles; ++i) {
      SQLite::Statement q(sql(), "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1");
      q.bind(1, "marker" + std::to_string(i) + version);
      ASSERT_TRUE(q.executeStep());
      EXPECT_EQ(q.getColumn(0).getInt64(), present && i != 2 && i != 8 ? 1 : 0)
          << "marker" << i << version;
    }
  };
  // What the database refuses is reported per article (a trigger added in the shell).
  SQLite::Database shell((dir_ / "a.db").string(), SQLite::OPEN_READWRITE);
  shell.exec(
      "CREATE TRIGGER refuse_some BEFORE INSERT ON articles WHEN NEW.title = 'Refused' "
      "BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END");

  write_all("x", kOldMtime);
  ImportSummary s = run();
  EXPECT_EQ(s.added, 8u);
  EXPECT_EQ(s.failed, 2u);
  std::vector<std::string> failed;
  for (const Problem& p : s.problems) failed.push_back(p.path);
  EXPECT_THAT(failed, ::testing::UnorderedElementsAre((src() / "f02.md").string(),
                                                      (src() / "f08.md").string()));
  EXPECT_EQ(count("SELECT count(*) FROM articles"), 8);
  expect_markers("x", true);

  // Every file changed: the articles of both parts are replaced.
  write_all("y", kOldMtime + 1);
  s = run();
  EXPECT_EQ(s.updated, 8u);
  EXPECT_EQ(s.failed, 2u);
  expect_markers("x", false);
  expect_markers("y", true);
  shell.exec("DROP TRIGGER refuse_some");
  expect_sound();
}

TEST_F(ImportRunTest, RejectedFilesAreReportedAgainWithoutBeingRead) {
  testing::write_file(src() / "readme.md", "# Not an article\n");
  testing::set_mtime(src() / "readme.md", kOldMtime);
  testing::write_file(src() / "broken.md", "---\ntitle: x\n");
  testing::set_mtime(src() / "broken.md", kOldMtime);
  ImportSummary s = run();
  EXPECT_EQ(s.skipped, 1u);
  EXPECT_EQ(s.failed, 1u);
  files_.reads = 0;
  s = run();
  EXPECT_EQ(files_.reads, 0);
  EXPECT_EQ(s.skipped, 1u);
  EXPECT_EQ(s.failed, 1u);
  ASSERT_EQ(s.problems.size(), 2u);
  EXPECT_THAT(s.problems[0].message, HasSubstr("not closed"));
  // Fixed: imported, and forgotten as rejected.
  write_article("broken.md", "Fixed", "", kOldMtime + 1);
  s = run();
  EXPECT_EQ(s.added, 1u);
  EXPECT_EQ(count("SELECT count(*) FROM rejected_files"), 1);
  std::filesystem::remove(src() / "readme.md");
  run();
  EXPECT_EQ(count("SELECT count(*) FROM rejected_files"), 0);
}

TEST_F(ImportRunTest, ImportingAParentFolderKeepsIdentities) {
  write_article("site/_news/a.md", "A");
  run({}, {src() / "site" / "_news"});
  const std::int64_t id = id_of("a.md");
  write_article("site/_posts/b.md", "B");
  const ImportSummary s = run({}, {src() / "site"});
  EXPECT_EQ(s.added, 1u);
  EXPECT_EQ(s.unchanged, 1u);
  EXPECT_EQ(id_of("_news/a.md"), id);
  EXPECT_EQ(count("SELECT count(*) FROM roots"), 1);
  // And a subfolder of a known root maps into it.
  const ImportSummary again = run({}, {src() / "site" / "_posts"});
  EXPECT_EQ(again.unchanged, 1u);
  EXPECT_EQ(count("SELECT count(*) FROM articles"), 2);
}

TEST_F(ImportRunTest, SingleFilesAndOverlappingRootsImportEachFileOnce) {
  write_article("x/a.md", "A");
  write_article("x/b.md", "B");
  const ImportSummary s = run({}, {src() / "x" / "a.md", src() / "x", src() / "x" / "a.md"});
  EXPECT_EQ(s.files, 2u);
  EXPECT_EQ(s.added, 2u);
  EXPECT_EQ(count("SELECT count(*) FROM articles"), 2);
}

TEST_F(ImportRunTest, LogsRunsAndProblems) {
  write_article("a.md", "A", "quality: high");
  testing::write_file(src() / "b.md", "no front matter");
  run();
  EXPECT_EQ(count("SELECT count(*) FROM import_runs WHERE status = 'done' AND added = 1 AND "
                  "skipped = 1 AND warnings = 1"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM import_problems WHERE severity = 'warning' AND line = 3"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM import_failures WHERE severity = 'skipped'"), 1);
}

TEST_F(ImportRunTest, UsageErrorsThrow) {
  try {
    run({}, {dir_ / "does-not-exist"});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_THAT(e.what(), HasSubstr("does-not-exist"));
  }
  EXPECT_THROW(run_import(*db_, {}, {}, files_), Error);
  write_article("a.md", "A");
  OpenOptions read_only;
  read_only.mode = OpenMode::kReadOnly;
  Database reader(dir_ / "a.db", read_only);
  try {
    run_import(reader, {src()}, {}, files_);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kReadOnly);
  }
}

TEST_F(ImportRunTest, ABusyDatabaseIsAClearError) {
  write_article("a.md", "A");
  SQLite::Database other((dir_ / "a.db").string(), SQLite::OPEN_READWRITE);
  other.exec("BEGIN IMMEDIATE");
  OpenOptions quick;
  quick.busy_timeout = std::chrono::milliseconds(50);
  Database db(dir_ / "a.db", quick);
  try {
    run_import(db, {src()}, {}, files_);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBusy);
    EXPECT_THAT(e.what(), HasSubstr("another import"));
  }
  other.exec("ROLLBACK");
}

TEST_F(ImportRunTest, ASecondImportIntoTheSameDatabaseWaitsThenFails) {
  write_article("a.md", "A");
  // A slow run: its file system blocks the first read until the test lets it go.
  struct SlowFileSystem : testing::CountingFileSystem {
    mutable std::atomic<bool> reading{false};
    std::atomic<bool> release{false};
    source::FileContents read(const std::filesystem::path& path, std::uint64_t max) const override {
      reading = true;
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      return CountingFileSystem::read(path, max);
    }
  } slow;
  std::thread first([&] { run_import(*db_, {src()}, {}, slow); });
  while (!slow.reading) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  OpenOptions quick;
  quick.busy_timeout = std::chrono::milliseconds(100);
  Database second(dir_ / "a.db", quick);
  try {
    run_import(second, {src()}, {}, files_);
    ADD_FAILURE() << "two imports ran at once";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBusy);
    EXPECT_THAT(e.what(), HasSubstr("another import"));
  }
  slow.release = true;
  first.join();
  EXPECT_EQ(run_import(second, {src()}, {}, files_).unchanged, 1u);  // free again
}

TEST_F(ImportRunTest, FilesLeftOutByTheirExtensionAreCountedAndCanBeAdded) {
  write_article("a.md", "A");
  write_article("data/theguardian.com", "The Guardian");
  write_article("data/b.yml", "B");
  write_article("data/NOTES", "Notes");
  write_article(".hidden.com", "Hidden");
  ImportSummary s = run();
  EXPECT_EQ(s.added, 1u);
  EXPECT_EQ(s.left_out, 3u);
  EXPECT_EQ(s.left_out_by_extension,
            (std::map<std::string, std::uint64_t>{{"", 1}, {".com", 1}, {".yml", 1}}));
  ImportOptions options;
  options.extensions = {"COM"};
  s = run(options);
  EXPECT_EQ(s.added, 1u);
  EXPECT_EQ(s.left_out, 2u);
  EXPECT_EQ(title_of("data/theguardian.com"), "The Guardian");
  // A file given by name is imported whatever its extension.
  s = run({}, {src() / "data" / "b.yml"});
  EXPECT_EQ(s.added, 1u);
  // Left out again, they are not gone: --prune keeps them while their files are there.
  ImportOptions prune;
  prune.prune = true;
  s = run(prune);
  EXPECT_EQ(s.removed, 0u);
  EXPECT_EQ(s.missing, 0u);
  EXPECT_EQ(title_of("data/theguardian.com"), "The Guardian");
  std::filesystem::remove(src() / "data" / "theguardian.com");
  EXPECT_EQ(run(prune).removed, 1u);
}

// The write-ahead log's size in bytes (0 when there is none).
std::int64_t wal_bytes(const std::filesystem::path& db) {
  std::error_code error;
  const auto size = std::filesystem::file_size(db.string() + "-wal", error);
  return error ? 0 : static_cast<std::int64_t>(size);
}

TEST_F(ImportRunTest, AReaderHoldingASnapshotStopsTheImportAtTheLogLimit) {
  write_articles_into_new_database(300, 2000);
  SQLite::Database reader((dir_ / "a.db").string(), SQLite::OPEN_READONLY);
  reader.exec("BEGIN");
  EXPECT_EQ(reader.execAndGet("SELECT count(*) FROM articles").getInt64(), 0);
  ImportOptions options;
  options.batch_size = 20;
  options.max_wal_bytes = 256u << 10;
  options.reader_wait = std::chrono::milliseconds(300);
  try {
    run(options);
    FAIL() << "the log grew past its limit under a reader";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBusy);
    EXPECT_THAT(e.what(), HasSubstr("a reader has held one snapshot"));
  }
  const std::int64_t kept = count("SELECT count(*) FROM articles");
  EXPECT_GT(kept, 0);
  EXPECT_LT(kept, 300);
  EXPECT_EQ(kept % 20, 0) << "whole batches only";
  // The log stopped about one batch past the limit.
  EXPECT_LT(wal_bytes(dir_ / "a.db"), 2 * (256 << 10) + (1 << 20));
  reader.exec("ROLLBACK");
  EXPECT_EQ(run(options).added, static_cast<std::uint64_t>(300 - kept));
  expect_sound();
}

TEST_F(ImportRunTest, AReaderThatLetsGoInTimeOnlyDelaysTheImport) {
  write_articles_into_new_database(300, 2000);
  std::atomic<bool> holding{false};
  std::atomic<bool> released{false};
  std::thread reader_thread([&] {
    SQLite::Database reader((dir_ / "a.db").string(), SQLite::OPEN_READONLY);
    reader.exec("BEGIN");
    reader.execAndGet("SELECT count(*) FROM articles");
    holding = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    reader.exec("ROLLBACK");
    released = true;
  });
  while (!holding) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  ImportOptions options;
  options.batch_size = 20;
  options.max_wal_bytes = 256u << 10;
  options.reader_wait = std::chrono::seconds(30);
  EXPECT_EQ(run(options).added, 300u);
  // Past the limit the import waited for the reader (alone it takes far less than 400 ms).
  EXPECT_TRUE(released) << "the import ended while the reader still held its snapshot";
  reader_thread.join();
  // Restarted once the reader let go: the log holds no more than the limit and a batch.
  EXPECT_LT(wal_bytes(dir_ / "a.db"), 2 * (256 << 10) + (1 << 20));
  expect_sound();
}

// Between batches the log is not checkpointed until it passes its limit: a page that several
// batches change reaches the database file once. A reader connection left open (holding no
// snapshot) keeps the log file after the import, at the length it reached.
TEST_F(ImportRunTest, TheLogHoldsManyBatchesBeforeACheckpoint) {
  write_articles_into_new_database(300, 2000);
  SQLite::Database idle((dir_ / "a.db").string(), SQLite::OPEN_READONLY);
  ImportOptions options;
  options.batch_size = 20;  // 15 commits of about 40 KB of articles each
  EXPECT_EQ(run(options).added, 300u);
  EXPECT_GE(wal_bytes(dir_ / "a.db"), 300 * 2000);
  expect_sound();
}

TEST(CollectionTest, ComesFromTheFirstUnderscoreFolder) {
  EXPECT_EQ(collection_of("powerapps/_news/x.md"), "news");
  EXPECT_EQ(collection_of("_learning/videos/x.md"), "learning");
  EXPECT_EQ(collection_of("blog/2022/x.md"), "blog");
  EXPECT_EQ(collection_of("x.md"), std::nullopt);
  EXPECT_EQ(collection_of("_x.md"), std::nullopt);
}

}  // namespace
}  // namespace articledb::import
