// Value types for the data of an article, as stored and as returned by queries.
#ifndef ARTICLEDB_ARTICLE_H_
#define ARTICLEDB_ARTICLE_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace articledb {

/// Seconds since the Unix epoch, UTC.
using Timestamp = std::chrono::sys_seconds;

/// `time` as stored in the database: "2022-09-13T20:38:00Z".
std::string format_timestamp(Timestamp time);

/// Reads an ISO-8601 / YAML timestamp: "2022-09-13", "2022-09-13T20:38:00Z",
/// "2022-09-13 22:38:00.5 +02:00". A time without an offset is UTC; fractions of a second
/// are dropped. nullopt for anything else, or an impossible date.
std::optional<Timestamp> parse_timestamp(std::string_view text);

/// An image of an article, or a logo of its provider.
struct Image {
  std::optional<std::string> url;  ///< as written; may be relative ("/assets/...")
  std::optional<std::int64_t> width;
  std::optional<std::int64_t> height;
  std::optional<std::string> title;
  std::optional<bool> is_cached;
  std::string extra_json = "{}";  ///< keys of the image entry without a field here

  bool operator==(const Image&) const = default;
};

/// Who published an article. Providers are shared between articles with the same domain.
struct Provider {
  std::optional<std::int64_t> id;     ///< set when read from a database
  std::string name;                   ///< as written in the article
  std::optional<std::string> domain;  ///< normalised: lower case, without "www."
  std::vector<Image> images;          ///< logos, as listed by the article

  bool operator==(const Provider&) const = default;
};

/// A topic of an article.
struct Topic {
  std::optional<std::int64_t> id;  ///< set when read from a database
  std::string name;                ///< as written in the article
  std::string slug;                ///< stable ASCII form, e.g. "facebook-ai"

  bool operator==(const Topic&) const = default;
};

/// An entry of an article's `related` list.
struct Related {
  std::optional<std::string> title;
  std::optional<std::string> excerpt;
  std::optional<Timestamp> published_at;
  std::optional<std::string> web_url;
  std::optional<std::string> amp_web_url;
  std::optional<std::string> cdn_amp_web_url;
  std::optional<std::string> type;
  std::optional<std::int64_t> quality;
  std::optional<Provider> provider;
  std::optional<std::int64_t> article_id;  ///< the article it points to, when the database has it
  std::string extra_json = "{}";

  bool operator==(const Related&) const = default;
};

/// Format of the text after the front matter.
enum class BodyFormat { kHtml, kMarkdown, kText };

/// One article file.
struct Article {
  std::optional<std::int64_t> id;         ///< set when read from a database
  std::string path;                       ///< relative to its import root, '/'-separated
  std::optional<std::string> collection;  ///< "_news/x.md" gives "news"

  std::string title;  ///< `title`, or `name` for profiles and communities
  std::optional<std::string> excerpt;
  std::optional<std::string> category;
  std::optional<std::string> type;
  std::optional<Timestamp> published_at;
  std::optional<std::string> original_url;
  std::optional<std::string> web_url;
  std::optional<std::string> amp_web_url;
  std::optional<std::string> cdn_amp_web_url;
  std::optional<std::int64_t> quality;
  std::optional<std::int64_t> heat;
  std::optional<bool> published;
  std::optional<bool> removed;
  std::optional<std::string> secured;
  std::optional<Provider> provider;
  std::vector<Topic> topics;  ///< in the order of the file
  std::vector<Image> images;
  std::vector<Related> related;

  std::optional<std::string> body;  ///< text after the front matter, as written
  std::optional<BodyFormat> body_format;

  /// Front-matter keys without a field here, with their values, as a JSON object.
  std::string extra_json = "{}";
  /// Values as written for fields that were repaired, keyed by their path ("related[0].title").
  std::string repaired_json = "{}";
  /// The keys of the front matter's mappings in the file's order, by path ("" for the top
  /// level, "provider", "images[0]", "related[1].provider"), as a JSON object.
  std::string layout_json = "{}";

  bool operator==(const Article&) const = default;
};

/// The article as one line of JSON, every field with its child rows, `extra` and `repaired`
/// (absent values are null; with `with_body`, `body_format` and `body` too): the form of
/// `articledb show --json` and of each line of `articledb export`.
std::string to_json(const Article& article, bool with_body = false);

/// The article written back as a file: its fields as front matter (in articledb's key order,
/// each value as the file wrote it where articledb repaired it, the `extra` keys after the
/// fields) and its body as stored. Imported again, it gives the same fields, `extra`,
/// `repaired` and body.
std::string to_front_matter(const Article& article);

}  // namespace articledb

#endif  // ARTICLEDB_ARTICLE_H_
