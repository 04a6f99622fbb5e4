#include "articledb/database.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <gtest/gtest.h>

#include "articledb/error.h"
#include "articledb/importer.h"
#include "store/database_impl.h"
#include "store/sqlite.h"
#include "test_util.h"

namespace articledb {
namespace {

TEST(DatabaseTest, CreatesAndMigratesANewFile) {
  testing::TempDir dir;
  const Database db(dir / "new.db");
  EXPECT_EQ(db.mode(), OpenMode::kReadWrite);
  const Stats stats = db.stats();
  EXPECT_EQ(stats.schema_version, Database::current_schema_version());
  EXPECT_EQ(stats.articles, 0);
  EXPECT_TRUE(db.check().ok());
  SQLite::Database raw((dir / "new.db").string());
  EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Database::current_schema_version());
}

TEST(DatabaseTest, ReadOnlyNeverCreatesOrMigrates) {
  testing::TempDir dir;
  OpenOptions read_only;
  read_only.mode = OpenMode::kReadOnly;
  EXPECT_EQ(testing::error_code_of([&] { Database db(dir / "missing.db", read_only); }),
            ErrorCode::kIo);
  EXPECT_FALSE(std::filesystem::exists(dir / "missing.db"));

  {
    SQLite::Database empty((dir / "empty.db").string(),
                           SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  }
  EXPECT_EQ(testing::error_code_of([&] { Database db(dir / "empty.db", read_only); }),
            ErrorCode::kSchemaTooOld);
  SQLite::Database raw((dir / "empty.db").string());
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 0);
}

TEST(DatabaseTest, ReadOnlyDatabaseRefusesWrites) {
  testing::TempDir dir;
  { Database create(dir / "a.db"); }
  OpenOptions read_only;
  read_only.mode = OpenMode::kReadOnly;
  Database db(dir / "a.db", read_only);
  EXPECT_EQ(db.stats().articles, 0);
  // Neither the importer nor the connection underneath will write.
  testing::write_file(dir / "src" / "a.md", testing::article_text("A"));
  EXPECT_EQ(testing::error_code_of([&] { Importer(db).run({dir / "src"}); }), ErrorCode::kReadOnly);
  EXPECT_THROW(db.impl().db->exec("INSERT INTO roots(path) VALUES ('/x')"), SQLite::Exception);
  EXPECT_EQ(db.stats().articles, 0);
}

TEST(DatabaseTest, NewerSchemaIsAClearError) {
  testing::TempDir dir;
  { Database create(dir / "a.db"); }
  {
    SQLite::Database raw((dir / "a.db").string(), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 999");
  }
  try {
    Database db(dir / "a.db");
    FAIL() << "opened a database from the future";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kSchemaTooNew);
    EXPECT_NE(std::string(e.what()).find("999"), std::string::npos) << e.what();
  }
}

TEST(DatabaseTest, ForeignSqliteDatabaseIsRefused) {
  testing::TempDir dir;
  {
    SQLite::Database raw((dir / "other.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE mine(x)");
  }
  EXPECT_EQ(testing::error_code_of([&] { Database db(dir / "other.db"); }),
            ErrorCode::kNotArticleDb);
  SQLite::Database raw((dir / "other.db").string());
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM sqlite_schema").getInt(), 1);  // untouched
}

TEST(DatabaseTest, NonSqliteFileIsRefused) {
  testing::TempDir dir;
  testing::write_file(dir / "text.db", std::string(4096, 'x'));
  EXPECT_EQ(testing::error_code_of([&] { Database db(dir / "text.db"); }),
            ErrorCode::kNotArticleDb);
}

TEST(DatabaseTest, UnopenableLocationIsAnIoError) {
  testing::TempDir dir;
  EXPECT_EQ(testing::error_code_of([&] { Database db(dir / "no" / "such" / "dir.db"); }),
            ErrorCode::kIo);
}

TEST(DatabaseTest, CheckFindsHandMadeDamage) {
  testing::TempDir dir;
  Database db(dir / "a.db");
  {
    SQLite::Database raw((dir / "a.db").string(), SQLite::OPEN_READWRITE);
    raw.exec("INSERT INTO topics(name, key, slug) VALUES ('Lonely', 'lonely', 'lonely')");
    raw.exec("INSERT INTO articles_fts(rowid, title) VALUES (42, 'ghost')");
  }
  const CheckReport report = db.check();
  ASSERT_EQ(report.faults.size(), 1u);
  ASSERT_EQ(report.notes.size(), 1u);
  // Each fault names the rows at fault and what to do.
  EXPECT_NE(report.faults[0].find("1 full-text row without an article (id 42)"), std::string::npos)
      << report.faults[0];
  EXPECT_NE(report.faults[0].find("'rebuild'"), std::string::npos) << report.faults[0];
  // A topic no article uses loses nothing (an interrupted import leaves them): a note.
  EXPECT_NE(report.notes[0].find("1 topic without an article (id "), std::string::npos)
      << report.notes[0];
}

// An importer's connection leaves checkpoints to keep_wal_short(): while a WalWatch lives,
// commits pile up in the log (SQLite's automatic checkpoint would copy them out and let the
// next commit start the log again), and the watch counts them.
TEST(DatabaseTest, WalWatchLetsTheLogGrowAndCountsItsFrames) {
  testing::TempDir dir;
  SQLite::Database db((dir / "w.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec(
      "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 8;"
      "CREATE TABLE t(x BLOB)");
  const auto wal_size = [&] { return std::filesystem::file_size(dir / "w.db-wal"); };
  const auto commit_pages = [&](int pages) {
    SQLite::Transaction transaction(db);
    for (int i = 0; i < pages; ++i) db.exec("INSERT INTO t VALUES (zeroblob(4000))");
    transaction.commit();
  };
  const std::int64_t page = db.execAndGet("PRAGMA page_size").getInt64();
  commit_pages(20);
  commit_pages(20);
  const auto without_watch = wal_size();  // the second commit started the log again
  EXPECT_LT(without_watch, static_cast<std::uintmax_t>(30 * page));
  {
    store::WalWatch watch(db);
    EXPECT_EQ(watch.bytes(), 0);
    EXPECT_EQ(db.execAndGet("PRAGMA wal_autocheckpoint").getInt(), 0);
    std::int64_t before = 0;
    for (int commit = 0; commit < 5; ++commit) {
      commit_pages(20);
      EXPECT_GE(watch.bytes(), before + 20 * page) << "commit " << commit;
      before = watch.bytes();
    }
    EXPECT_GE(wal_size(), static_cast<std::uintmax_t>(100 * page));
    EXPECT_LE(static_cast<std::uintmax_t>(watch.bytes()), wal_size());
    EXPECT_EQ(store::keep_wal_short(db, 0, std::chrono::milliseconds(100)).bytes, 0);
  }
  EXPECT_EQ(db.execAndGet("PRAGMA wal_autocheckpoint").getInt(), 8);
}

TEST(DatabaseTest, IsMovable) {
  testing::TempDir dir;
  Database a(dir / "a.db");
  Database b = std::move(a);
  EXPECT_EQ(b.path(), dir / "a.db");
  EXPECT_EQ(b.stats().articles, 0);
}

}  // namespace
}  // namespace articledb
