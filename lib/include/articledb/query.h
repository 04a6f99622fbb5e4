// Options and results of Database's queries: listing, full-text search, catalogues.
#ifndef ARTICLEDB_QUERY_H_
#define ARTICLEDB_QUERY_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "articledb/article.h"

namespace articledb {

/// Which articles a listing or a search returns. Every field that is set must hold;
/// empty fields do not filter.
struct Filter {
  /// Topic names or slugs ("Machine Learning", "machine-learning"), matched case-insensitively.
  std::vector<std::string> topics;
  /// false: an article needs any of `topics`; true: all of them. Default: false.
  bool all_topics = false;
  /// Provider domains ("zdnet.com"), names ("The Hindu") or one word of a name ("hindu");
  /// an article needs any of them.
  std::vector<std::string> providers;
  std::optional<std::string> collection;  ///< e.g. "news"
  std::optional<std::string> category;
  std::optional<std::string> type;
  std::optional<bool> published;
  std::optional<bool> removed;
  std::optional<Timestamp> published_since;   ///< inclusive
  std::optional<Timestamp> published_before;  ///< exclusive
  std::optional<std::int64_t> min_quality;
  std::optional<std::int64_t> min_heat;
};

enum class Sort {
  kRelevance,  ///< best bm25() score first (search only; a listing uses kNewest)
  kNewest,     ///< latest published_at first; articles without one come last
  kOldest,
  kQuality,  ///< highest quality first; articles without one come last
  kHeat,
};

/// Bounds on one search or listing, so that text from a stranger cannot hold a core or the
/// memory for long. No everyday query comes near them.
struct QueryLimits {
  /// Bytes of query text read. Plain text beyond it is left out (with a warning); a longer
  /// raw query is refused. Default: 4096.
  std::size_t max_query_bytes = 4096;
  /// Words and phrases of a plain query, OR-ed ones included; the rest are left out, with a
  /// warning. Default: 64.
  std::size_t max_terms = 64;
  /// Prefix words (`embed*`) of a plain query, each of which may expand to many terms; the
  /// rest are searched as whole words, with a warning. Default: 8.
  std::size_t max_prefix_terms = 8;
  /// Topic and provider values, from the Filter and from `topic:`/`provider:` in the text
  /// together; more are refused. Default: 64.
  std::size_t max_filters = 64;
  /// Time one call may run before it stops with ErrorCode::kQueryTooComplex; zero for no
  /// limit. Default: 1 second.
  std::chrono::milliseconds max_time{1000};
};

/// Largest page a query returns.
inline constexpr std::size_t kMaxPageSize = 1000;

struct ListOptions {
  Filter filter;
  Sort sort = Sort::kNewest;  ///< Default: newest first.
  std::size_t limit = 20;     ///< Articles per page, 1..kMaxPageSize. Default: 20.
  /// `next` of the previous page; empty for the first page. Default: empty.
  std::string after;
  bool with_body = false;  ///< Fill Article::body. Default: false.
};

/// A page of articles. Pages are keyset-paginated: following `next` visits every matching
/// article exactly once, also while an import adds articles (new ones appear in a page
/// only if they sort after the cursor).
struct ArticlePage {
  std::vector<Article> articles;
  std::string next;  ///< cursor of the following page; empty on the last page
};

/// One entry of the change feed: an article written (added, replaced, moved, edited) or
/// deleted, at a revision. Revisions only grow; an article changed several times since a
/// revision is listed once, at its latest.
struct Change {
  enum class Kind { kChanged, kDeleted };
  std::int64_t revision = 0;
  Kind kind = Kind::kChanged;
  std::int64_t article_id = 0;
  std::string path;  ///< relative to its import root
  std::string root;  ///< the import root's folder ("" if it is gone)
};

/// A page of the change feed, in revision order.
struct ChangePage {
  std::vector<Change> changes;
  /// The latest revision of the database: where a reader that has applied every page
  /// stands.
  std::int64_t current_revision = 0;
  /// More changes follow: ask again with the revision of the last one.
  bool more = false;
};

/// Articles that share a canonical URL: the same story saved more than once.
struct DuplicateGroup {
  std::string canonical_url;
  std::vector<Article> articles;  ///< oldest id first; without body
};

enum class QuerySyntax {
  kPlain,  ///< the search language documented in the README; never a syntax error
  kRaw,    ///< FTS5's own query syntax; a syntax error throws ErrorCode::kQuerySyntax
};

struct SearchOptions {
  Filter filter;
  QuerySyntax syntax = QuerySyntax::kPlain;  ///< Default: plain.
  Sort sort = Sort::kRelevance;              ///< Default: relevance.
  std::size_t limit = 20;                    ///< Hits per page, 1..kMaxPageSize. Default: 20.
  std::string after;                         ///< `next` of the previous page. Default: empty.
  bool facets = false;  ///< Also count matches per topic, provider and month. Default: false.
  std::size_t facet_limit = 20;       ///< Topic and provider facets kept (0: all). Default: 20.
  std::string highlight_open = "[";   ///< Put before a matched word in snippets. Default: "[".
  std::string highlight_close = "]";  ///< Put after it. Default: "]".
  int snippet_words = 16;             ///< Words in a snippet, 1..64. Default: 16.
  bool with_body = false;             ///< Fill Article::body. Default: false.
};

struct SearchHit {
  Article article;
  /// bm25() with the title weighing 10, the excerpt 4, topics and provider 2, the body 1.
  /// Lower is better (SQLite's convention); 0 when the query had no words to rank by.
  double score = 0;
  std::string snippet;  ///< best fragment of the matching column, with highlight marks
};

struct FacetCount {
  std::string value;  ///< topic slug, provider domain (or name), or month "2022-09"
  std::string label;  ///< topic or provider name; the month again
  std::int64_t count = 0;
};

struct Facets {
  /// Counted from a sample of the matches (when they are many) and scaled: `total` is exact
  /// without filters; the other counts, and `total` with filters, are estimates.
  bool estimated = false;
  std::int64_t total = 0;             ///< all matching articles
  std::vector<FacetCount> topics;     ///< most frequent first
  std::vector<FacetCount> providers;  ///< most frequent first
  std::vector<FacetCount> months;     ///< newest first; articles without a time are not counted
};

/// A word of a query that the index does not hold, with indexed words close to it.
struct WordSuggestion {
  std::string word;                      ///< as the index folds it ("pytroch")
  std::vector<std::string> suggestions;  ///< nearest first, then the most used ("pytorch")
};

struct SearchResults {
  std::vector<SearchHit> hits;
  std::string next;              ///< cursor of the following page; empty on the last page
  std::optional<Facets> facets;  ///< when SearchOptions::facets
  /// When nothing matched a plain query: for each of its words that no article holds, the
  /// indexed words nearest to it (within two edits), if any.
  std::vector<WordSuggestion> suggestions;
  /// What of the query was left out to keep within QueryLimits, and why.
  std::vector<std::string> warnings;
};

/// A value of a Filter that names nothing in the database, with the nearest that do.
struct UnknownFilterValue {
  std::string field;                     ///< "topic", "provider" or "collection"
  std::string value;                     ///< as given
  std::vector<std::string> suggestions;  ///< nearest first (at most 3)
};

struct TopicCount {
  Topic topic;
  std::int64_t articles = 0;
};

struct ProviderCount {
  Provider provider;  ///< with the distinct logos its articles list
  std::int64_t articles = 0;
};

}  // namespace articledb

#endif  // ARTICLEDB_QUERY_H_
