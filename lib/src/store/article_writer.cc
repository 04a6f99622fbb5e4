#include "store/article_writer.h"

#include <sqlite3.h>

#include "store/image_json.h"
#include "store/sqlite.h"

namespace articledb::store {
namespace {

const char* format_name(BodyFormat format) {
  switch (format) {
    case BodyFormat::kHtml:
      return "html";
    case BodyFormat::kMarkdown:
      return "markdown";
    case BodyFormat::kText:
      return "text";
  }
  return "text";
}

std::optional<std::string> time_text(const std::optional<Timestamp>& time) {
  if (!time) return std::nullopt;
  return format_timestamp(*time);
}

// The session's staging tables, on the connection's own temporary schema.
SQLite::Database& with_staging_tables(SQLite::Database& db) {
  db.exec(R"sql(
    CREATE TEMP TABLE IF NOT EXISTS articledb_articles(
      id INTEGER PRIMARY KEY, root_id, path, collection, file_size, file_mtime_ns, content_hash,
      stat_verified, imported_at, category, title, excerpt, published_at, original_url, web_url,
      amp_web_url, cdn_amp_web_url, canonical_url, type, quality, heat, published, removed,
      provider_id, provider_name, secured, body, body_format, body_text, extra, repaired,
      topics_text, layout_id, seq);
    CREATE TEMP TABLE IF NOT EXISTS articledb_topic_links(article_id, position, topic_id, label);
    CREATE TEMP TABLE IF NOT EXISTS articledb_images(
      article_id, role, position, url, width, height, title, is_cached, extra);
    CREATE TEMP TABLE IF NOT EXISTS articledb_related(
      article_id, position, title, excerpt, published_at, web_url, amp_web_url, cdn_amp_web_url,
      canonical_url, type, quality, provider_id, provider_name, extra, provider_images);
    CREATE TEMP TABLE IF NOT EXISTS articledb_removals(id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS articledb_unindex(
      id INTEGER PRIMARY KEY, title, excerpt, body, topics, provider);
    CREATE TEMP TABLE IF NOT EXISTS articledb_orphan_topics(id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS articledb_orphan_providers(id INTEGER PRIMARY KEY);
  )sql");
  return db;
}

// The statements that write staged rows, for every staged article (`which` = "1") or one
// (`which` = "X = ?1", X standing for the article id column).
std::vector<std::string> move_statements(const std::string& which) {
  auto where = [&](const char* column) {
    std::string condition = which;
    if (const auto x = condition.find('X'); x != std::string::npos) condition.replace(x, 1, column);
    return condition;
  };
  const std::string removed = "(SELECT id FROM temp.articledb_removals WHERE " + where("id") + ")";
  return {
      // Topics and providers the removed articles used may be left unused.
      "INSERT OR IGNORE INTO temp.articledb_orphan_topics SELECT topic_id FROM article_topics "
      "WHERE article_id IN " +
          removed,
      "INSERT OR IGNORE INTO temp.articledb_orphan_providers SELECT provider_id FROM articles "
      "WHERE id IN " +
          removed + " AND provider_id IS NOT NULL",
      "INSERT OR IGNORE INTO temp.articledb_orphan_providers SELECT provider_id FROM related "
      "WHERE article_id IN " +
          removed + " AND provider_id IS NOT NULL",
      // What the full-text index holds for them, to take it out.
      "INSERT OR IGNORE INTO temp.articledb_unindex SELECT id, title, excerpt, body_text, "
      "topics_text, provider_name FROM articles WHERE id IN " +
          removed,
      // Tombstones for the articles removed and not written again, each with a revision.
      "INSERT INTO tombstones(revision, article_id, root_id, path, deleted_at) "
      "SELECT (SELECT revision FROM feed_state) + row_number() OVER (ORDER BY id), id, root_id, "
      "path, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM articles WHERE id IN " +
          removed + " AND id NOT IN (SELECT id FROM temp.articledb_articles) ORDER BY id",
      "UPDATE feed_state SET revision = (SELECT max(revision) FROM tombstones) "
      "WHERE (SELECT max(revision) FROM tombstones) > revision",
      "DELETE FROM articles WHERE id IN " + removed,
      // New articles; topic links first (their foreign key is deferred).
      "INSERT INTO article_topics(article_id, position, topic_id, label) "
      "SELECT article_id, position, topic_id, label FROM temp.articledb_topic_links WHERE " +
          where("article_id") + " ORDER BY article_id, position",
      "INSERT INTO articles(id, root_id, path, collection, file_size, file_mtime_ns, "
      "content_hash, stat_verified, imported_at, category, title, excerpt, published_at, "
      "original_url, web_url, amp_web_url, cdn_amp_web_url, canonical_url, type, quality, heat, "
      "published, removed, provider_id, provider_name, secured, body, body_format, body_text, "
      // Revisions in the order the articles were staged, after the session's tombstones.
      "extra, repaired, topics_text, layout_id, revision) SELECT n.id, n.root_id, n.path, "
      "n.collection, n.file_size, n.file_mtime_ns, n.content_hash, n.stat_verified, "
      "n.imported_at, n.category, n.title, n.excerpt, n.published_at, n.original_url, "
      "n.web_url, n.amp_web_url, n.cdn_amp_web_url, n.canonical_url, n.type, n.quality, n.heat, "
      "n.published, n.removed, n.provider_id, n.provider_name, n.secured, n.body, "
      "n.body_format, n.body_text, n.extra, n.repaired, n.topics_text, "
      "n.layout_id, (SELECT revision FROM feed_state) + n.seq "
      "FROM temp.articledb_articles AS n WHERE " +
          where("n.id") + " ORDER BY n.id",
      "UPDATE feed_state SET revision = (SELECT max(revision) FROM articles) "
      "WHERE (SELECT max(revision) FROM articles) > revision",
      "INSERT INTO images(article_id, role, position, url, width, height, title, is_cached, "
      "extra) SELECT * FROM temp.articledb_images WHERE " +
          where("article_id") + " ORDER BY article_id, role, position",
      "INSERT INTO related(article_id, position, title, excerpt, published_at, web_url, "
      "amp_web_url, cdn_amp_web_url, canonical_url, type, quality, provider_id, provider_name, "
      "extra, provider_images) SELECT * FROM temp.articledb_related WHERE " +
          where("article_id") + " ORDER BY article_id, position",
  };
}

bool is_per_article_error(const SQLite::Exception& e) {
  switch (e.getErrorCode()) {
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return true;
    default:
      return false;
  }
}

}  // namespace

ArticleWriter::ArticleWriter(SQLite::Database& db, search::StatsWriter* stats)
    : db_(with_staging_tables(db)),
      stage_article_(db, R"sql(
        INSERT INTO temp.articledb_articles VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
          ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27,
          ?28, ?29, ?30, ?31, ?32, ?33, ?34))sql"),
      stage_topic_link_(db, "INSERT INTO temp.articledb_topic_links VALUES (?1, ?2, ?3, ?4)"),
      stage_image_(db,
                   "INSERT INTO temp.articledb_images VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
      stage_related_(db, R"sql(
        INSERT INTO temp.articledb_related VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,
          ?12, ?13, ?14, ?15))sql"),
      stage_remove_(db, "INSERT OR IGNORE INTO temp.articledb_removals(id) VALUES (?1)"),
      find_topic_(db, "SELECT id, name FROM topics WHERE key = ?1"),
      insert_topic_(db, "INSERT INTO topics(name, key, slug) VALUES (?1, ?2, ?3)"),
      find_provider_by_domain_(db, "SELECT id FROM providers WHERE domain = ?1"),
      find_provider_by_name_(db,
                             "SELECT id FROM providers WHERE name_key = ?1 AND domain IS NULL "
                             "AND platform IS NULL"),
      find_provider_on_platform_(db,
                                 "SELECT id FROM providers WHERE platform = ?1 AND name_key = ?2"),
      find_layout_(db, "SELECT id FROM layouts WHERE keys = ?1"),
      insert_layout_(db, "INSERT INTO layouts(keys) VALUES (?1)"),
      insert_provider_(
          db, "INSERT INTO providers(domain, platform, name, name_key) VALUES (?1, ?4, ?2, ?3)"),
      note_topic_(db, "INSERT OR IGNORE INTO temp.articledb_orphan_topics(id) VALUES (?1)"),
      note_provider_(db, "INSERT OR IGNORE INTO temp.articledb_orphan_providers(id) VALUES (?1)"),
      update_file_(db,
                   "UPDATE articles SET file_size = ?2, file_mtime_ns = ?3, content_hash = ?4, "
                   "stat_verified = ?5 WHERE id = ?1"),
      relocate_(db,
                "UPDATE articles SET root_id = ?2, path = ?3, collection = ?4, file_size = ?5, "
                "file_mtime_ns = ?6, content_hash = ?7, stat_verified = ?8, "
                "revision = (SELECT revision + 1 FROM feed_state) WHERE id = ?1"),
      next_revision_(db, "UPDATE feed_state SET revision = revision + 1"),
      mark_verified_(db, "UPDATE articles SET stat_verified = 1 WHERE id = ?1"),
      stats_(stats) {}

void ArticleWriter::begin_session() {
  db_.exec("INSERT INTO import_session(id) VALUES (1)");
  staged_ = 0;
  staged_articles_ = 0;
}

void ArticleWriter::move_staged(const char* which) {
  for (const std::string& sql : move_statements(which)) db_.exec(sql);
}

std::vector<ArticleWriter::Refusal> ArticleWriter::move_one_by_one() {
  std::vector<std::int64_t> ids;
  SQLite::Statement all(db_,
                        "SELECT id FROM temp.articledb_removals UNION "
                        "SELECT id FROM temp.articledb_articles ORDER BY 1");
  while (all.executeStep()) ids.push_back(all.getColumn(0).getInt64());
  std::vector<SQLite::Statement> statements;
  for (const std::string& sql : move_statements("X = ?1")) statements.emplace_back(db_, sql);
  std::vector<Refusal> refused;
  for (const std::int64_t id : ids) {
    db_.exec("SAVEPOINT articledb_article");
    try {
      for (SQLite::Statement& statement : statements) {
        statement.reset();
        if (statement.getBindParameterCount() > 0) statement.bind(1, static_cast<std::int64_t>(id));
        statement.exec();
      }
      db_.exec("RELEASE articledb_article");
    } catch (const SQLite::Exception& e) {
      // sqlite3_reset() reports a failed step once more: clear it here, or the next article's
      // reset() would throw it and refuse that article too.
      for (SQLite::Statement& statement : statements) statement.tryReset();
      db_.exec("ROLLBACK TO articledb_article");
      db_.exec("RELEASE articledb_article");
      if (!is_per_article_error(e)) throw;
      refused.push_back({id, e.what()});
    }
  }
  // A refused article is not indexed again (the old version of a refused update stays).
  SQLite::Statement forget(db_, "DELETE FROM temp.articledb_articles WHERE id = ?1");
  for (const Refusal& refusal : refused) {
    forget.reset();
    forget.bind(1, static_cast<std::int64_t>(refusal.id));
    forget.exec();
  }
  return refused;
}

std::vector<ArticleWriter::Refusal> ArticleWriter::end_session() {
  std::vector<Refusal> refused;
  if (staged_ > 0) {
    db_.exec("SAVEPOINT articledb_batch");
    try {
      move_staged("1");
      db_.exec("RELEASE articledb_batch");
    } catch (const SQLite::Exception& e) {
      db_.exec("ROLLBACK TO articledb_batch");
      db_.exec("RELEASE articledb_batch");
      if (!is_per_article_error(e)) throw;
      refused = move_one_by_one();
    }
    if (stats_ != nullptr && stats_->active()) {
      // The ranking statistics follow: removed versions (as the index held them) out, the
      // written ones in.
      if (!tokenizer_) tokenizer_ = std::make_unique<search::Tokenizer>();
      SQLite::Statement removed(db_,
                                "SELECT id, title, excerpt, body, topics, provider "
                                "FROM temp.articledb_unindex ORDER BY id");
      while (removed.executeStep()) {
        search::IndexedColumns columns;
        for (int i = 0; i < 5; ++i) {
          const SQLite::Column value = removed.getColumn(i + 1);
          columns[static_cast<std::size_t>(i)] =
              value.isNull() ? std::string_view()
                             : std::string_view(static_cast<const char*>(value.getBlob()),
                                                static_cast<std::size_t>(value.getBytes()));
        }
        stats_->remove(removed.getColumn(0).getInt64(),
                       search::article_terms(*tokenizer_, columns));
      }
      SQLite::Statement written(db_, "SELECT id FROM temp.articledb_articles ORDER BY id");
      while (written.executeStep()) {
        const std::int64_t id = written.getColumn(0).getInt64();
        auto it = staged_terms_.find(id);
        if (it != staged_terms_.end()) stats_->add(id, it->second);
      }
      stats_->flush();
    }
    // The full-text index: old versions out, then the new ones in, in rowid order.
    db_.exec(
        "INSERT INTO articles_fts(articles_fts, rowid, title, excerpt, body, topics, provider) "
        "SELECT 'delete', id, title, excerpt, body, topics, provider "
        "FROM temp.articledb_unindex ORDER BY id");
    db_.exec(
        "INSERT INTO articles_fts(rowid, title, excerpt, body, topics, provider) "
        "SELECT a.id, a.title, a.excerpt, a.body_text, a.topics_text, a.provider_name "
        "FROM temp.articledb_articles AS n CROSS JOIN articles AS a ON a.id = n.id "
        "ORDER BY n.id");  // CROSS JOIN: look the few up, never scan the articles
  }
  // Topics and providers this session made or left without a user.
  db_.exec(
      "DELETE FROM topics WHERE id IN (SELECT id FROM temp.articledb_orphan_topics) "
      "AND NOT EXISTS (SELECT 1 FROM article_topics WHERE topic_id = topics.id)");
  int deleted = db_.getChanges();
  db_.exec(
      "DELETE FROM providers WHERE id IN (SELECT id FROM temp.articledb_orphan_providers) "
      "AND NOT EXISTS (SELECT 1 FROM articles WHERE provider_id = providers.id) "
      "AND NOT EXISTS (SELECT 1 FROM related WHERE provider_id = providers.id)");
  deleted += db_.getChanges();
  db_.exec(R"sql(
    DELETE FROM temp.articledb_articles; DELETE FROM temp.articledb_topic_links;
    DELETE FROM temp.articledb_images; DELETE FROM temp.articledb_related;
    DELETE FROM temp.articledb_removals; DELETE FROM temp.articledb_unindex;
    DELETE FROM temp.articledb_orphan_topics; DELETE FROM temp.articledb_orphan_providers;
    DELETE FROM import_session)sql");
  if (deleted > 0) forget_cached_ids();
  staged_ = 0;
  staged_articles_ = 0;
  staged_terms_.clear();
  return refused;
}

std::int64_t ArticleWriter::next_article_id() {
  if (!next_id_) {
    // AUTOINCREMENT semantics: never reuse the id of a deleted article.
    next_id_ = db_.execAndGet(
                      "SELECT max(coalesce((SELECT seq FROM sqlite_sequence "
                      "WHERE name = 'articles'), 0), coalesce((SELECT max(id) FROM articles), 0))")
                   .getInt64() +
               1;
  }
  return (*next_id_)++;
}

const ArticleWriter::TopicRow& ArticleWriter::topic(const Topic& topic, const std::string& key) {
  if (auto it = topics_.find(key); it != topics_.end()) return it->second;
  TopicRow row{0, topic.name};
  find_topic_.reset();
  find_topic_.bindNoCopy(1, key);
  if (find_topic_.executeStep()) {
    row = {find_topic_.getColumn(0).getInt64(), find_topic_.getColumn(1).getString()};
  } else {
    insert_topic_.reset();
    insert_topic_.bindNoCopy(1, topic.name);
    insert_topic_.bindNoCopy(2, key);
    insert_topic_.bindNoCopy(3, topic.slug);
    insert_topic_.exec();
    row.id = db_.getLastInsertRowid();
    note_topic_.reset();  // unused if its article is refused: cleaned at the session's end
    note_topic_.bind(1, static_cast<std::int64_t>(row.id));
    note_topic_.exec();
  }
  find_topic_.reset();
  return topics_.emplace(key, std::move(row)).first->second;
}

std::optional<std::int64_t> ArticleWriter::layout(const std::string& keys) {
  if (keys == "{}") return std::nullopt;  // nothing to keep
  if (auto it = layouts_.find(keys); it != layouts_.end()) return it->second;
  std::int64_t id;
  find_layout_.reset();
  find_layout_.bindNoCopy(1, keys);
  if (find_layout_.executeStep()) {
    id = find_layout_.getColumn(0).getInt64();
  } else {
    // Kept once each, and kept: a layout a refused article added costs a row.
    insert_layout_.reset();
    insert_layout_.bindNoCopy(1, keys);
    insert_layout_.exec();
    id = db_.getLastInsertRowid();
  }
  find_layout_.reset();
  layouts_.emplace(keys, id);
  return id;
}

std::int64_t ArticleWriter::provider(const Provider& provider,
                                     const std::optional<std::string>& name_key) {
  if (!platforms_) {
    platforms_.emplace();
    SQLite::Statement all(db_, "SELECT domain FROM platforms");
    while (all.executeStep()) platforms_->insert(all.getColumn(0).getString());
  }
  // On a platform that hosts many publishers, a provider is the platform and a name.
  const bool on_platform = provider.domain && platforms_->count(*provider.domain) > 0;
  const std::string cache_key = on_platform       ? "p:" + *provider.domain + '\n' + *name_key
                                : provider.domain ? "d:" + *provider.domain
                                                  : "n:" + *name_key;
  if (auto it = providers_.find(cache_key); it != providers_.end()) return it->second;
  SQLite::Statement& find = on_platform       ? find_provider_on_platform_
                            : provider.domain ? find_provider_by_domain_
                                              : find_provider_by_name_;
  find.reset();
  if (on_platform) {
    find.bindNoCopy(1, *provider.domain);
    find.bindNoCopy(2, *name_key);
  } else {
    find.bindNoCopy(1, provider.domain ? *provider.domain : *name_key);
  }
  std::int64_t id;
  if (find.executeStep()) {
    id = find.getColumn(0).getInt64();
  } else {
    insert_provider_.reset();
    // store::bind() binds without a copy: never a temporary here.
    static const std::optional<std::string> kNone;
    store::bind(insert_provider_, 1, on_platform ? kNone : provider.domain);
    insert_provider_.bindNoCopy(2, provider.name);
    insert_provider_.bindNoCopy(3, *name_key);
    store::bind(insert_provider_, 4, on_platform ? provider.domain : kNone);
    insert_provider_.exec();
    id = db_.getLastInsertRowid();
    note_provider_.reset();
    note_provider_.bind(1, static_cast<std::int64_t>(id));
    note_provider_.exec();
  }
  find.reset();
  providers_.emplace(cache_key, id);
  return id;
}

void ArticleWriter::stage_image(std::int64_t article_id, const char* role, int position,
                                const Image& image) {
  SQLite::Statement& s = stage_image_;
  s.reset();
  s.bind(1, static_cast<std::int64_t>(article_id));
  s.bindNoCopy(2, role);
  s.bind(3, position);
  store::bind(s, 4, image.url);
  store::bind(s, 5, image.width);
  store::bind(s, 6, image.height);
  store::bind(s, 7, image.title);
  store::bind(s, 8, image.is_cached);
  s.bindNoCopy(9, image.extra_json);
  s.exec();
}

std::int64_t ArticleWriter::insert(const record::ParsedArticle& parsed, const Location& location,
                                   const FileFacts& file, std::optional<std::int64_t> id,
                                   const std::string& imported_at, search::ArticleTerms terms) {
  const Article& a = parsed.article;
  const std::int64_t article_id = id ? *id : next_article_id();
  ++staged_;
  if (stats_ != nullptr && stats_->active()) staged_terms_[article_id] = std::move(terms);

  std::string topics_text;  // what article_topic_names gives: the article's own spellings
  for (std::size_t i = 0; i < a.topics.size(); ++i) {
    const TopicRow& row = topic(a.topics[i], parsed.topic_keys[i]);
    SQLite::Statement& link = stage_topic_link_;
    link.reset();
    link.bind(1, static_cast<std::int64_t>(article_id));
    link.bind(2, static_cast<int>(i));
    link.bind(3, static_cast<std::int64_t>(row.id));
    if (row.name != a.topics[i].name) {
      link.bindNoCopy(4, a.topics[i].name);
    } else {
      link.bind(4);
    }
    link.exec();
    if (i > 0) topics_text += "; ";
    topics_text += a.topics[i].name;
  }

  std::optional<std::int64_t> provider_id;
  if (a.provider) provider_id = provider(*a.provider, parsed.provider_name_key);

  const std::optional<std::int64_t> layout_id = layout(a.layout_json);
  const std::optional<std::string> published_at = time_text(a.published_at);
  SQLite::Statement& s = stage_article_;
  s.reset();
  s.bind(1, static_cast<std::int64_t>(article_id));
  s.bind(2, static_cast<std::int64_t>(location.root_id));
  s.bindNoCopy(3, location.path);
  store::bind(s, 4, location.collection);
  s.bind(5, static_cast<std::int64_t>(file.size));
  s.bind(6, static_cast<std::int64_t>(file.mtime_ns));
  s.bindNoCopy(7, file.content_hash);
  s.bind(8, file.verified ? 1 : 0);
  s.bindNoCopy(9, imported_at);
  store::bind(s, 10, a.category);
  s.bindNoCopy(11, a.title);
  store::bind(s, 12, a.excerpt);
  store::bind(s, 13, published_at);
  store::bind(s, 14, a.original_url);
  store::bind(s, 15, a.web_url);
  store::bind(s, 16, a.amp_web_url);
  store::bind(s, 17, a.cdn_amp_web_url);
  store::bind(s, 18, parsed.canonical_url);
  store::bind(s, 19, a.type);
  store::bind(s, 20, a.quality);
  store::bind(s, 21, a.heat);
  store::bind(s, 22, a.published);
  store::bind(s, 23, a.removed);
  store::bind(s, 24, provider_id);
  if (a.provider) {
    s.bindNoCopy(25, a.provider->name);
  } else {
    s.bind(25);
  }
  store::bind(s, 26, a.secured);
  store::bind(s, 27, a.body);
  if (a.body_format) {
    s.bindNoCopy(28, format_name(*a.body_format));
  } else {
    s.bind(28);
  }
  store::bind(s, 29, parsed.body_text);
  s.bindNoCopy(30, a.extra_json);
  s.bindNoCopy(31, a.repaired_json);
  if (a.topics.empty()) {
    s.bind(32);
  } else {
    s.bindNoCopy(32, topics_text);
  }
  store::bind(s, 33, layout_id);
  s.bind(34, static_cast<std::int64_t>(++staged_articles_));
  s.exec();

  for (std::size_t i = 0; i < a.images.size(); ++i) {
    stage_image(article_id, "article", static_cast<int>(i), a.images[i]);
  }
  if (a.provider) {
    for (std::size_t i = 0; i < a.provider->images.size(); ++i) {
      stage_image(article_id, "provider", static_cast<int>(i), a.provider->images[i]);
    }
  }
  for (std::size_t i = 0; i < a.related.size(); ++i) {
    const Related& r = a.related[i];
    const record::RelatedKeys& keys = parsed.related_keys[i];
    std::optional<std::int64_t> related_provider;
    if (r.provider) related_provider = provider(*r.provider, keys.provider_name_key);
    const std::optional<std::string> related_time = time_text(r.published_at);
    SQLite::Statement& q = stage_related_;
    q.reset();
    q.bind(1, static_cast<std::int64_t>(article_id));
    q.bind(2, static_cast<int>(i));
    store::bind(q, 3, r.title);
    store::bind(q, 4, r.excerpt);
    store::bind(q, 5, related_time);
    store::bind(q, 6, r.web_url);
    store::bind(q, 7, r.amp_web_url);
    store::bind(q, 8, r.cdn_amp_web_url);
    store::bind(q, 9, keys.canonical_url);
    store::bind(q, 10, r.type);
    store::bind(q, 11, r.quality);
    store::bind(q, 12, related_provider);
    if (r.provider) {
      q.bindNoCopy(13, r.provider->name);
    } else {
      q.bind(13);
    }
    q.bindNoCopy(14, r.extra_json);
    if (r.provider && !r.provider->images.empty()) {
      q.bind(15, images_json(r.provider->images));
    } else {
      q.bind(15);
    }
    q.exec();
  }
  return article_id;
}

void ArticleWriter::remove(std::int64_t id) {
  ++staged_;
  stage_remove_.reset();
  stage_remove_.bind(1, static_cast<std::int64_t>(id));
  stage_remove_.exec();
}

void ArticleWriter::update_file(std::int64_t id, const FileFacts& file) {
  update_file_.reset();
  update_file_.bind(1, static_cast<std::int64_t>(id));
  update_file_.bind(2, static_cast<std::int64_t>(file.size));
  update_file_.bind(3, static_cast<std::int64_t>(file.mtime_ns));
  update_file_.bindNoCopy(4, file.content_hash);
  update_file_.bind(5, file.verified ? 1 : 0);
  update_file_.exec();
}

void ArticleWriter::relocate(std::int64_t id, const Location& location, const FileFacts& file) {
  relocate_.reset();
  relocate_.bind(1, static_cast<std::int64_t>(id));
  relocate_.bind(2, static_cast<std::int64_t>(location.root_id));
  relocate_.bindNoCopy(3, location.path);
  store::bind(relocate_, 4, location.collection);
  relocate_.bind(5, static_cast<std::int64_t>(file.size));
  relocate_.bind(6, static_cast<std::int64_t>(file.mtime_ns));
  relocate_.bindNoCopy(7, file.content_hash);
  relocate_.bind(8, file.verified ? 1 : 0);
  relocate_.exec();
  next_revision_.reset();
  next_revision_.exec();
}

void ArticleWriter::mark_verified(std::int64_t id) {
  mark_verified_.reset();
  mark_verified_.bind(1, static_cast<std::int64_t>(id));
  mark_verified_.exec();
}

void ArticleWriter::delete_orphans() {
  db_.exec(
      "DELETE FROM topics WHERE NOT EXISTS "
      "(SELECT 1 FROM article_topics WHERE topic_id = topics.id)");
  db_.exec(
      "DELETE FROM providers WHERE NOT EXISTS "
      "(SELECT 1 FROM articles WHERE provider_id = providers.id) AND NOT EXISTS "
      "(SELECT 1 FROM related WHERE provider_id = providers.id)");
  forget_cached_ids();
}

void ArticleWriter::forget_cached_ids() {
  topics_.clear();
  providers_.clear();
  layouts_.clear();
  next_id_.reset();
}

}  // namespace articledb::store
