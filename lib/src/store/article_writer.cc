#include "store/article_writer.h"

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

// The session's bookkeeping, on the connection's own temporary schema: articles written
// (to index) and articles removed, with the values the index holds for them (to unindex).
SQLite::Database& with_session_tables(SQLite::Database& db) {
  db.exec(
      "CREATE TEMP TABLE IF NOT EXISTS articledb_index_add(id INTEGER PRIMARY KEY);"
      "CREATE TEMP TABLE IF NOT EXISTS articledb_index_remove(id INTEGER PRIMARY KEY, title, "
      "excerpt, body, topics, provider)");
  return db;
}

}  // namespace

ArticleWriter::ArticleWriter(SQLite::Database& db)
    : db_(with_session_tables(db)),
      insert_article_(db, R"sql(
        INSERT INTO articles(
          id, root_id, path, collection, file_size, file_mtime_ns, content_hash, stat_verified,
          imported_at, category, title, excerpt, published_at, original_url, web_url,
          amp_web_url, cdn_amp_web_url, canonical_url, type, quality, heat, published, removed,
          provider_id, provider_name, secured, body, body_format, body_text, extra, repaired,
          topics_text)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32))sql"),
      insert_topic_link_(db,
                         "INSERT INTO article_topics(article_id, position, topic_id, label) "
                         "VALUES (?1, ?2, ?3, ?4)"),
      find_topic_(db, "SELECT id, name FROM topics WHERE key = ?1"),
      insert_topic_(db, "INSERT INTO topics(name, key, slug) VALUES (?1, ?2, ?3)"),
      find_provider_by_domain_(db, "SELECT id FROM providers WHERE domain = ?1"),
      find_provider_by_name_(db, "SELECT id FROM providers WHERE name_key = ?1 AND domain IS NULL"),
      insert_provider_(db, "INSERT INTO providers(domain, name, name_key) VALUES (?1, ?2, ?3)"),
      insert_image_(db,
                    "INSERT INTO images(article_id, role, position, url, width, height, title, "
                    "is_cached, extra) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
      insert_related_(db, R"sql(
        INSERT INTO related(
          article_id, position, title, excerpt, published_at, web_url, amp_web_url,
          cdn_amp_web_url, canonical_url, type, quality, provider_id, provider_name, extra)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14))sql"),
      delete_article_(db, "DELETE FROM articles WHERE id = ?1"),
      update_file_(db,
                   "UPDATE articles SET file_size = ?2, file_mtime_ns = ?3, content_hash = ?4, "
                   "stat_verified = ?5 WHERE id = ?1"),
      relocate_(db,
                "UPDATE articles SET root_id = ?2, path = ?3, collection = ?4, file_size = ?5, "
                "file_mtime_ns = ?6, content_hash = ?7, stat_verified = ?8 WHERE id = ?1"),
      mark_verified_(db, "UPDATE articles SET stat_verified = 1 WHERE id = ?1"),
      index_add_(db, "INSERT OR IGNORE INTO temp.articledb_index_add(id) VALUES (?1)"),
      index_remove_(db,
                    "INSERT OR IGNORE INTO temp.articledb_index_remove "
                    "SELECT id, title, excerpt, body_text, topics_text, provider_name "
                    "FROM articles WHERE id = ?1"),
      unindex_added_(db, "DELETE FROM temp.articledb_index_add WHERE id = ?1") {}

void ArticleWriter::begin_session() { db_.exec("INSERT INTO import_session(id) VALUES (1)"); }

void ArticleWriter::end_session() {
  // Old versions out first: an article replaced in this session is in both tables.
  db_.exec(
      "INSERT INTO articles_fts(articles_fts, rowid, title, excerpt, body, topics, provider) "
      "SELECT 'delete', id, title, excerpt, body, topics, provider "
      "FROM temp.articledb_index_remove ORDER BY id");
  db_.exec(
      "INSERT INTO articles_fts(rowid, title, excerpt, body, topics, provider) "
      "SELECT a.id, a.title, a.excerpt, a.body_text, a.topics_text, a.provider_name "
      "FROM temp.articledb_index_add AS n JOIN articles AS a ON a.id = n.id ORDER BY a.id");
  db_.exec(
      "DELETE FROM temp.articledb_index_remove; DELETE FROM temp.articledb_index_add; "
      "DELETE FROM import_session");
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
  }
  find_topic_.reset();
  return topics_.emplace(key, std::move(row)).first->second;
}

