// Writes parsed articles and their rows. Knows the schema; knows nothing of files.
#ifndef ARTICLEDB_STORE_ARTICLE_WRITER_H_
#define ARTICLEDB_STORE_ARTICLE_WRITER_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "record/article_parser.h"

namespace articledb::store {

/// What the database remembers of an article's file, to tell later whether it changed.
struct FileFacts {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string content_hash;
  bool verified = true;  ///< false: read too close to its mtime; hash it again next time
};

/// Where an article's file is.
struct Location {
  std::int64_t root_id = 0;
  std::string path;  ///< relative to the root
  std::optional<std::string> collection;
};

/// Prepared statements for writing articles. The caller holds a write transaction and
/// decides about savepoints; one ArticleWriter per connection, used by one thread.
///
/// The full-text index is written a transaction at a time: call begin_session() after
/// each BEGIN and end_session() before each COMMIT. In between, the schema's triggers stand
/// aside (see import_session in the schema) and the articles written or removed are indexed
/// by end_session() in two statements: FTS5 writes a segment at every statement savepoint,
/// so a trigger per article would write a segment per article.
class ArticleWriter {
 public:
  explicit ArticleWriter(SQLite::Database& db);

  void begin_session();
  /// Brings the full-text index up to date with the session's writes and ends the session.
  void end_session();
  ArticleWriter(const ArticleWriter&) = delete;
  ArticleWriter& operator=(const ArticleWriter&) = delete;

  /// Inserts `parsed` with all its rows, as article `id` when given (a replaced file keeps its
  /// id), else under a new id. Returns the id.
  std::int64_t insert(const record::ParsedArticle& parsed, const Location& location,
                      const FileFacts& file, std::optional<std::int64_t> id,
                      const std::string& imported_at);

  /// Deletes an article and (by cascade) its topic links, images and related entries.
  void remove(std::int64_t id);

  /// Records new file facts of an article whose content did not change.
  void update_file(std::int64_t id, const FileFacts& file);

  /// Moves an article to another file with the same content.
  void relocate(std::int64_t id, const Location& location, const FileFacts& file);

  /// Marks the stored file facts as verified.
  void mark_verified(std::int64_t id);

  /// Deletes topics and providers that nothing refers to any more.
  void delete_orphans();

  /// Forgets cached ids; call after a rollback, which may have undone rows they name.
  void forget_cached_ids();

 private:
  struct TopicRow {
    std::int64_t id;
    std::string name;
  };
  const TopicRow& topic(const Topic& topic, const std::string& key);
  std::int64_t provider(const Provider& provider, const std::optional<std::string>& name_key);
  std::int64_t next_article_id();
  void insert_image(std::int64_t article_id, const char* role, int position, const Image& image);

  SQLite::Database& db_;
  SQLite::Statement insert_article_;
  SQLite::Statement insert_topic_link_;
  SQLite::Statement find_topic_;
  SQLite::Statement insert_topic_;
  SQLite::Statement find_provider_by_domain_;
  SQLite::Statement find_provider_by_name_;
  SQLite::Statement insert_provider_;
  SQLite::Statement insert_image_;
  SQLite::Statement insert_related_;
  SQLite::Statement delete_article_;
  SQLite::Statement update_file_;
  SQLite::Statement relocate_;
  SQLite::Statement mark_verified_;
  SQLite::Statement index_add_;
  SQLite::Statement index_remove_;
  SQLite::Statement unindex_added_;
  std::unordered_map<std::string, TopicRow> topics_;         // by key
  std::unordered_map<std::string, std::int64_t> providers_;  // by "d:domain" or "n:name key"
  std::optional<std::int64_t> next_id_;
};

}  // namespace articledb::store

#endif  // ARTICLEDB_STORE_ARTICLE_WRITER_H_
