#include "store/sqlite.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <string>

#include "normalize/text.h"
#include "search/fts.h"
#include "store/migrations.h"

namespace articledb::store {
namespace {

int latest_version() { return migrations().back().version; }

std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

}  // namespace

Error translate(const SQLite::Exception& error, std::string_view context) {
  std::string message(context);
  message += ": ";
  message += error.getErrorStr() != nullptr ? error.getErrorStr() : "error";
  const std::string detail = error.what();
  if (detail != message && detail != (error.getErrorStr() ? error.getErrorStr() : "")) {
    message += " (" + detail + ")";
  }
  switch (error.getErrorCode()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error(ErrorCode::kBusy,
                   message + ": the database is locked; is another import running?");
    case SQLITE_READONLY:
      return Error(ErrorCode::kReadOnly, message + ": the database cannot be written here");
    case SQLITE_FULL:
      return Error(ErrorCode::kIo,
                   message +
                       ": no space is left for the database or its temporary files; free space "
                       "and run again (everything committed before is kept)");
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
      return Error(ErrorCode::kIo, message);
    case SQLITE_NOTADB:
      return Error(ErrorCode::kNotArticleDb, message + ": this is not a SQLite database");
    case SQLITE_CORRUPT:
      return Error(ErrorCode::kCorrupt,
                   message +
                       ": the database file is damaged; restore it from a backup or "
                       "import the files again into a new one");
    default:
      return Error(ErrorCode::kDatabase, message);
  }
}

WriteTransaction::WriteTransaction(SQLite::Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

WriteTransaction::~WriteTransaction() {
  if (open_) db_.tryExec("ROLLBACK");
}

void WriteTransaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

void WriteTransaction::rollback() {
  open_ = false;
  db_.exec("ROLLBACK");
}

std::span<const DeferrableIndex> deferrable_indexes() {
  static constexpr DeferrableIndex kIndexes[] = {
      {"articles_by_time_key",
       "CREATE INDEX IF NOT EXISTS articles_by_time_key ON articles(coalesce(published_at, ''))"},
      {"articles_by_canonical_url",
       "CREATE INDEX IF NOT EXISTS articles_by_canonical_url ON articles(canonical_url)"},
      {"related_by_canonical_url",
       "CREATE INDEX IF NOT EXISTS related_by_canonical_url ON related(canonical_url)"},
  };
  return kIndexes;
}

void drop_deferrable_indexes(SQLite::Database& db) {
  for (const DeferrableIndex& index : deferrable_indexes()) {
    db.exec(std::string("DROP INDEX IF EXISTS ") + index.name);
  }
}

void ensure_deferrable_indexes(SQLite::Database& db) {
  std::vector<const DeferrableIndex*> missing;
  {
    SQLite::Statement present(db, "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?1");
    for (const DeferrableIndex& index : deferrable_indexes()) {
      present.reset();
      present.bind(1, index.name);
      if (!present.executeStep()) missing.push_back(&index);
    }
  }
  for (const DeferrableIndex* index : missing) db.exec(index->sql);
}

bool deferrable_indexes_missing(SQLite::Database& db) {
  SQLite::Statement present(db, "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?1");
  for (const DeferrableIndex& index : deferrable_indexes()) {
    present.reset();
    present.bind(1, index.name);
    if (!present.executeStep()) return true;
  }
  return false;
}

int tune_for_bulk_writes(SQLite::Database& db) {
  const int previous = db.execAndGet("PRAGMA cache_size").getInt();
  db.exec("PRAGMA cache_size = -" + std::to_string(kWriterCacheKiB));
  return previous;
}

void restore_after_bulk_writes(SQLite::Database& db, int cache_size) {
  db.exec("PRAGMA cache_size = " + std::to_string(cache_size));
}

std::int64_t wal_frame_bytes(SQLite::Database& db) {
  return db.execAndGet("PRAGMA page_size").getInt64() + 24;  // a page and its frame header
}

WalState keep_wal_short(SQLite::Database& db, std::int64_t limit, std::chrono::milliseconds wait) {
  sqlite3* handle = db.getHandle();
  int frames = 0;
  int copied = 0;
  if (sqlite3_wal_checkpoint_v2(handle, "main", SQLITE_CHECKPOINT_PASSIVE, &frames, &copied) !=
          SQLITE_OK ||
      frames <= 0) {
    return {};  // not in WAL mode, or an empty log
  }
  WalState state{frames * wal_frame_bytes(db), false};
  if (state.bytes <= limit) return state;
  const int busy_timeout = db.execAndGet("PRAGMA busy_timeout").getInt();
  sqlite3_busy_timeout(handle, static_cast<int>(wait.count()));
  const int rc =
      sqlite3_wal_checkpoint_v2(handle, "main", SQLITE_CHECKPOINT_RESTART, &frames, &copied);
  sqlite3_busy_timeout(handle, busy_timeout);
  if (rc == SQLITE_OK) return {0, false};
  if (rc == SQLITE_BUSY) state.pinned = true;
  return state;
}

WalWatch::WalWatch(SQLite::Database& db)
    : db_(db),
      autocheckpoint_(db.execAndGet("PRAGMA wal_autocheckpoint").getInt()),
      frame_bytes_(wal_frame_bytes(db)) {
  sqlite3_wal_hook(db.getHandle(), &WalWatch::on_commit, this);  // replaces the automatic one
}

WalWatch::~WalWatch() { sqlite3_wal_autocheckpoint(db_.getHandle(), autocheckpoint_); }

int WalWatch::on_commit(void* self, sqlite3* /*db*/, const char* schema, int frames) {
  if (std::string_view(schema) == "main") static_cast<WalWatch*>(self)->frames_ = frames;
  return SQLITE_OK;
}

void migrate(SQLite::Database& db) {
  WriteTransaction transaction(db);
  // Read again under the write lock: another process may have migrated meanwhile.
  const int version = db.execAndGet("PRAGMA user_version").getInt();
  if (version > latest_version()) return;  // reported by the caller's check
  for (const Migration& migration : migrations()) {
    if (migration.version <= version) continue;
    try {
      db.exec(migration.sql);
    } catch (const SQLite::Exception& e) {
      throw translate(e, std::string("schema migration ") + migration.name + " failed");
    }
    db.exec("PRAGMA user_version = " + std::to_string(migration.version));
  }
  db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  transaction.commit();
}

namespace {

// Clear words for the commonest mistakes with a database path, before SQLite's own.
void check_location(const std::filesystem::path& path, bool read_only) {
  const std::string name = path.string();
  if (name.empty() || name == ":memory:" || name.rfind("file:", 0) == 0) return;
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (std::filesystem::is_directory(status)) {
    throw Error(ErrorCode::kIo, quoted(path) +
                                    " is a folder, not a database file; name a file, e.g. " +
                                    quoted(path / "articles.db"));
  }
  if (std::filesystem::exists(status)) return;
  if (read_only) {
    throw Error(ErrorCode::kIo, "no database at " + quoted(path));
  }
  const std::filesystem::path folder =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const auto folder_status = std::filesystem::status(folder, error);
  if (!std::filesystem::exists(folder_status)) {
    throw Error(ErrorCode::kIo, "cannot create database " + quoted(path) + ": the folder " +
                                    quoted(folder) + " does not exist; create it first");
  }
  if (!std::filesystem::is_directory(folder_status)) {
    throw Error(ErrorCode::kIo, "cannot create database " + quoted(path) + ": " + quoted(folder) +
                                    " is not a folder");
  }
}

}  // namespace

namespace {

// articledb_fold_key(text): the case folding that keys topics and providers (NFKC, case
// folded), for the migrations that need it; not available in the stock shell.
void fold_key_function(sqlite3_context* context, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const auto bytes = static_cast<std::size_t>(sqlite3_value_bytes(argv[0]));
  try {
    thread_local normalize::TextNormalizer normalizer;
    const std::string key = normalizer.fold_key(std::string_view(text, bytes));
    sqlite3_result_text(context, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
  } catch (const std::exception& e) {
    sqlite3_result_error(context, e.what(), -1);
  }
}

// Why this process cannot write the database file or the journal beside it, if it cannot.
std::optional<std::string> unwritable(const std::filesystem::path& path) {
  const std::string name = path.string();
  if (name.empty() || name == ":memory:" || name.rfind("file:", 0) == 0) return std::nullopt;
  auto reason = [](int error) {
    return error == EROFS ? std::string("it is on a read-only file system")
                          : std::string(std::strerror(error));
  };
  if (::access(name.c_str(), F_OK) == 0 && ::access(name.c_str(), W_OK) != 0) {
    return reason(errno);
  }
  const std::filesystem::path folder =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  if (::access(folder.c_str(), W_OK) != 0) {
    return "its folder " + quoted(folder) + " cannot be written (" + reason(errno) +
           "), and SQLite keeps its journal there";
  }
  return std::nullopt;
}

// How a connection is opened.
enum class Access {
  kWrite,      // read-write, created if missing
  kRead,       // a reader, read-write where the file allows it, with query_only
  kReadOnly,   // a reader, read-only (a WAL index it cannot write is used read-only)
  kImmutable,  // a reader of a file nothing writes: no locks, no -wal or -shm
};

std::string immutable_uri(const std::filesystem::path& path) {
  std::string uri = "file:";
  for (const char c : std::filesystem::absolute(path).string()) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      uri += c;
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[byte >> 4];
      uri += kHex[byte & 15];
    }
  }
  return uri + "?immutable=1";
}

std::unique_ptr<SQLite::Database> open_once(const std::filesystem::path& path,
                                            const OpenOptions& options, Access access) {
  const bool read_only = options.mode == OpenMode::kReadOnly;
  const std::string context = "cannot open database " + quoted(path);
  std::unique_ptr<SQLite::Database> db;
  try {
    // Readers open read-write where the file allows it (SQLite falls back to read-only where
    // not) and set query_only: the last connection to close then removes the -wal and -shm
    // files, which a read-only connection would leave behind.
    int flags = SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
    std::string name = path.string();
    if (access == Access::kRead) flags = SQLite::OPEN_READWRITE;
    if (access == Access::kReadOnly) flags = SQLite::OPEN_READONLY;
    if (access == Access::kImmutable) {
      flags = SQLite::OPEN_READONLY | SQLite::OPEN_URI;
      name = immutable_uri(path);
    }
    db = std::make_unique<SQLite::Database>(name, flags | SQLite::OPEN_NOMUTEX,
                                            static_cast<int>(options.busy_timeout.count()));
  } catch (const SQLite::Exception& e) {
    throw translate(e, context);
  }
  if (search::register_fts_functions(db->getHandle()) != SQLITE_OK) {
    throw Error(ErrorCode::kDatabase, context + ": this SQLite has no FTS5");
  }
  if (!read_only) {
    sqlite3_create_function_v2(db->getHandle(), "articledb_fold_key", 1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, fold_key_function,
                               nullptr, nullptr, nullptr);
  }
  return guarded(context, [&]() -> std::unique_ptr<SQLite::Database> {
    const int application_id = db->execAndGet("PRAGMA application_id").getInt();
    int version = db->execAndGet("PRAGMA user_version").getInt();
    const bool empty = db->execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 0;
    if (application_id != kApplicationId && !(application_id == 0 && version == 0 && empty)) {
      throw Error(ErrorCode::kNotArticleDb,
                  quoted(path) + " is a SQLite database, but not an articledb one");
    }
    if (version > latest_version()) {
      throw Error(ErrorCode::kSchemaTooNew,
                  quoted(path) + " has schema version " + std::to_string(version) +
                      ", newer than this articledb reads (" + std::to_string(latest_version()) +
                      "); upgrade articledb");
    }
    if (read_only) {
      if (version < latest_version()) {
        throw Error(ErrorCode::kSchemaTooOld,
                    quoted(path) + (empty ? " is empty; import articles into it first"
                                          : " needs a schema migration; open it read-write "
                                            "once (e.g. with articledb import) to migrate it"));
      }
      db->exec("PRAGMA query_only = ON");
      db->exec("PRAGMA cache_size = -" + std::to_string(kReaderCacheKiB));
      db->exec("PRAGMA mmap_size = " + std::to_string(kReaderMapBytes));
    } else {
      db->exec("PRAGMA journal_mode = WAL");
      db->exec("PRAGMA synchronous = NORMAL");
      db->exec("PRAGMA journal_size_limit = " + std::to_string(kWalSoftLimit));
      db->exec("PRAGMA secure_delete = OFF");
      if (version < latest_version()) migrate(*db);
    }
    db->exec("PRAGMA foreign_keys = ON");
    db->exec("PRAGMA temp_store = MEMORY");
    return std::move(db);
  });
}

}  // namespace

namespace {

// A new database file appears whole: made and migrated under a temporary name beside it, then
// linked into place (unless another process made it meanwhile), so that a run killed at its
// start never leaves an empty or half-made file under the database's name.
void create_whole(const std::filesystem::path& path, const OpenOptions& options) {
  const std::string name = path.string();
  if (name.empty() || name == ":memory:" || name.rfind("file:", 0) == 0) return;
  std::error_code error;
  if (std::filesystem::exists(path, error) || error) return;
  const std::string temporary = name + ".new-" + std::to_string(::getpid());
  try {
    open_once(temporary, options, Access::kWrite);  // closed at once: WAL checkpointed, removed
  } catch (...) {
    ::unlink(temporary.c_str());
    throw;
  }
  if (::link(temporary.c_str(), name.c_str()) != 0 && errno != EEXIST) {
    // A file system without hard links: a rename (a file made meanwhile is replaced by an
    // equally empty one).
    std::filesystem::rename(temporary, path, error);
  }
  ::unlink(temporary.c_str());
}

}  // namespace

std::unique_ptr<SQLite::Database> open_connection(const std::filesystem::path& path,
                                                  const OpenOptions& options) {
  const bool read_only = options.mode == OpenMode::kReadOnly;
  check_location(path, read_only);
  if (!read_only) {
    create_whole(path, options);
    try {
      return open_once(path, options, Access::kWrite);
    } catch (const Error& e) {
      if (e.code() != ErrorCode::kReadOnly && e.code() != ErrorCode::kIo) throw;
      if (auto why = unwritable(path)) {
        throw Error(ErrorCode::kReadOnly, "cannot write database " + quoted(path) + ": " + *why);
      }
      throw;
    }
  }
  // A reader where it cannot write (a read-only file or folder, e.g. a database shipped in
  // a container image): read-only, then, when SQLite cannot make the WAL index either, as
  // an immutable file.
  try {
    return open_once(path, options, Access::kRead);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kReadOnly && e.code() != ErrorCode::kIo) throw;
  }
  try {
    return open_once(path, options, Access::kReadOnly);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kReadOnly && e.code() != ErrorCode::kIo) throw;
  }
  return open_once(path, options, Access::kImmutable);
}

void bind(SQLite::Statement& statement, int index, const std::optional<std::string>& value) {
  if (value) {
    statement.bindNoCopy(index, *value);
  } else {
    statement.bind(index);
  }
}

void bind(SQLite::Statement& statement, int index, const std::optional<std::int64_t>& value) {
  if (value) {
    statement.bind(index, static_cast<std::int64_t>(*value));
  } else {
    statement.bind(index);
  }
}

void bind(SQLite::Statement& statement, int index, const std::optional<bool>& value) {
  if (value) {
    statement.bind(index, *value ? 1 : 0);
  } else {
    statement.bind(index);
  }
}

std::optional<std::string> optional_text(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

std::optional<std::int64_t> optional_int(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

}  // namespace articledb::store
