#include "articledb/database.h"

#include <sqlite3.h>

#include <functional>
#include <system_error>

#include "store/database_impl.h"
#include "store/migrations.h"
#include "store/sqlite.h"

namespace articledb {
namespace {

// Tables reported by stats(), in schema order.
constexpr const char* kTables[] = {
    "articles",     "providers", "topics",         "article_topics", "images",         "related",
    "articles_fts", "roots",     "rejected_files", "import_runs",    "import_problems"};

std::int64_t file_size_or_zero(const std::filesystem::path& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<std::int64_t>(size);
}

}  // namespace

std::string_view to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid-argument";
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kBusy:
      return "busy";
    case ErrorCode::kReadOnly:
      return "read-only";
    case ErrorCode::kNotArticleDb:
      return "not-articledb";
    case ErrorCode::kSchemaTooNew:
      return "schema-too-new";
    case ErrorCode::kSchemaTooOld:
      return "schema-too-old";
    case ErrorCode::kCorrupt:
      return "corrupt";
    case ErrorCode::kQuerySyntax:
      return "query-syntax";
    case ErrorCode::kNotFound:
      return "not-found";
    case ErrorCode::kDatabase:
      return "database";
    case ErrorCode::kQueryTooComplex:
      return "query-too-complex";
  }
  return "unknown";
}

Database::Database(const std::filesystem::path& path, const OpenOptions& options)
    : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  impl_->mode = options.mode;
  impl_->busy_timeout = options.busy_timeout;
  impl_->limits = options.limits;
  impl_->db = store::open_connection(path, options);
}

Database::~Database() = default;
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;

int Database::current_schema_version() noexcept { return store::migrations().back().version; }

const std::filesystem::path& Database::path() const noexcept { return impl_->path; }

OpenMode Database::mode() const noexcept { return impl_->mode; }

Stats Database::stats() const {
  SQLite::Database& db = *impl_->db;
  return store::guarded("cannot read statistics", [&] {
    Stats stats;
    stats.schema_version = db.execAndGet("PRAGMA user_version").getInt();
    for (const char* table : kTables) {
      const auto rows = db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
      stats.tables.push_back({table, rows});
    }
    stats.articles = stats.tables.front().rows;

    SQLite::Statement collections(
        db, "SELECT coalesce(collection, ''), count(*) FROM articles GROUP BY 1 ORDER BY 1");
    while (collections.executeStep()) {
      stats.collections.push_back(
          {collections.getColumn(0).getString(), collections.getColumn(1).getInt64()});
    }
    SQLite::Statement range(db, "SELECT min(published_at), max(published_at) FROM articles");
    if (range.executeStep()) {
      if (auto oldest = store::optional_text(range.getColumn(0))) {
        stats.oldest = parse_timestamp(*oldest);
      }
      if (auto newest = store::optional_text(range.getColumn(1))) {
        stats.newest = parse_timestamp(*newest);
      }
    }
    const auto page_size = db.execAndGet("PRAGMA page_size").getInt64();
    const auto page_count = db.execAndGet("PRAGMA page_count").getInt64();
    stats.database_bytes = page_size * page_count;
    const std::string main = impl_->path.string();
    if (main != ":memory:" && !main.empty()) {
      stats.database_bytes = std::max(stats.database_bytes, file_size_or_zero(impl_->path));
      stats.database_bytes += file_size_or_zero(main + "-wal");
    }
    return stats;
  });
}

