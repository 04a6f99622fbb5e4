// Opening an articledb database.
#ifndef ARTICLEDB_DATABASE_H_
#define ARTICLEDB_DATABASE_H_

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "articledb/article.h"

namespace articledb {

enum class OpenMode {
  kReadOnly,   ///< never writes, not even a migration; the file must exist
  kReadWrite,  ///< creates the file if missing and migrates it to the current schema
};

struct OpenOptions {
  /// Default: kReadWrite.
  OpenMode mode = OpenMode::kReadWrite;
  /// How long to wait for another connection's lock before failing with ErrorCode::kBusy.
  /// Default: 5 seconds.
  std::chrono::milliseconds busy_timeout{5000};
};

/// Row counts and extent of a database, as `articledb stats` prints them.
struct Stats {
  struct Count {
    std::string name;
    std::int64_t rows = 0;
  };
  int schema_version = 0;
  std::int64_t articles = 0;
  std::vector<Count> tables;        ///< rows per table, in schema order
  std::vector<Count> collections;   ///< articles per collection ("" for none), by name
  std::optional<Timestamp> oldest;  ///< earliest published_at
  std::optional<Timestamp> newest;  ///< latest published_at
  std::int64_t database_bytes = 0;  ///< main file plus write-ahead log
};

/// Result of Database::check(). Empty `faults` means the database is sound.
struct CheckReport {
  std::vector<std::string> faults;
  bool ok() const { return faults.empty(); }
};

/// A connection to an articledb database file (SQLite, WAL mode).
///
/// Opening read-write applies pending schema migrations in one transaction. A database
/// written by a newer articledb is refused with ErrorCode::kSchemaTooNew.
///
/// Thread safety: a Database is used by one thread at a time. Open one per thread;
/// any number of readers may run while one Importer writes.
class Database {
 public:
  /// Opens (and for kReadWrite creates or migrates) the database at `path`.
  /// Throws Error: kIo, kNotArticleDb, kSchemaTooNew, kSchemaTooOld, kBusy, kCorrupt.
  explicit Database(const std::filesystem::path& path, const OpenOptions& options = {});
  ~Database();
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  /// The schema version this library writes and reads.
  static int current_schema_version() noexcept;

  const std::filesystem::path& path() const noexcept;
  OpenMode mode() const noexcept;

  /// Counts per table and collection, time range and size on disk.
  Stats stats() const;

  /// Runs SQLite's and FTS5's integrity checks and looks for orphaned rows and full-text
  /// rows that disagree with their article.
  CheckReport check() const;

  /// Internal state; not part of the API.
  struct Impl;
  Impl& impl() const noexcept { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace articledb

#endif  // ARTICLEDB_DATABASE_H_
