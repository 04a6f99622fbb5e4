#include "query/article_reader.h"

#include "store/image_json.h"
#include "store/sqlite.h"

namespace articledb::query {
namespace {

using store::optional_int;
using store::optional_text;

std::optional<bool> optional_bool(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt() != 0;
}

std::optional<Timestamp> optional_time(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return parse_timestamp(column.getString());
}

std::optional<BodyFormat> body_format(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  const std::string name = column.getString();
  if (name == "html") return BodyFormat::kHtml;
  if (name == "markdown") return BodyFormat::kMarkdown;
  return BodyFormat::kText;
}

Image read_image(SQLite::Statement& q, int first) {
  Image image;
  image.url = optional_text(q.getColumn(first));
  image.width = optional_int(q.getColumn(first + 1));
  image.height = optional_int(q.getColumn(first + 2));
  image.title = optional_text(q.getColumn(first + 3));
  image.is_cached = optional_bool(q.getColumn(first + 4));
  image.extra_json = q.getColumn(first + 5).getString();
  return image;
}

// A provider from three columns: id, name (NULL: no provider), domain.
std::optional<Provider> read_provider(SQLite::Statement& q, int first) {
  if (q.getColumn(first + 1).isNull()) return std::nullopt;
  Provider provider;
  provider.id = optional_int(q.getColumn(first));
  provider.name = q.getColumn(first + 1).getString();
  provider.domain = optional_text(q.getColumn(first + 2));
  return provider;
}

}  // namespace

std::optional<Article> read_article(Database::Impl& db, std::int64_t id, bool with_body) {
  SQLite::Statement& q = db.statement(R"sql(
    SELECT a.id, a.path, a.collection, a.title, a.excerpt, a.category, a.type, a.published_at,
           a.original_url, a.web_url, a.amp_web_url, a.cdn_amp_web_url, a.quality, a.heat,
           a.published, a.removed, a.secured, a.provider_id, a.provider_name, coalesce(p.domain, p.platform),
           CASE WHEN ?2 THEN a.body END, a.body_format, a.extra, a.repaired,
           (SELECT keys FROM layouts WHERE id = a.layout_id)
      FROM articles AS a LEFT JOIN providers AS p ON p.id = a.provider_id
     WHERE a.id = ?1)sql");
  q.bind(1, id);
  q.bind(2, with_body ? 1 : 0);
  if (!q.executeStep()) return std::nullopt;
  Article a;
  a.id = q.getColumn(0).getInt64();
  a.path = q.getColumn(1).getString();
  a.collection = optional_text(q.getColumn(2));
  a.title = q.getColumn(3).getString();
  a.excerpt = optional_text(q.getColumn(4));
  a.category = optional_text(q.getColumn(5));
  a.type = optional_text(q.getColumn(6));
  a.published_at = optional_time(q.getColumn(7));
  a.original_url = optional_text(q.getColumn(8));
  a.web_url = optional_text(q.getColumn(9));
  a.amp_web_url = optional_text(q.getColumn(10));
  a.cdn_amp_web_url = optional_text(q.getColumn(11));
  a.quality = optional_int(q.getColumn(12));
  a.heat = optional_int(q.getColumn(13));
  a.published = optional_bool(q.getColumn(14));
  a.removed = optional_bool(q.getColumn(15));
  a.secured = optional_text(q.getColumn(16));
  a.provider = read_provider(q, 17);
  a.body = optional_text(q.getColumn(20));
  if (a.body) a.body_format = body_format(q.getColumn(21));
  a.extra_json = q.getColumn(22).getString();
  a.repaired_json = q.getColumn(23).getString();
  a.layout_json = q.getColumn(24).isNull() ? "{}" : q.getColumn(24).getString();
  q.reset();

  SQLite::Statement& topics = db.statement(
      "SELECT t.id, coalesce(l.label, t.name), t.slug FROM article_topics AS l "
      "JOIN topics AS t ON t.id = l.topic_id WHERE l.article_id = ?1 ORDER BY l.position");
  topics.bind(1, id);
  while (topics.executeStep()) {
    a.topics.push_back({topics.getColumn(0).getInt64(), topics.getColumn(1).getString(),
                        topics.getColumn(2).getString()});
  }

  SQLite::Statement& images = db.statement(
      "SELECT role, url, width, height, title, is_cached, extra FROM images "
      "WHERE article_id = ?1 ORDER BY role, position");
  images.bind(1, id);
  while (images.executeStep()) {
    Image image = read_image(images, 1);
    if (images.getColumn(0).getString() == "provider") {
      if (a.provider) a.provider->images.push_back(std::move(image));
    } else {
      a.images.push_back(std::move(image));
    }
  }

  SQLite::Statement& related = db.statement(R"sql(
    SELECT r.title, r.excerpt, r.published_at, r.web_url, r.amp_web_url, r.cdn_amp_web_url,
           r.type, r.quality, r.provider_id, r.provider_name, coalesce(p.domain, p.platform), r.extra,
           (SELECT min(x.id) FROM articles AS x WHERE x.canonical_url = r.canonical_url),
           r.provider_images
      FROM related AS r LEFT JOIN providers AS p ON p.id = r.provider_id
     WHERE r.article_id = ?1 ORDER BY r.position)sql");
  related.bind(1, id);
  while (related.executeStep()) {
    Related r;
    r.title = optional_text(related.getColumn(0));
    r.excerpt = optional_text(related.getColumn(1));
    r.published_at = optional_time(related.getColumn(2));
    r.web_url = optional_text(related.getColumn(3));
    r.amp_web_url = optional_text(related.getColumn(4));
    r.cdn_amp_web_url = optional_text(related.getColumn(5));
    r.type = optional_text(related.getColumn(6));
    r.quality = optional_int(related.getColumn(7));
    r.provider = read_provider(related, 8);
    r.extra_json = related.getColumn(11).getString();
    r.article_id = optional_int(related.getColumn(12));
    if (r.provider && !related.getColumn(13).isNull()) {
      r.provider->images = store::images_from_json(related.getColumn(13).getString());
    }
    a.related.push_back(std::move(r));
  }
  return a;
}

}  // namespace articledb::query