CheckReport Database::check() const {
  SQLite::Database& db = *impl_->db;
  CheckReport report;
  // Each stage on its own: a damaged file fails some and the others still report.
  auto stage = [&report](const char* what, const std::function<void()>& run) {
    try {
      run();
    } catch (const SQLite::Exception& e) {
      report.faults.push_back(std::string(what) + " could not run: " + e.what());
    }
  };
  stage("integrity_check", [&] {
    SQLite::Statement integrity(db, "PRAGMA integrity_check");
    while (integrity.executeStep()) {
      const std::string line = integrity.getColumn(0).getString();
      if (line != "ok") report.faults.push_back("integrity_check: " + line);
    }
  });
  stage("foreign_key_check", [&] {
    SQLite::Statement foreign_keys(db, "PRAGMA foreign_key_check");
    while (foreign_keys.executeStep()) {
      report.faults.push_back("foreign key: row " + foreign_keys.getColumn(1).getString() + " of " +
                              foreign_keys.getColumn(0).getString() +
                              " points to a missing row of " +
                              foreign_keys.getColumn(2).getString());
    }
  });
  // FTS5's own check writes nothing, but is a command: run where the file can be written,
  // with query_only lifted for it alone and inside a savepoint rolled back.
  if (sqlite3_db_readonly(db.getHandle(), "main") == 0) {
    const bool query_only = db.execAndGet("PRAGMA query_only").getInt() != 0;
    try {
      if (query_only) db.exec("PRAGMA query_only = OFF");
      db.exec("SAVEPOINT fts_check");
      try {
        db.exec("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')");
      } catch (const SQLite::Exception& e) {
        report.faults.push_back(std::string("articles_fts integrity-check: ") + e.what());
      }
      db.exec("ROLLBACK TO fts_check");
      db.exec("RELEASE fts_check");
    } catch (const SQLite::Exception& e) {
      report.faults.push_back(std::string("articles_fts integrity-check could not run: ") +
                              e.what());
    }
    if (query_only) db.tryExec("PRAGMA query_only = ON");
  } else {
    report.notes.push_back(
        "the full-text index's own integrity-check needs write access and was skipped; "
        "its rows were compared with the articles");
  }
  {
    // Each probe lists the rows at fault (their ids, the first few named in the message).
    struct Probe {
      const char* one;   // "article without a full-text row"
      const char* many;  // "articles without a full-text row"
      const char* sql;   // the ids at fault
      const char* fix;
    };
    static constexpr const char* kRebuildIndex =
        "rebuild the index in the shell: INSERT INTO articles_fts(articles_fts) "
        "VALUES('rebuild')";
    static constexpr const char* kReimport =
        "the next 'articledb import --force' of the folders rewrites them";
    // Left by an import stopped midway; harmless, and removed by the next import.
    static constexpr const char* kUnused = "unused; the next import removes them";
    static constexpr Probe kProbes[] = {
        {"article without a full-text row", "articles without a full-text row",
         "SELECT id FROM articles WHERE id NOT IN (SELECT id FROM articles_fts_docsize)",
         kRebuildIndex},
        {"full-text row without an article", "full-text rows without an article",
         "SELECT id FROM articles_fts_docsize WHERE id NOT IN (SELECT id FROM articles)",
         kRebuildIndex},
        {"article whose indexed topics (topics_text) differ from its topic links",
         "articles whose indexed topics (topics_text) differ from their topic links",
         "SELECT a.id FROM articles AS a WHERE a.topics_text IS NOT "
         "(SELECT topics FROM article_topic_names WHERE article_id = a.id)",
         kReimport},
        {"topic link without an article", "topic links without an article",
         "SELECT article_id FROM article_topics WHERE article_id NOT IN (SELECT id FROM articles)",
         kReimport},
        {"topic link without a topic", "topic links without a topic",
         "SELECT article_id FROM article_topics WHERE topic_id NOT IN (SELECT id FROM topics)",
         kReimport},
        {"image without an article", "images without an article",
         "SELECT id FROM images WHERE article_id NOT IN (SELECT id FROM articles)", kReimport},
        {"related entry without an article", "related entries without an article",
         "SELECT id FROM related WHERE article_id NOT IN (SELECT id FROM articles)", kReimport},
        {"topic without an article", "topics without an article",
         "SELECT id FROM topics WHERE id NOT IN (SELECT topic_id FROM article_topics)", kUnused},
        {"provider without an article or related entry",
         "providers without an article or related entry",
         "SELECT id FROM providers WHERE id NOT IN "
         "(SELECT provider_id FROM articles WHERE provider_id IS NOT NULL) AND id NOT IN "
         "(SELECT provider_id FROM related WHERE provider_id IS NOT NULL)",
         kUnused},
        {"article whose root is missing", "articles whose root is missing",
         "SELECT id FROM articles WHERE root_id NOT IN (SELECT id FROM roots)", kReimport},
    };
    constexpr std::int64_t kNamed = 5;
    for (const Probe& probe : kProbes) {
      stage(probe.many, [&] {
        SQLite::Statement ids(db, probe.sql);
        std::int64_t count = 0;
        std::string named;
        while (ids.executeStep()) {
          if (count < kNamed) {
            named += (named.empty() ? "" : ", ") + ids.getColumn(0).getString();
          }
          ++count;
        }
        if (count == 0) return;
        const std::string line = std::to_string(count) + " " +
                                 (count == 1 ? probe.one : probe.many) + " (id " + named +
                                 (count > kNamed ? ", ..." : "") + "); " + probe.fix;
        (probe.fix == kUnused ? report.notes : report.faults).push_back(line);
      });
    }
  }
  return report;
}

}  // namespace articledb
