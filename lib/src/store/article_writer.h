// Writes parsed articles and their rows. Knows the schema; knows nothing of files.
#ifndef ARTICLEDB_STORE_ARTICLE_WRITER_H_
#define ARTICLEDB_STORE_ARTICLE_WRITER_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "record/article_parser.h"
#include "search/stats.h"
#include "search/tokenizer.h"

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

/// Writes articles a session (a transaction) at a time. One ArticleWriter per connection,
/// used by one thread; the caller holds the write transaction.
///
/// Articles inserted or removed during a session are staged in the connection's temporary
/// tables and written by end_session() with a few statements for the whole batch: a
/// statement per row would copy every page it touches into a statement journal (each insert
/// into a table with triggers has one), and FTS5 would write a segment at each of them. The
/// schema's triggers stand aside while a session is open (see import_session in the schema);
/// end_session() keeps the full-text index right itself.
///
/// Atomicity: an article's rows are written whole or not at all. When the database refuses
/// a batch (a constraint), end_session() writes it again article by article, each in a
/// savepoint, and reports the articles it refused; the others are written.
class ArticleWriter {
 public:
  /// With `stats`, the ranking statistics follow the articles written and removed (not
  /// owned; may be null).
  explicit ArticleWriter(SQLite::Database& db, search::StatsWriter* stats = nullptr);
  ArticleWriter(const ArticleWriter&) = delete;
  ArticleWriter& operator=(const ArticleWriter&) = delete;

  /// Starts a session; call after each BEGIN.
  void begin_session();

  /// An article the database refused, with SQLite's reason.
  struct Refusal {
    std::int64_t id = 0;
    std::string message;
  };
  /// Writes what the session staged: removals first, then new articles with all their rows,
  /// then the full-text index; deletes topics and providers the session left unused. Ends
  /// the session; call before COMMIT. Throws SQLite::Exception for what is not one article's
  /// fault (disk full, ...).
  std::vector<Refusal> end_session();

  /// Stages `parsed` with all its rows, as article `id` when given (a replaced file keeps its
  /// id), else under a new id. Returns the id.
  std::int64_t insert(const record::ParsedArticle& parsed, const Location& location,
                      const FileFacts& file, std::optional<std::int64_t> id,
                      const std::string& imported_at, search::ArticleTerms terms = {});

  /// Stages the deletion of an article and (by cascade) its topic links, images and related
  /// entries. Removals are written before the session's inserts.
  void remove(std::int64_t id);

  /// Records new file facts of an article whose content did not change (at once).
  void update_file(std::int64_t id, const FileFacts& file);

  /// Moves an article to another file with the same content (at once).
  void relocate(std::int64_t id, const Location& location, const FileFacts& file);

  /// Marks the stored file facts as verified (at once).
  void mark_verified(std::int64_t id);

  /// Deletes every topic and provider that nothing refers to (at once; outside a session).
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
  std::optional<std::int64_t> layout(const std::string& keys);
  std::int64_t next_article_id();
  void stage_image(std::int64_t article_id, const char* role, int position, const Image& image);
  void move_staged(const char* filter);
  std::vector<Refusal> move_one_by_one();

  SQLite::Database& db_;
  SQLite::Statement stage_article_;
  SQLite::Statement stage_topic_link_;
  SQLite::Statement stage_image_;
  SQLite::Statement stage_related_;
  SQLite::Statement stage_remove_;
  SQLite::Statement find_topic_;
  SQLite::Statement insert_topic_;
  SQLite::Statement find_provider_by_domain_;
  SQLite::Statement find_provider_by_name_;
  SQLite::Statement find_provider_on_platform_;
  SQLite::Statement find_layout_;
  SQLite::Statement insert_layout_;
  SQLite::Statement insert_provider_;
  SQLite::Statement note_topic_;
  SQLite::Statement note_provider_;
  SQLite::Statement update_file_;
  SQLite::Statement relocate_;
  SQLite::Statement next_revision_;
  SQLite::Statement mark_verified_;
  std::unordered_map<std::string, TopicRow> topics_;  // by key
  // by "d:domain", "n:name key" or "p:platform\nname key"
  std::unordered_map<std::string, std::int64_t> providers_;
  std::unordered_map<std::string, std::int64_t> layouts_;     // by keys
  std::optional<std::unordered_set<std::string>> platforms_;  // read at the first provider
  std::optional<std::int64_t> next_id_;
  std::size_t staged_ = 0;            // articles and removals staged in this session
  std::int64_t staged_articles_ = 0;  // articles staged in this session, numbering them
  search::StatsWriter* stats_;
  std::unique_ptr<search::Tokenizer> tokenizer_;  // for removed versions, made when needed
  std::unordered_map<std::int64_t, search::ArticleTerms> staged_terms_;
};

}  // namespace articledb::store

#endif  // ARTICLEDB_STORE_ARTICLE_WRITER_H_
