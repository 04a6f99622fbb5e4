// SQLite connections: opening with articledb's settings, migrations, and the translation of
// SQLiteCpp's exceptions into articledb::Error (the one place where that happens).
#ifndef ARTICLEDB_STORE_SQLITE_H_
#define ARTICLEDB_STORE_SQLITE_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "articledb/database.h"
#include "articledb/error.h"

namespace articledb::store {

/// "ADB1": marks a SQLite file as an articledb database (PRAGMA application_id).
inline constexpr int kApplicationId = 0x41444231;

/// `error` as an articledb::Error whose message starts with `context`.
Error translate(const SQLite::Exception& error, std::string_view context);

/// Runs `body`, turning SQLite exceptions into articledb::Error.
template <class Body>
auto guarded(std::string_view context, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    throw translate(e, context);
  }
}

/// Opens `path` with the settings articledb relies on (foreign keys, WAL, busy timeout),
/// checks that it is an articledb database, and migrates it when opened read-write.
std::unique_ptr<SQLite::Database> open_connection(const std::filesystem::path& path,
                                                  const OpenOptions& options);

/// Page cache of a connection that writes many articles (an import): large enough that the
/// indexes' working set stays in memory instead of being spilled and read back.
inline constexpr int kWriterCacheKiB = 48 * 1024;
/// Page cache of a read-only connection: the ranking statistics of frequent terms (a few
/// hundred kilobytes each) stay in memory between queries.
inline constexpr int kReaderCacheKiB = 32 * 1024;
/// Bytes of the file a read-only connection maps into memory (SQLite's default ceiling, 2 GiB):
/// a search that scores articles here and there reads their pages without copying them
/// through read(). The mapping is read-only; pages beyond it are read as usual.
inline constexpr std::int64_t kReaderMapBytes = 0x7fff0000;

/// Settings for a connection about to write many articles; returns the previous cache size,
/// for restore_after_bulk_writes().
int tune_for_bulk_writes(SQLite::Database& db);
void restore_after_bulk_writes(SQLite::Database& db, int cache_size);

/// An index that an import adding many articles drops while it writes and builds again at its
/// end: rows arrive in random order for it, and each would cost a page write once the index
/// outgrows the cache. Built again at the end of that import, or by the next import if it died
/// first; meanwhile queries work, only slower. The definitions must match the schema
/// (tests/store/schema_test.cc checks).
struct DeferrableIndex {
  const char* name;
  const char* sql;  ///< CREATE INDEX IF NOT EXISTS ...
};
std::span<const DeferrableIndex> deferrable_indexes();
void drop_deferrable_indexes(SQLite::Database& db);
/// Creates the deferrable indexes that are missing.
void ensure_deferrable_indexes(SQLite::Database& db);
bool deferrable_indexes_missing(SQLite::Database& db);

/// The write-ahead log is truncated to this size when it is reset (PRAGMA journal_size_limit
/// of a writer), and restarted past this size at the end of an import (keep_wal_short; while
/// the import writes, its WalWatch lets the log grow further).
inline constexpr std::int64_t kWalSoftLimit = 64 << 20;

/// Bytes of one frame of the write-ahead log: a page and the frame's header.
std::int64_t wal_frame_bytes(SQLite::Database& db);

/// What keep_wal_short() found.
struct WalState {
  std::int64_t bytes = 0;  ///< frames in the log, in bytes, after the attempt
  bool pinned = false;     ///< a reader's snapshot kept the log from being restarted
};

/// After a commit: when the write-ahead log has grown past `limit`, checkpoints it all
/// and restarts it from its beginning, waiting up to `wait` for the readers that use it (a
/// stream of short readers would otherwise keep it from ever being reset).
WalState keep_wal_short(SQLite::Database& db, std::int64_t limit, std::chrono::milliseconds wait);

/// While it lives, a writer's connection does not checkpoint by itself: SQLite's automatic
/// checkpoint (a PASSIVE one after any commit that leaves 1,000 pages or more in the log) is
/// replaced by a count of the log's frames, and the owner checkpoints with keep_wal_short()
/// when bytes() says so. A page that several commits change then reaches the database file
/// once per checkpoint, not once per commit. The automatic checkpoint comes back at the end.
class WalWatch {
 public:
  explicit WalWatch(SQLite::Database& db);
  ~WalWatch();
  WalWatch(const WalWatch&) = delete;
  WalWatch& operator=(const WalWatch&) = delete;

  /// Frames in the log after this connection's last commit, in bytes (0 before any).
  std::int64_t bytes() const { return frames_ * frame_bytes_; }

 private:
  static int on_commit(void* self, sqlite3* db, const char* schema, int frames);

  SQLite::Database& db_;
  int autocheckpoint_;  // pages, as PRAGMA wal_autocheckpoint said
  std::int64_t frame_bytes_;
  std::int64_t frames_ = 0;
};

/// Applies the migrations newer than the database's PRAGMA user_version, in one transaction.
void migrate(SQLite::Database& db);

/// RAII transaction taken with BEGIN IMMEDIATE (the write lock at once, so that a busy
/// database fails here and not halfway). Rolls back unless committed.
class WriteTransaction {
 public:
  explicit WriteTransaction(SQLite::Database& db);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void commit();
  void rollback();

 private:
  SQLite::Database& db_;
  bool open_ = true;
};

// Binding helpers for optional values: an empty optional binds NULL.
void bind(SQLite::Statement& statement, int index, const std::optional<std::string>& value);
void bind(SQLite::Statement& statement, int index, const std::optional<std::int64_t>& value);
void bind(SQLite::Statement& statement, int index, const std::optional<bool>& value);

/// The column as an optional (NULL gives nullopt).
std::optional<std::string> optional_text(const SQLite::Column& column);
std::optional<std::int64_t> optional_int(const SQLite::Column& column);

}  // namespace articledb::store

#endif  // ARTICLEDB_STORE_SQLITE_H_
