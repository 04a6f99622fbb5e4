// Opening an articledb database.
#ifndef ARTICLEDB_DATABASE_H_
#define ARTICLEDB_DATABASE_H_

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "articledb/article.h"
#include "articledb/query.h"

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
  /// What one search or listing may ask for and spend.
  QueryLimits limits;
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
  /// What is worth knowing but loses nothing (rows an interrupted import left unused, checks
  /// that could not run here); the database is sound with notes.
  std::vector<std::string> notes;
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

  /// The article with this id, with its provider, topics, images and related entries (each
  /// with the id of the article it points to, when the database has it); nullopt if none.
  std::optional<Article> article(std::int64_t id, bool with_body = true) const;

  /// The article of a file, given by its path relative to its import root ("_news/x.md") or
  /// by its path on disk. Throws kInvalidArgument if a relative path names files under
  /// several roots.
  std::optional<Article> article_by_path(std::string_view path, bool with_body = true) const;

  /// The article whose canonical URL is that of `url` (scheme and host case, default port,
  /// fragment and tracking parameters do not matter); the oldest when several share it.
  /// A final '/' on the path is part of the canonical URL; when no article has the form given,
  /// the form with (or without) it is tried.
  std::optional<Article> article_by_url(std::string_view url, bool with_body = true) const;

  /// A page of articles matching `options.filter`, in `options.sort` order.
  /// Throws kInvalidArgument for a bad limit or cursor.
  ArticlePage list(const ListOptions& options = {}) const;

  /// Full-text search over title, excerpt, body, topics and provider names. With
  /// QuerySyntax::kPlain any text is accepted (an empty query finds nothing); with kRaw a
  /// malformed FTS5 query throws kQuerySyntax. Throws kInvalidArgument for a bad limit or cursor.
  SearchResults search(std::string_view query, const SearchOptions& options = {}) const;

  /// The topics, providers and collection of `filter` that no article has, each with the
  /// nearest that exist: why a listing is empty, and what the user may have meant.
  std::vector<UnknownFilterValue> unknown_filter_values(const Filter& filter) const;

  /// What changed after revision `since` (0: everything there is), in revision order, at
  /// most `limit` (1..kMaxPageSize) changes. Throws kInvalidArgument for a bad limit.
  ChangePage changes(std::int64_t since, std::size_t limit = kMaxPageSize) const;

  /// Groups of articles that share a canonical URL, most copies first, then by URL.
  std::vector<DuplicateGroup> duplicates() const;

  /// Every topic with its number of articles, most used first.
  std::vector<TopicCount> topics() const;

  /// Every provider with its number of articles, most used first (providers named only by
  /// related entries have 0).
  std::vector<ProviderCount> providers() const;

  /// Internal state; not part of the API.
  struct Impl;
  Impl& impl() const noexcept { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace articledb

#endif  // ARTICLEDB_DATABASE_H_
