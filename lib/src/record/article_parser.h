// From the bytes of an article file to a normalised article record.
#ifndef ARTICLEDB_RECORD_ARTICLE_PARSER_H_
#define ARTICLEDB_RECORD_ARTICLE_PARSER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "articledb/article.h"
#include "articledb/importer.h"
#include "normalize/text.h"

namespace articledb::record {

/// Import-only facts about a related entry, parallel to Article::related.
struct RelatedKeys {
  std::optional<std::string> canonical_url;
  std::optional<std::string> provider_name_key;
};

/// An article as parsed from its file, with the keys the store needs to link it.
/// `article.path`, `collection` and `id` are left for the caller.
struct ParsedArticle {
  Article article;
  std::vector<std::string> topic_keys;  ///< parallel to article.topics
  std::optional<std::string> provider_name_key;
  std::optional<std::string> canonical_url;
  std::vector<RelatedKeys> related_keys;
  std::optional<std::string> body_text;
};

struct ParseResult {
  enum class Outcome { kArticle, kSkipped, kFailed };
  Outcome outcome = Outcome::kFailed;
  ParsedArticle parsed;           ///< meaningful for kArticle
  std::vector<Problem> problems;  ///< warnings; for kSkipped/kFailed the reason comes first
};

/// Body format of an article file, from its extension in any case: .html/.htm, .md/.markdown,
/// .txt. nullopt for any other name: the file is not an article file.
std::optional<BodyFormat> body_format_for(std::string_view path);

/// Parses a whole article file. `path` names the file in problems. Never throws for bad
/// input: every problem becomes a Problem with a 1-based line and column where it has one.
ParseResult parse_article(std::string_view content, std::string_view path, BodyFormat format,
                          normalize::TextNormalizer& text);

}  // namespace articledb::record

#endif  // ARTICLEDB_RECORD_ARTICLE_PARSER_H_