std::int64_t ArticleWriter::provider(const Provider& provider,
                                     const std::optional<std::string>& name_key) {
  const std::string cache_key = provider.domain ? "d:" + *provider.domain : "n:" + *name_key;
  if (auto it = providers_.find(cache_key); it != providers_.end()) return it->second;
  SQLite::Statement& find = provider.domain ? find_provider_by_domain_ : find_provider_by_name_;
  find.reset();
  find.bindNoCopy(1, provider.domain ? *provider.domain : *name_key);
  std::int64_t id;
  if (find.executeStep()) {
    id = find.getColumn(0).getInt64();
  } else {
    insert_provider_.reset();
    bind(insert_provider_, 1, provider.domain);
    insert_provider_.bindNoCopy(2, provider.name);
    insert_provider_.bindNoCopy(3, *name_key);
    insert_provider_.exec();
    id = db_.getLastInsertRowid();
  }
  find.reset();
  providers_.emplace(cache_key, id);
  return id;
}

void ArticleWriter::insert_image(std::int64_t article_id, const char* role, int position,
                                 const Image& image) {
  SQLite::Statement& s = insert_image_;
  s.reset();
  s.bind(1, static_cast<std::int64_t>(article_id));
  s.bindNoCopy(2, role);
  s.bind(3, position);
  bind(s, 4, image.url);
  bind(s, 5, image.width);
  bind(s, 6, image.height);
  bind(s, 7, image.title);
  bind(s, 8, image.is_cached);
  s.bindNoCopy(9, image.extra_json);
  s.exec();
}

std::int64_t ArticleWriter::insert(const record::ParsedArticle& parsed, const Location& location,
                                   const FileFacts& file, std::optional<std::int64_t> id,
                                   const std::string& imported_at) {
  const Article& a = parsed.article;
  const std::int64_t article_id = id ? *id : next_article_id();

  // Topic links first, while the article row does not exist: their triggers then have no
  // topics_text to update (the row comes with it), and the link's foreign key is checked at
  // commit.
  for (std::size_t i = 0; i < a.topics.size(); ++i) {
    const TopicRow& row = topic(a.topics[i], parsed.topic_keys[i]);
    insert_topic_link_.reset();
    insert_topic_link_.bind(1, static_cast<std::int64_t>(article_id));
    insert_topic_link_.bind(2, static_cast<int>(i));
    insert_topic_link_.bind(3, static_cast<std::int64_t>(row.id));
    if (row.name != a.topics[i].name) {
      insert_topic_link_.bindNoCopy(4, a.topics[i].name);
    } else {
      insert_topic_link_.bind(4);
    }
    insert_topic_link_.exec();
  }

  std::optional<std::int64_t> provider_id;
  if (a.provider) provider_id = provider(*a.provider, parsed.provider_name_key);

  const std::optional<std::string> published_at = time_text(a.published_at);
  SQLite::Statement& s = insert_article_;
  s.reset();
  s.bind(1, static_cast<std::int64_t>(article_id));
  s.bind(2, static_cast<std::int64_t>(location.root_id));
  s.bindNoCopy(3, location.path);
  bind(s, 4, location.collection);
  s.bind(5, static_cast<std::int64_t>(file.size));
  s.bind(6, static_cast<std::int64_t>(file.mtime_ns));
  s.bindNoCopy(7, file.content_hash);
  s.bind(8, file.verified ? 1 : 0);
  s.bindNoCopy(9, imported_at);
  bind(s, 10, a.category);
  s.bindNoCopy(11, a.title);
  bind(s, 12, a.excerpt);
  bind(s, 13, published_at);
  bind(s, 14, a.original_url);
  bind(s, 15, a.web_url);
  bind(s, 16, a.amp_web_url);
  bind(s, 17, a.cdn_amp_web_url);
  bind(s, 18, parsed.canonical_url);
  bind(s, 19, a.type);
  bind(s, 20, a.quality);
  bind(s, 21, a.heat);
  bind(s, 22, a.published);
  bind(s, 23, a.removed);
  bind(s, 24, provider_id);
  if (a.provider) {
    s.bindNoCopy(25, a.provider->name);
  } else {
    s.bind(25);
  }
  bind(s, 26, a.secured);
  bind(s, 27, a.body);
  if (a.body_format) {
    s.bindNoCopy(28, format_name(*a.body_format));
  } else {
    s.bind(28);
  }
  bind(s, 29, parsed.body_text);
  s.bindNoCopy(30, a.extra_json);
  s.bindNoCopy(31, a.repaired_json);
  // What article_topic_names gives: the article's own spelling of each topic, in order.
  std::string topics_text;
  for (const Topic& topic : a.topics) {
    if (!topics_text.empty()) topics_text += "; ";
    topics_text += topic.name;
  }
  if (a.topics.empty()) {
    s.bind(32);
  } else {
    s.bindNoCopy(32, topics_text);
  }
  s.exec();

  for (std::size_t i = 0; i < a.images.size(); ++i) {
    insert_image(article_id, "article", static_cast<int>(i), a.images[i]);
  }
  if (a.provider) {
    for (std::size_t i = 0; i < a.provider->images.size(); ++i) {
      insert_image(article_id, "provider", static_cast<int>(i), a.provider->images[i]);
    }
  }
  for (std::size_t i = 0; i < a.related.size(); ++i) {
    const Related& r = a.related[i];
    const record::RelatedKeys& keys = parsed.related_keys[i];
    std::optional<std::int64_t> related_provider;
    if (r.provider) related_provider = provider(*r.provider, keys.provider_name_key);
    const std::optional<std::string> related_time = time_text(r.published_at);
    SQLite::Statement& q = insert_related_;
    q.reset();
    q.bind(1, static_cast<std::int64_t>(article_id));
    q.bind(2, static_cast<int>(i));
    bind(q, 3, r.title);
    bind(q, 4, r.excerpt);
    bind(q, 5, related_time);
    bind(q, 6, r.web_url);
    bind(q, 7, r.amp_web_url);
    bind(q, 8, r.cdn_amp_web_url);
    bind(q, 9, keys.canonical_url);
    bind(q, 10, r.type);
    bind(q, 11, r.quality);
    bind(q, 12, related_provider);
    if (r.provider) {
      q.bindNoCopy(13, r.provider->name);
    } else {
      q.bind(13);
    }
    q.bindNoCopy(14, r.extra_json);
    q.exec();
  }
  index_add_.reset();
  index_add_.bind(1, static_cast<std::int64_t>(article_id));
  index_add_.exec();
  return article_id;
}

void ArticleWriter::remove(std::int64_t id) {
  // The version the index holds: written before this session (one written in it is only
  // in articledb_index_add, which forgets it).
  unindex_added_.reset();
  unindex_added_.bind(1, static_cast<std::int64_t>(id));
  unindex_added_.exec();
  if (db_.getChanges() == 0) {
    index_remove_.reset();
    index_remove_.bind(1, static_cast<std::int64_t>(id));
    index_remove_.exec();
  }
  delete_article_.reset();
  delete_article_.bind(1, static_cast<std::int64_t>(id));
  delete_article_.exec();
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
  bind(relocate_, 4, location.collection);
  relocate_.bind(5, static_cast<std::int64_t>(file.size));
  relocate_.bind(6, static_cast<std::int64_t>(file.mtime_ns));
  relocate_.bindNoCopy(7, file.content_hash);
  relocate_.bind(8, file.verified ? 1 : 0);
  relocate_.exec();
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
  next_id_.reset();
}

}  // namespace articledb::store
