// Database's read queries: articles by id, path and URL; listing; search; catalogues.
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <system_error>
#include <unordered_map>

#include "articledb/database.h"
#include "articledb/error.h"
#include "normalize/url.h"
#include "query/article_reader.h"
#include "query/query_parser.h"
#include "query/sample.h"
#include "query/sql_builder.h"
#include "search/fts.h"
#include "search/ranker.h"
#include "search/snippet.h"
#include "store/database_impl.h"
#include "store/sqlite.h"
#include "util/edit_distance.h"

namespace articledb {
namespace {

// bm25() weights of the columns title, excerpt, body, topics, provider.
constexpr const char* kRank = "bm25(articles_fts, 10.0, 4.0, 1.0, 2.0, 2.0)";

// How a sort orders rows: a key expression (over `a`, or the score) and a direction, with
// the article id breaking ties in the same direction.
struct SortSpec {
  char code;        // in cursors
  const char* key;  // SQL expression
  bool descending;
};

SortSpec sort_spec(Sort sort) {
  switch (sort) {
    case Sort::kRelevance:
      return {'r', "score", false};
    case Sort::kNewest:
      return {'n', "coalesce(a.published_at, '')", true};
    case Sort::kOldest:
      return {'o', "coalesce(a.published_at, '')", false};
    case Sort::kQuality:
      return {'q', "coalesce(a.quality, -9223372036854775807)", true};
    case Sort::kHeat:
      return {'h', "coalesce(a.heat, -9223372036854775807)", true};
  }
  return {'n', "coalesce(a.published_at, '')", true};
}

// --- Cursors: the sort, the last key and id, hex-encoded so that they are opaque and safe in
// a shell or a URL.

std::string hex(std::string_view text) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : text) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

struct Cursor {
  query::SqlValue key;
  std::int64_t id = 0;
};

// The value of a sort key column.
query::SqlValue key_of(const SQLite::Column& column) {
  switch (column.getType()) {
    case SQLITE_INTEGER:
      return column.getInt64();
    case SQLITE_FLOAT:
      return column.getDouble();
    default:
      return column.getString();
  }
}

std::string encode_cursor(const SortSpec& spec, const query::SqlValue& key, std::int64_t id) {
  std::string text(1, spec.code);
  if (const auto* real = std::get_if<double>(&key)) {
    char number[40];
    std::snprintf(number, sizeof number, "%a", *real);  // exact
    text += std::string("d") + number;
  } else if (const auto* integer = std::get_if<std::int64_t>(&key)) {
    text += "i" + std::to_string(*integer);
  } else {
    text += "s" + std::get<std::string>(key);
  }
  return hex(text + '\n' + std::to_string(id));
}

[[noreturn]] void bad_cursor() {
  throw Error(ErrorCode::kInvalidArgument,
              "invalid cursor: pass the 'next' value of a page of the same query unchanged");
}

Cursor decode_cursor(const SortSpec& spec, std::string_view encoded) {
  if (encoded.size() % 2 != 0 || encoded.size() < 8) bad_cursor();
  std::string text;
  for (std::size_t i = 0; i < encoded.size(); i += 2) {
    auto digit = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      return -1;
    };
    const int high = digit(encoded[i]);
    const int low = digit(encoded[i + 1]);
    if (high < 0 || low < 0) bad_cursor();
    text.push_back(static_cast<char>(high * 16 + low));
  }
  const std::size_t newline = text.rfind('\n');
  if (text.size() < 3 || text[0] != spec.code || newline == std::string::npos) bad_cursor();
  Cursor cursor;
  const std::string key = text.substr(2, newline - 2);
  try {
    cursor.id = std::stoll(text.substr(newline + 1));
    switch (text[1]) {
      case 'd':
        cursor.key = std::strtod(key.c_str(), nullptr);
        break;
      case 'i':
        cursor.key = static_cast<std::int64_t>(std::stoll(key));
        break;
      case 's':
        cursor.key = key;
        break;
      default:
        bad_cursor();
    }
  } catch (const std::logic_error&) {
    bad_cursor();
  }
  return cursor;
}

// The keyset condition: rows after `cursor` in the order of `spec`. The plain bound on the key
// lets SQLite start from the cursor in the index on the key; the row value breaks ties by id.
void add_keyset(query::Conditions& c, const SortSpec& spec, const std::string& key,
                const std::string& id, const Cursor& cursor) {
  const std::string op = spec.descending ? "<" : ">";
  c.add(key + " " + op + "= ? AND (" + key + ", " + id + ") " + op + " (?, ?)",
        {cursor.key, cursor.key, cursor.id});
}

std::string order_by(const SortSpec& spec, const std::string& key, const std::string& id) {
  const char* direction = spec.descending ? " DESC" : " ASC";
  return " ORDER BY " + key + direction + ", " + id + direction;
}

void check_limit(std::size_t limit) {
  if (limit == 0 || limit > kMaxPageSize) {
    throw Error(ErrorCode::kInvalidArgument, "a page holds 1 to " + std::to_string(kMaxPageSize) +
                                                 " articles, not " + std::to_string(limit));
  }
}

// Most index words a word of a script without spaces is looked for inside.
constexpr std::size_t kMaxInsideWords = 64;

// Chinese, Japanese or Thai text is indexed in runs without spaces, each one token: a word
// of such a script is also looked for inside the runs of the index's vocabulary (the most
// frequent kMaxInsideWords of them), so that "翻訳" finds "人工知能による翻訳".
void find_inside_runs(Database::Impl& impl, query::ParsedQuery& parsed) {
  for (query::Clause& clause : parsed.clauses) {
    const std::size_t written = clause.any.size();
    for (std::size_t t = 0; t < written; ++t) {
      const query::Term term = clause.any[t];
      if (!term.unspaced || term.phrase) continue;
      std::vector<std::string> tokens;
      impl.tokenizer().tokenize(term.text,
                                [&](std::string_view token) { tokens.emplace_back(token); });
      if (tokens.size() != 1) continue;
      SQLite::Statement& q = impl.statement(
          "SELECT term FROM search_terms WHERE instr(term, ?1) > 1 ORDER BY df DESC, term "
          "LIMIT ?2");
      q.bind(1, tokens[0]);
      q.bind(2, static_cast<std::int64_t>(kMaxInsideWords + 1));
      std::size_t found = 0;
      while (q.executeStep()) {
        if (++found > kMaxInsideWords) {
          parsed.notes.push_back("'" + term.text + "' is inside more than " +
                                 std::to_string(kMaxInsideWords) +
                                 " words of the index; the most frequent are searched");
          break;
        }
        query::Term inside;
        inside.text = q.getColumn(0).getString();
        inside.column = term.column;
        clause.any.push_back(std::move(inside));
      }
      q.reset();
    }
  }
}

std::optional<Article> read_or_throw(Database::Impl& impl, std::int64_t id, bool with_body) {
  return store::guarded("cannot read article " + std::to_string(id),
                        [&] { return query::read_article(impl, id, with_body); });
}

// Where the matching articles come from: the full-text index, or the articles table alone.
struct Source {
  std::string from;  // "FROM ... " up to and including the WHERE conditions
  std::vector<query::SqlValue> values;
  bool ranked = false;  // bm25() and snippet() are available
  std::string match;    // the MATCH expression when ranked
};

Source make_source(const query::Conditions& filters, const std::string& match,
                   const std::string& excluded) {
  Source source;
  query::Conditions conditions;
  if (!match.empty()) {
    source.ranked = true;
    source.match = match;
    conditions.add("articles_fts MATCH ?", {match});
  } else if (!excluded.empty()) {
    conditions.add("a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
                   {excluded});
  }
  for (std::size_t i = 0; i < filters.sql.size(); ++i) conditions.sql.push_back(filters.sql[i]);
  for (const auto& value : filters.values) conditions.values.push_back(value);
  source.from = source.ranked ? "FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid"
                              : "FROM articles AS a";
  source.from += conditions.where();
  source.values = std::move(conditions.values);
  return source;
}

std::vector<FacetCount> facet(Database::Impl& impl, const Source& source, const std::string& sql,
                              std::int64_t limit) {
  SQLite::Statement& q =
      impl.statement("WITH hits(id) AS (SELECT a.id " + source.from + ") " + sql);
  const int next = query::bind_values(q, source.values);
  if (sql.find("LIMIT ?") != std::string::npos) q.bind(next, limit);
  std::vector<FacetCount> counts;
  while (q.executeStep()) {
    counts.push_back(
        {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt64()});
  }
  return counts;
}

Facets facets_of(Database::Impl& impl, const Source& source, std::size_t facet_limit) {
  const std::int64_t limit = facet_limit == 0 ? -1 : static_cast<std::int64_t>(facet_limit);
  Facets facets;
  facets.total = facet(impl, source, "SELECT 'total', 'total', count(*) FROM hits", 0).at(0).count;
  facets.topics = facet(impl, source,
                        "SELECT t.slug, t.name, count(*) AS n FROM hits "
                        "JOIN article_topics AS l ON l.article_id = hits.id "
                        "JOIN topics AS t ON t.id = l.topic_id "
                        "GROUP BY t.id ORDER BY n DESC, t.name LIMIT ?",
                        limit);
  facets.providers = facet(impl, source,
                           "SELECT coalesce(p.domain, p.name), p.name, count(*) AS n FROM hits "
                           "JOIN articles AS a ON a.id = hits.id "
                           "JOIN providers AS p ON p.id = a.provider_id "
                           "GROUP BY p.id ORDER BY n DESC, p.name LIMIT ?",
                           limit);
  facets.months = facet(impl, source,
                        "SELECT substr(a.published_at, 1, 7) AS m, substr(a.published_at, 1, 7), "
                        "count(*) FROM hits JOIN articles AS a ON a.id = hits.id "
                        "WHERE a.published_at IS NOT NULL GROUP BY m ORDER BY m DESC",
                        0);
  return facets;
}

bool is_syntax_error(const SQLite::Exception& e) { return e.getErrorCode() == SQLITE_ERROR; }

// A page of hits: article ids with their scores, and the cursor of the next page.
struct Page {
  std::vector<std::pair<std::int64_t, double>> ids;
  std::string next;
  std::vector<std::string> terms;  // the ranked terms, to mark in snippets
};

// A plain query whose matching can be decided from an article's terms: words that must all be
// there and words that must not, each one term of the index.
struct TermQuery {
  std::vector<std::string> required;
  std::vector<std::string> excluded;

  bool matches(search::Tokenizer& tokenizer, const search::IndexedColumns& columns) const {
    std::vector<bool> found(required.size(), false);
    std::size_t missing = required.size();
    bool refused = false;
    for (const std::string_view column : columns) {
      tokenizer.tokenize(column, [&](std::string_view token) {
        for (std::size_t i = 0; i < required.size(); ++i) {
          if (!found[i] && required[i] == token) {
            found[i] = true;
            --missing;
          }
        }
        for (const std::string& word : excluded) refused = refused || word == token;
      });
      if (refused) return false;
      if (missing == 0 && excluded.empty()) return true;
    }
    return missing == 0 && !refused;
  }
};

std::optional<TermQuery> term_query(const query::ParsedQuery& parsed,
                                    search::Tokenizer& tokenizer) {
  TermQuery out;
  for (const query::Clause& clause : parsed.clauses) {
    if (clause.any.size() != 1) return std::nullopt;
    const query::Term& term = clause.any.front();
    if (term.phrase || term.prefix || term.column) return std::nullopt;
    std::vector<std::string> tokens;
    tokenizer.tokenize(term.text, [&](std::string_view t) { tokens.emplace_back(t); });
    if (tokens.size() != 1) return std::nullopt;
    (clause.negated ? out.excluded : out.required).push_back(std::move(tokens.front()));
  }
  if (out.required.empty()) return std::nullopt;
  return out;
}

// The articles, by id, from the index articles_facets where it holds every column `sql`
// reads (query::articles_from).
std::string articles_from(Database::Impl& impl, const std::vector<std::string>& sql) {
  if (!impl.facets_index) {
    SQLite::Statement& q = impl.statement(
        "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = 'articles_facets'");
    impl.facets_index = q.executeStep();
    q.reset();
  }
  return query::articles_from(sql, *impl.facets_index);
}

// Rowids of every article the full-text expression matches, in rowid order.
std::vector<std::int64_t> matching_rowids(Database::Impl& impl, const std::string& match) {
  SQLite::Statement& q =
      impl.statement("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1");
  q.bind(1, match);
  std::vector<std::int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  q.reset();
  return ids;
}

// A page of a search ordered by time, quality or heat. Three plans, chosen by the number of
// matches (known from the ranking statistics, or counted):
//  - few matches: look each one up and sort them (the SQL below does it);
//  - many: walk the index of the order (with the filters and the cursor) and keep the walked
//    articles found in the list of all matches, fetched first;
//  - most articles match words that are all frequent: walk the index and test each walked
//    article by its terms, so that neither the matches nor the walk are long.
Page walked_page(Database::Impl& impl, const std::optional<query::ParsedQuery>& parsed,
                 const std::string& match, const query::Conditions& filters, const SortSpec& spec,
                 const SearchOptions& options) {
  SQLite::Database& db = *impl.db;
  std::optional<TermQuery> terms;
  if (parsed) terms = term_query(*parsed, impl.tokenizer());
  std::int64_t least = -1;  // the rarest required term's articles: matches are at most that
  if (terms && search::stats_usable(db)) {
    for (const std::string& term : terms->required) {
      const std::int64_t df = search::document_frequency(db, term);
      least = least < 0 ? df : std::min(least, df);
    }
  }
  if (least == 0) return Page{};
  // Listing up to this many matches costs less than a walk that tests terms (~8 us an
  // article walked, against ~0.05 us a match listed).
  constexpr std::int64_t kListable = 60'000;
  constexpr std::size_t kFew = 2'000;           // matches looked up and sorted
  constexpr std::size_t kMaxTermWalk = 20'000;  // articles tested by their terms at most
  bool by_terms = terms && least > kListable;

  query::Conditions conditions = filters;
  if (!options.after.empty()) {
    add_keyset(conditions, spec, spec.key, "a.id", decode_cursor(spec, options.after));
  }
  std::vector<std::int64_t> all;
  if (!by_terms) {
    all = matching_rowids(impl, match);
    if (all.size() <= kFew) {
      std::string list = "[";
      for (std::size_t i = 0; i < all.size(); ++i)
        list += (i > 0 ? "," : "") + std::to_string(all[i]);
      list += "]";
      conditions.add("a.id IN (SELECT value FROM json_each(?))", {list});
    }
  }
  const bool few = !by_terms && all.size() <= kFew;
  std::string sql = std::string("SELECT a.id, ") + spec.key;
  if (by_terms) sql += ", a.title, a.excerpt, a.body_text, a.topics_text, a.provider_name";
  // A few matches are looked up by id; a walk goes by the index of the order.
  std::vector<std::string> read = conditions.sql;
  read.emplace_back(spec.key);
  sql += (few ? articles_from(impl, read) : " FROM articles AS a") + conditions.where() +
         order_by(spec, spec.key, "a.id");
  if (few) sql += " LIMIT ?";
  SQLite::Statement& walk = impl.statement(sql);
  const int next = query::bind_values(walk, conditions.values);
  if (few) walk.bind(next, static_cast<std::int64_t>(options.limit + 1));
  Page result;
  if (terms) result.terms = terms->required;
  query::SqlValue last_key;
  std::size_t tested = 0;
  while (walk.executeStep()) {
    const std::int64_t id = walk.getColumn(0).getInt64();
    bool hit = true;
    if (by_terms) {
      if (++tested > kMaxTermWalk) {
        // The words seldom meet: list the matches after all, and walk on against them.
        by_terms = false;
        all = matching_rowids(impl, match);
      } else {
        hit = terms->matches(impl.tokenizer(), search::indexed_columns(walk, 2));
      }
    }
    if (!by_terms && !few) hit = std::binary_search(all.begin(), all.end(), id);
    if (!hit) continue;
    if (result.ids.size() == options.limit) {  // one more exists
      result.next = encode_cursor(spec, last_key, result.ids.back().first);
      break;
    }
    result.ids.emplace_back(id, 0.0);
    last_key = key_of(walk.getColumn(1));
  }
  walk.reset();
  return result;
}

// Facets from the list of matches: exact when they are few, else from an even sample of
// them (every k-th in id order), with the counts scaled and marked as estimates.
Facets sampled_facets(Database::Impl& impl, const std::optional<query::ParsedQuery>& parsed,
                      const std::string& match, const query::Conditions& filters,
                      std::size_t facet_limit) {
  constexpr std::size_t kSample = 2'500;
  SQLite::Database& db = *impl.db;
  // How many match, by the statistics: when all the words are frequent, listing every match
  // costs more than the budget, and the sample comes from windows of the id space instead.
  std::optional<TermQuery> terms;
  if (parsed) terms = term_query(*parsed, impl.tokenizer());
  double expected = -1;
  std::int64_t exact_total = -1;
  if (terms && search::stats_usable(db)) {
    const auto articles = static_cast<double>(search::read_totals(db).rows);
    expected = articles;
    std::int64_t least = -1;
    for (const std::string& term : terms->required) {
      const std::int64_t df = search::document_frequency(db, term);
      expected *= static_cast<double>(df) / std::max(1.0, articles);
      least = least < 0 ? df : std::min(least, df);
    }
    if (terms->required.size() == 1 && terms->excluded.empty()) exact_total = least;
    if (least <= 60'000) expected = -1;  // cheap enough to list
  }
  std::vector<std::int64_t> sample;
  double scale = 1;
  if (expected > static_cast<double>(kSample)) {
    const std::int64_t last = db.execAndGet("SELECT coalesce(max(id), 0) FROM articles").getInt64();
    constexpr int kWindows = 32;
    const double fraction = std::min(1.0, 1.5 * static_cast<double>(kSample) / expected);
    const auto width = std::max<std::int64_t>(
        1, static_cast<std::int64_t>(static_cast<double>(last) * fraction / kWindows));
    SQLite::Statement& window = impl.statement(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3");
    std::int64_t covered = 0;
    for (int w = 0; w < kWindows; ++w) {
      const std::int64_t from = 1 + last * w / kWindows;
      const std::int64_t to = std::min(last, from + width - 1);
      covered += to - from + 1;
      window.reset();
      window.bind(1, match);
      window.bind(2, from);
      window.bind(3, to);
      while (window.executeStep()) sample.push_back(window.getColumn(0).getInt64());
    }
    window.reset();
    scale = static_cast<double>(last) / static_cast<double>(std::max<std::int64_t>(1, covered));
  } else {
    sample = matching_rowids(impl, match);
    if (filters.sql.empty()) exact_total = static_cast<std::int64_t>(sample.size());
  }
  // Words that go together match more often than their frequencies say (at 1M articles, 16,341
  // ids from windows sized for 3,750): what is counted is thinned to the sample's size.
  scale *= query::thin_evenly(sample, kSample);
  std::string list = "[";
  for (std::size_t i = 0; i < sample.size(); ++i) {
    list += (i > 0 ? "," : "") + std::to_string(sample[i]);
  }
  list += "]";
  Facets facets;
  facets.estimated = scale > 1;
  // The sample, less what the filters reject, with what facets count of each article.
  query::Conditions conditions;
  conditions.add("a.id IN (SELECT value FROM json_each(?))", {list});
  for (std::size_t i = 0; i < filters.sql.size(); ++i) conditions.sql.push_back(filters.sql[i]);
  for (const auto& value : filters.values) conditions.values.push_back(value);
  std::unordered_map<std::int64_t, double> providers;
  std::map<std::string, double, std::greater<>> months;
  std::string kept = "[";
  std::int64_t count = 0;
  {
    SQLite::Statement& q = impl.statement(
        "SELECT a.id, a.provider_id, substr(a.published_at, 1, 7) FROM articles AS a "
        "INDEXED BY articles_facets" +
        conditions.where());
    query::bind_values(q, conditions.values);
    while (q.executeStep()) {
      kept += (count++ > 0 ? "," : "") + std::to_string(q.getColumn(0).getInt64());
      if (!q.getColumn(1).isNull()) providers[q.getColumn(1).getInt64()] += 1;
      if (!q.getColumn(2).isNull()) months[q.getColumn(2).getString()] += 1;
    }
    q.reset();
  }
  kept += "]";
  std::unordered_map<std::int64_t, double> topics;
  {
    SQLite::Statement& q = impl.statement(
        "SELECT l.topic_id FROM json_each(?1) AS j JOIN article_topics AS l "
        "ON l.article_id = j.value");
    q.bind(1, kept);
    while (q.executeStep()) topics[q.getColumn(0).getInt64()] += 1;
    q.reset();
  }
  const auto scaled = [scale](double n) { return std::llround(n * scale); };
  facets.total =
      exact_total >= 0 && filters.sql.empty() ? exact_total : scaled(static_cast<double>(count));
  // The most frequent first, with their names.
  const std::size_t limit =
      facet_limit == 0 ? std::numeric_limits<std::size_t>::max() : facet_limit;
  auto top = [&](const std::unordered_map<std::int64_t, double>& counts, const char* sql) {
    std::vector<std::pair<std::int64_t, double>> sorted(counts.begin(), counts.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      return a.second > b.second || (a.second == b.second && a.first < b.first);
    });
    std::vector<FacetCount> out;
    SQLite::Statement& name = impl.statement(sql);
    for (const auto& [id, n] : sorted) {
      if (out.size() == limit) break;
      name.reset();
      name.bind(1, id);
      if (name.executeStep()) {
        out.push_back({name.getColumn(0).getString(), name.getColumn(1).getString(), scaled(n)});
      }
    }
    name.reset();
    return out;
  };
  facets.topics = top(topics, "SELECT slug, name FROM topics WHERE id = ?1");
  facets.providers =
      top(providers, "SELECT coalesce(domain, name), name FROM providers WHERE id = ?1");
  for (const auto& [month, n] : months) facets.months.push_back({month, month, scaled(n)});
  return facets;
}

// At most this many articles kept by a filter on topics or providers are ranked one by one
// from their text (search::rank_among, about 12 us each at 1M articles) rather than from the
// query's matches, most of which such a filter would turn down ...
constexpr std::size_t kFewCandidates = 4000;
// ... and only when the query's rarest word is in this many times more articles. When the
// ranking from the heads finds that the filters keep few of the matches, up to
// kManyCandidates articles of a filter are looked up among the matches instead.
constexpr std::int64_t kMatchesPerCandidate = 8;
constexpr std::size_t kManyCandidates = 200'000;
constexpr double kCandidatesPerMatch = 16;
// The filters' articles are read (up to kManyCandidates) once they have kept fewer than one
// in search::kFewKeptOf of this many articles asked about.
constexpr std::size_t kReadFilterAfter = 256;
// ... and when they hold at most one in this many of the articles, the ranking from the heads
// gives up then ...
constexpr double kSmallFilterShare = 50;
// ... or, against three words or more, one in this many when the index can narrow the matches
// to the filter's articles (kept_conditions()).
constexpr double kNarrowedFilterShare = 8;

// The articles that `source` selects, sorted, when they are at most `most`; nullopt when
// there are more, or when they cannot be found by index.
std::optional<std::vector<std::int64_t>> read_source(Database::Impl& impl,
                                                     const query::CandidateSource& source,
                                                     std::size_t most) {
  // Whether `part` selects more than `most` rows: counted in SQLite, so that a filter that
  // keeps many articles costs a count of a few thousand index entries, not their ids.
  auto more_than_most = [&](const query::Fragment& part) {
    SQLite::Statement& q = impl.statement("SELECT count(*) FROM (" + part.sql + " LIMIT ?)");
    query::bind_values(q, part.values);
    q.bind(static_cast<int>(part.values.size()) + 1, static_cast<std::int64_t>(most) + 1);
    const bool more =
        q.executeStep() && q.getColumn(0).getInt64() > static_cast<std::int64_t>(most);
    q.reset();
    return more;
  };
  if (more_than_most(source.ids)) return std::nullopt;
  std::vector<query::Fragment> parts = {source.ids};
  if (!source.own_names.empty()) {
    // And the articles that write one of the names themselves: found by the name's tokens,
    // as a phrase of the index's provider column.
    std::string match;
    for (const std::string& name : source.own_names) {
      const std::string phrase = impl.tokenizer().phrase(name);
      if (phrase.empty()) return std::nullopt;  // a name without a word cannot be looked up so
      match += (match.empty() ? "provider : " : " OR provider : ") + phrase;
    }
    query::Fragment named{"SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", {match}};
    if (more_than_most(named)) return std::nullopt;
    parts.push_back(std::move(named));
  }
  std::vector<std::int64_t> found;
  for (const query::Fragment& part : parts) {
    SQLite::Statement& q = impl.statement(part.sql);
    query::bind_values(q, part.values);
    while (q.executeStep()) found.push_back(q.getColumn(0).getInt64());
    q.reset();
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  if (found.size() > most) return std::nullopt;
  return found;
}

// At most this many spellings of a filter's topics or provider narrow the matches of a search
// ...
constexpr std::size_t kMaxNarrowingSpellings = 32;
// ... and only for a list of at most this many articles (reading the spellings costs about a
// microsecond an article; the index skips less through the words' lists for a longer one).
constexpr std::size_t kMaxNarrowedArticles = 50'000;

// A condition of the full-text index that every article the filter `source` keeps meets: one
// of the filter's spellings (query::CandidateSource) in their column ("topics : (\"machine
// learning\" OR \"ml\")"). Empty when there is none (a spelling without a word, too many).
std::string spelling_condition(Database::Impl& impl, const query::CandidateSource& source) {
  if (source.spellings.sql.empty()) return {};
  std::string any;
  std::size_t spellings = 0;
  auto add = [&](const std::string& spelling) {
    const std::string phrase = impl.tokenizer().phrase(spelling);
    if (phrase.empty() || ++spellings > kMaxNarrowingSpellings) return false;
    any += (any.empty() ? "" : " OR ") + phrase;
    return true;
  };
  SQLite::Statement& q =
      impl.statement(source.spellings.sql + " LIMIT " + std::to_string(kMaxNarrowingSpellings + 1));
  query::bind_values(q, source.spellings.values);
  bool usable = true;
  while (usable && q.executeStep()) {
    usable = !q.getColumn(0).isNull() && add(q.getColumn(0).getString());
  }
  q.reset();
  for (const std::string& name : source.own_names) usable = usable && add(name);
  if (!usable || spellings == 0) return {};
  return source.spelling_column + " : (" + any + ")";
}

// The conditions of the full-text index that the filters' articles meet
// (spelling_condition()), " AND ..." each, for the filters whose lists the connection keeps
// (found once per list and kept with it). Added to a query of frequent words, they let the
// index skip through the words' long lists to the filters' articles.
std::string kept_conditions(Database::Impl& impl,
                            const std::vector<query::CandidateSource>& sources) {
  std::string conditions;
  for (const query::CandidateSource& source : sources) {
    if (source.spellings.sql.empty()) continue;
    const std::string key = query::source_key(source);
    const std::vector<std::int64_t>* list = impl.filter_lists.find(key);
    if (list == nullptr || list->size() > kMaxNarrowedArticles) continue;
    std::optional<std::string>& condition = *impl.filter_lists.condition(key);
    if (!condition) condition = spelling_condition(impl, source);
    if (!condition->empty()) conditions += " AND " + *condition;
  }
  return conditions;
}

// The articles that one of the filters on topics or providers keeps (all those that every
// filter keeps, and perhaps more), when one of them keeps at most `most`; null otherwise.
// A list the connection keeps (FilterLists) is used as it is; one read is put in `read`.
const std::vector<std::int64_t>* few_candidates(Database::Impl& impl,
                                                const std::vector<query::CandidateSource>& sources,
                                                std::size_t most, std::vector<std::int64_t>& read) {
  for (const query::CandidateSource& source : sources) {
    if (const auto* kept = impl.filter_lists.find(query::source_key(source))) {
      if (kept->size() <= most) return kept;
      continue;
    }
    if (auto found = read_source(impl, source, most)) {
      read = std::move(*found);
      return &read;
    }
  }
  return nullptr;
}

// The smallest list of articles the connection keeps for one of `sources` (all those that
// every filter keeps, and perhaps more); a source used for the second time while the
// database is unchanged is read now (up to kManyCandidates articles) and kept. Nullptr when
// there is none.
const std::vector<std::int64_t>* kept_candidates(
    Database::Impl& impl, const std::vector<query::CandidateSource>& sources) {
  query::FilterLists& lists = impl.filter_lists;
  SQLite::Statement& version = impl.statement("PRAGMA data_version");
  const std::int64_t data_version = version.executeStep() ? version.getColumn(0).getInt64() : -1;
  version.reset();
  lists.begin({data_version, sqlite3_total_changes64(impl.db->getHandle())});
  std::vector<std::string> keys;
  for (const query::CandidateSource& source : sources) {
    keys.push_back(query::source_key(source));
    if (lists.find(keys.back()) != nullptr || !lists.used_again(keys.back())) continue;
    if (auto found = read_source(impl, source, kManyCandidates)) {
      lists.keep(keys.back(), std::move(*found));
    } else {
      lists.never_keep(keys.back());
    }
  }
  // Found after every list is kept: keeping one may forget another.
  const std::vector<std::int64_t>* smallest = nullptr;
  for (const std::string& key : keys) {
    const auto* ids = lists.find(key);
    if (ids != nullptr && (smallest == nullptr || ids->size() < smallest->size())) smallest = ids;
  }
  return smallest;
}

// Ranks a plain query by the ranking statistics (search/ranker.h): exact bm25 order, without
// scoring every match. Nullopt when the query is not one it handles (a phrase, a prefix, a
// column, OR, a word the index splits into several terms) or the statistics are out of date.
std::optional<Page> ranked_page(Database::Impl& impl, const query::ParsedQuery& parsed,
                                const query::Conditions& filters, const SearchOptions& options) {
  search::RankRequest request;
  query::ParsedQuery excluded;
  for (const query::Clause& clause : parsed.clauses) {
    if (clause.negated) {
      excluded.clauses.push_back(clause);
      continue;
    }
    if (clause.any.size() != 1) return std::nullopt;
    const query::Term& term = clause.any.front();
    if (term.phrase || term.prefix || term.column) return std::nullopt;
    std::vector<std::string> tokens;
    impl.tokenizer().tokenize(term.text, [&](std::string_view t) { tokens.emplace_back(t); });
    if (tokens.size() != 1) return std::nullopt;
    request.terms.push_back(std::move(tokens.front()));
  }
  if (request.terms.empty()) return std::nullopt;
  SQLite::Database& db = *impl.db;
  if (!search::stats_usable(db)) return std::nullopt;

  const SortSpec spec = sort_spec(Sort::kRelevance);
  request.limit = options.limit + 1;  // one more tells whether a next page exists
  if (!options.after.empty()) {
    const Cursor cursor = decode_cursor(spec, options.after);
    const auto* score = std::get_if<double>(&cursor.key);
    if (score == nullptr) bad_cursor();
    request.after = search::ScoredId{cursor.id, *score};
  }
  // Filters and excluded words, as SQL on the articles.
  query::Conditions conditions = filters;
  const std::string not_matching = query::to_fts5(excluded).excluded;
  if (!not_matching.empty()) {
    conditions.add(
        "NOT EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = a.id)",
        {not_matching});
  }
  // The articles of the filters on topics or providers (all those the filters keep, and
  // perhaps more), read once the filters have turned out to keep few of the articles asked
  // about: the others are then turned down without asking SQLite (about 2 us an article for
  // a topic).
  struct FilterArticles {
    std::size_t asked = 0;
    std::size_t kept = 0;
    bool read = false;
    const std::vector<std::int64_t>* ids = nullptr;  // sorted: a list kept, or `own`
    std::vector<std::int64_t> own;
  } among;
  std::vector<query::CandidateSource> sources;  // of the filters' articles, by index
  std::size_t many = 0;  // articles of a filter looked up among the matches, at most
  // The smallest of the filters' lists this connection keeps (FilterLists), if any.
  const std::vector<std::int64_t>* known = nullptr;
  bool from_heads = true;  // whether to try the ranking from the heads
  // What the index is asked besides the query's words when it looks a filter's articles up
  // among the matches (kept_conditions()), found once per search.
  std::optional<std::string> narrowing_found;
  auto narrowing = [&]() -> const std::string& {
    if (!narrowing_found) narrowing_found = kept_conditions(impl, sources);
    return *narrowing_found;
  };
  auto read_among = [&] {
    if (among.read) return;
    among.read = true;
    among.ids = few_candidates(impl, sources, many, among.own);
  };
  if (!conditions.sql.empty()) {
    auto ask = [&impl, &conditions](const std::vector<std::int64_t>& ids) {
      std::string list = "[";
      for (std::size_t i = 0; i < ids.size(); ++i) {
        list += (i > 0 ? "," : "") + std::to_string(ids[i]);
      }
      list += "]";
      query::Conditions all;
      all.add("a.id IN (SELECT value FROM json_each(?))", {list});
      for (std::size_t i = 0; i < conditions.sql.size(); ++i) all.sql.push_back(conditions.sql[i]);
      for (const auto& value : conditions.values) all.values.push_back(value);
      SQLite::Statement& q =
          impl.statement("SELECT a.id" + articles_from(impl, all.sql) + all.where());
      query::bind_values(q, all.values);
      std::vector<std::int64_t> kept;
      while (q.executeStep()) kept.push_back(q.getColumn(0).getInt64());
      q.reset();
      return kept;
    };
    request.accept = [&, ask](const std::vector<std::int64_t>& ids) {
      std::vector<std::int64_t> kept;
      // A superset of what the filters keep, when one is known: only the articles it holds
      // are asked about.
      const std::vector<std::int64_t>* holds = among.ids != nullptr ? among.ids : known;
      if (holds != nullptr) {
        std::vector<std::int64_t> held;
        for (const std::int64_t id : ids) {
          if (std::binary_search(holds->begin(), holds->end(), id)) held.push_back(id);
        }
        if (!held.empty()) kept = ask(held);
      } else {
        kept = ask(ids);
      }
      among.asked += ids.size();
      among.kept += kept.size();
      if (request.give_up_when_few_kept && among.asked >= kReadFilterAfter &&
          among.kept * search::kFewKeptOf < among.asked) {
        read_among();
      }
      return kept;
    };
  }

  // Every term, for the full-text index.
  std::string match;
  for (const std::string& term : request.terms) {
    if (!match.empty()) match += " AND ";
    match += '"' + term + '"';  // a token of the index holds no quote
  }
  std::optional<std::vector<search::ScoredId>> hits;
  if (!filters.sql.empty()) {
    // The articles of the rarest word, and the matches expected if the words were found
    // independently of one another.
    std::int64_t fewest_matches = std::numeric_limits<std::int64_t>::max();
    const auto rows = static_cast<double>(search::read_totals(db).rows);
    double expected_matches = rows;
    std::vector<std::string> seen;
    for (const std::string& term : request.terms) {
      const std::int64_t df = search::document_frequency(db, term);
      fewest_matches = std::min(fewest_matches, df);
      if (std::find(seen.begin(), seen.end(), term) != seen.end()) continue;
      seen.push_back(term);
      expected_matches *= rows > 0 ? static_cast<double>(df) / rows : 0.0;
    }
    // Looking up a filter's article costs about a tenth of a microsecond, ranking a match from
    // the index about ten: a filter of up to kCandidatesPerMatch times the matches expected
    // is looked up among them (rather than joined to them) when it keeps few of them.
    many = static_cast<std::size_t>(
        std::min(static_cast<double>(kManyCandidates), expected_matches * kCandidatesPerMatch));
    Filter from_text;
    from_text.topics = parsed.topics;
    from_text.all_topics = true;
    from_text.providers = parsed.providers;
    sources = query::candidate_sources(options.filter, impl.text());
    for (auto& source : query::candidate_sources(from_text, impl.text())) {
      sources.push_back(std::move(source));
    }
    known = kept_candidates(impl, sources);
    // A filter on topics or providers that keeps few articles, against the query's matches.
    const auto most = static_cast<std::size_t>(std::min<std::int64_t>(
        static_cast<std::int64_t>(kFewCandidates), fewest_matches / kMatchesPerCandidate));
    if (most > 0) {
      std::vector<std::int64_t> few;
      if (const auto* ids = few_candidates(impl, sources, most, few)) {
        hits = search::rank_among(db, impl.tokenizer(), request, *ids);
      }
    }
    // Whether a filter's articles may be looked up among the matches (read_among()).
    request.give_up_when_few_kept = !sources.empty() && many > kFewCandidates;
    // Once read, a filter's articles that are few among all are looked up among the matches
    // at once: the heads would have to be asked about many more.
    auto few_of_all = [rows](std::size_t articles, double share) {
      return static_cast<double>(articles) * share <= rows;
    };
    request.give_up_now = [&among, few_of_all] {
      return among.ids != nullptr && few_of_all(among.ids->size(), kSmallFilterShare);
    };
    // A list the connection keeps that is that small, against several words: the ranking
    // from the heads would read them only to give up at its first question (with a filter
    // that keeps so few, the bounds of the heads, set for the best of all the matches, stay
    // far above the best of those it keeps). The list is looked up among the matches at once.
    // So is a longer one that the index narrows, against three words or more: the bounds of
    // three heads or more are looser still, and seldom settle a filter's page.
    auto looked_up_at_once = [&] {
      if (few_of_all(known->size(), kSmallFilterShare)) return true;
      return request.terms.size() >= 3 && few_of_all(known->size(), kNarrowedFilterShare) &&
             !narrowing().empty();
    };
    if (!hits && request.give_up_when_few_kept && request.terms.size() > 1 && known != nullptr &&
        known->size() <= many && looked_up_at_once()) {
      among.read = true;
      among.ids = known;
      from_heads = false;
    }
  }
  if (!hits && from_heads) {
    hits = search::rank_from_heads(db, impl.tokenizer(), request, impl.rank_scratch);
  }
  if (!hits && request.give_up_when_few_kept) {
    // The filters keep few of the matches: those of the query's matches that a filter's
    // articles hold (and that hold a spelling of each kept filter's topics or provider) are scored
    // from the index as it lists them (their text is not read), then the filters are asked about
    // them best first.
    read_among();
    if (const auto* ids = among.ids) {
      const search::RawStatement rows = search::matches_among(db, match + narrowing(), *ids);
      hits = search::rank_all(db, rows.get(), request);
    }
  }
  if (!hits) {
    // Every match, scored without bm25()'s per-query counting of each phrase's matches.
    query::Conditions all;
    all.add("articles_fts MATCH ?", {match});
    for (std::size_t i = 0; i < conditions.sql.size(); ++i) all.sql.push_back(conditions.sql[i]);
    for (const auto& value : conditions.values) all.values.push_back(value);
    SQLite::Statement& rows = impl.statement(
        "SELECT articles_fts.rowid, articledb_row_stats(articles_fts) FROM articles_fts" +
        std::string(conditions.sql.empty() ? ""
                                           : " JOIN articles AS a ON a.id = articles_fts.rowid") +
        all.where());
    query::bind_values(rows, all.values);
    search::RankRequest filtered_in_sql = request;
    filtered_in_sql.accept = nullptr;
    hits = search::rank_all(db, rows, filtered_in_sql);
    rows.reset();
  }
  Page page;
  page.terms = request.terms;
  for (const search::ScoredId& hit : *hits) {
    if (page.ids.size() == options.limit) {
      const auto& [id, score] = page.ids.back();
      page.next = encode_cursor(spec, query::SqlValue(score), id);
      break;
    }
    page.ids.emplace_back(hit.id, hit.score);
  }
  return page;
}

// Up to `count` of `candidates` (value, weight) within `limit` edits of `word`: nearest first,
// then the heaviest. Compared in folded form.
std::vector<std::string> nearest(
    const std::string& word, const std::vector<std::pair<std::string, std::int64_t>>& candidates,
    std::size_t limit, std::size_t count) {
  struct Near {
    std::size_t distance;
    std::int64_t weight;
    const std::string* value;
  };
  std::vector<Near> near;
  for (const auto& [value, weight] : candidates) {
    const std::size_t distance = util::edit_distance(word, value, limit);
    if (distance <= limit && value != word) near.push_back({distance, weight, &value});
  }
  std::sort(near.begin(), near.end(), [](const Near& a, const Near& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    if (a.weight != b.weight) return a.weight > b.weight;
    return *a.value < *b.value;
  });
  std::vector<std::string> out;
  for (const Near& n : near) {
    if (out.size() == count) break;
    if (std::find(out.begin(), out.end(), *n.value) == out.end()) out.push_back(*n.value);
  }
  return out;
}

// Words of a plain query that no article holds, with the indexed words nearest to each: from
// the terms beginning with the word's first letter (a range of the index's vocabulary).
std::vector<WordSuggestion> suggest_words(Database::Impl& impl, const query::ParsedQuery& parsed) {
  constexpr std::size_t kMaxSuggested = 8;  // words of one query looked at
  constexpr std::size_t kCandidates = 50'000;
  SQLite::Database& db = *impl.db;
  std::vector<WordSuggestion> out;
  std::vector<std::string> seen;
  for (const query::Clause& clause : parsed.clauses) {
    if (clause.negated) continue;
    for (const query::Term& term : clause.any) {
      if (term.prefix || seen.size() >= kMaxSuggested) continue;
      std::vector<std::string> tokens;
      impl.tokenizer().tokenize(term.text, [&](std::string_view t) { tokens.emplace_back(t); });
      for (const std::string& token : tokens) {
        if (std::find(seen.begin(), seen.end(), token) != seen.end()) continue;
        seen.push_back(token);
        SQLite::Statement& known = impl.statement("SELECT 1 FROM search_terms WHERE term = ?1");
        known.bind(1, token);
        const bool held = known.executeStep();
        known.reset();
        if (held || token.size() < 3) continue;
        // The first letter, whole (UTF-8), and the next value after it: the range of terms.
        std::size_t first = 1;
        while (first < token.size() && (static_cast<unsigned char>(token[first]) & 0xC0) == 0x80) {
          ++first;
        }
        std::string low = token.substr(0, first);
        std::string high = low;
        high.back() = static_cast<char>(static_cast<unsigned char>(high.back()) + 1);
        SQLite::Statement range(db,
                                "SELECT term, df FROM search_terms WHERE term >= ?1 AND term < ?2 "
                                "AND length(term) BETWEEN ?3 AND ?4 LIMIT ?5");
        range.bind(1, low);
        range.bind(2, high);
        range.bind(3, static_cast<std::int64_t>(token.size()) - 2);
        range.bind(4, static_cast<std::int64_t>(token.size()) + 2);
        range.bind(5, static_cast<std::int64_t>(kCandidates));
        std::vector<std::pair<std::string, std::int64_t>> candidates;
        while (range.executeStep()) {
          candidates.emplace_back(range.getColumn(0).getString(), range.getColumn(1).getInt64());
        }
        const std::size_t limit = token.size() <= 4 ? 1 : 2;
        std::vector<std::string> near = nearest(token, candidates, limit, 3);
        if (!near.empty()) out.push_back({token, std::move(near)});
      }
    }
  }
  return out;
}

// One read transaction for a whole call: every statement of a search (the statistics, the
// heads, the articles) sees the same snapshot, even while an import commits, and the
// database's locks are taken once rather than per statement.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(SQLite::Database& db) : db_(db.getHandle()) {
    if (sqlite3_get_autocommit(db_) == 0) return;  // already in a transaction
    owned_ = sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  // Ends it whatever happened: a connection left inside it would keep its old snapshot.
  ~ReadSnapshot() {
    if (owned_ && sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  sqlite3* db_;
  bool owned_ = false;
};

// Stops the SQLite work of one call on its connection once `limit` has passed: every
// statement stepped meanwhile fails with SQLITE_INTERRUPT. Zero: no limit.
class WorkBudget {
 public:
  WorkBudget(SQLite::Database& db, std::chrono::milliseconds limit)
      : db_(db.getHandle()), limit_(limit) {
    if (limit.count() <= 0) return;
    deadline_ = std::chrono::steady_clock::now() + limit;
    sqlite3_progress_handler(db_, kSteps, &WorkBudget::check, this);
  }
  ~WorkBudget() {
    if (limit_.count() > 0) sqlite3_progress_handler(db_, 0, nullptr, nullptr);
  }
  WorkBudget(const WorkBudget&) = delete;
  WorkBudget& operator=(const WorkBudget&) = delete;

  /// After a failure: if the budget stopped the call, the error that says so.
  void rethrow_if_exceeded() const {
    if (!exceeded_) return;
    throw Error(ErrorCode::kQueryTooComplex,
                "the query ran for more than " + std::to_string(limit_.count()) +
                    " ms (QueryLimits::max_time) and was stopped; narrow it with rarer words, "
                    "fewer prefix words (word*), a filter or a sort by relevance");
  }

 private:
  static constexpr int kSteps = 1000;  // virtual machine steps between looks at the clock
  static int check(void* self) {
    auto* budget = static_cast<WorkBudget*>(self);
    if (std::chrono::steady_clock::now() < budget->deadline_) return 0;
    budget->exceeded_ = true;
    return 1;
  }

  sqlite3* db_;
  std::chrono::milliseconds limit_;
  std::chrono::steady_clock::time_point deadline_{};
  bool exceeded_ = false;
};

// Topic and provider values of one call: those of the filter and `in_text` more.
void check_filter_count(const QueryLimits& limits, const Filter& filter, std::size_t in_text) {
  const std::size_t count = filter.topics.size() + filter.providers.size() + in_text;
  if (count > limits.max_filters) {
    throw Error(ErrorCode::kQueryTooComplex, "the query names " + std::to_string(count) +
                                                 " topics and providers, more than " + "the " +
                                                 std::to_string(limits.max_filters) +
                                                 " allowed (QueryLimits::max_filters)");
  }
}

ArticlePage list_page(Database::Impl& impl, const ListOptions& options) {
  const SortSpec spec = sort_spec(options.sort == Sort::kRelevance ? Sort::kNewest : options.sort);
  query::Conditions conditions = query::filter_conditions(options.filter, impl.text());
  if (!options.after.empty()) {
    add_keyset(conditions, spec, spec.key, "a.id", decode_cursor(spec, options.after));
  }
  return store::guarded("cannot list articles", [&] {
    SQLite::Statement& q =
        impl.statement(std::string("SELECT a.id, ") + spec.key + " FROM articles AS a" +
                       conditions.where() + order_by(spec, spec.key, "a.id") + " LIMIT ?");
    const int next = query::bind_values(q, conditions.values);
    q.bind(next, static_cast<std::int64_t>(options.limit + 1));
    ArticlePage page;
    std::vector<std::int64_t> ids;
    query::SqlValue last_key;
    while (q.executeStep()) {
      if (ids.size() == options.limit) {  // one more exists: this page ends at the previous row
        page.next = encode_cursor(spec, last_key, ids.back());
        break;
      }
      ids.push_back(q.getColumn(0).getInt64());
      last_key = key_of(q.getColumn(1));
    }
    q.reset();
    for (const std::int64_t id : ids) {
      if (auto article = query::read_article(impl, id, options.with_body)) {
        page.articles.push_back(std::move(*article));
      }
    }
    return page;
  });
}

SearchResults search_page(Database::Impl& impl, std::string_view text,
                          const SearchOptions& options) {
  const int snippet_words = std::clamp(options.snippet_words, 1, 64);

  // The query: its MATCH expression and the filters it adds.
  std::optional<query::ParsedQuery> parsed;
  std::string match;
  std::string excluded;
  query::Conditions filters = query::filter_conditions(options.filter, impl.text());
  if (options.syntax == QuerySyntax::kRaw) {
    if (text.size() > impl.limits.max_query_bytes) {
      throw Error(ErrorCode::kQueryTooComplex,
                  "the raw query is " + std::to_string(text.size()) + " bytes, more than the " +
                      std::to_string(impl.limits.max_query_bytes) +
                      " allowed (QueryLimits::max_query_bytes); shorten it");
    }
    match = std::string(text);
    if (match.find_first_not_of(" \t\r\n") == std::string::npos) return {};
  } else {
    parsed = query::parse_query(
        text, {impl.limits.max_query_bytes, impl.limits.max_terms, impl.limits.max_prefix_terms});
    check_filter_count(impl.limits, options.filter,
                       parsed->topics.size() + parsed->providers.size());
    if (parsed->empty()) return {};
    find_inside_runs(impl, *parsed);
    const query::FtsExpression fts = query::to_fts5(*parsed);
    match = fts.match;
    excluded = fts.excluded;
    // topic: and provider: in the text hold on top of the options' filter.
    Filter from_text;
    from_text.topics = parsed->topics;
    from_text.all_topics = true;
    from_text.providers = parsed->providers;
    query::Conditions more = query::filter_conditions(from_text, impl.text());
    filters.sql.insert(filters.sql.end(), more.sql.begin(), more.sql.end());
    filters.values.insert(filters.values.end(), more.values.begin(), more.values.end());
  }
  const Source source = make_source(filters, match, excluded);
  const Sort sort =
      !source.ranked && options.sort == Sort::kRelevance ? Sort::kNewest : options.sort;
  const SortSpec spec = sort_spec(sort);

  const std::string key = spec.code == 'r' ? "score" : "k";
  query::Conditions keyset;
  if (!options.after.empty()) {
    add_keyset(keyset, spec, key, "id", decode_cursor(spec, options.after));
  }
  const std::string page_sql =
      std::string("SELECT id, score, ") + key + " FROM (SELECT a.id AS id, " +
      (source.ranked ? kRank : "0.0") + " AS score, " + (spec.code == 'r' ? "0" : spec.key) +
      " AS k " + source.from + ")" + keyset.where() + order_by(spec, key, "id") + " LIMIT ?";

  try {
    SearchResults results;
    std::optional<Page> ranked;
    std::optional<Page> walked;  // by time, quality or heat
    if (parsed && source.ranked && spec.code == 'r') {
      ranked = ranked_page(impl, *parsed, filters, options);
    } else if (source.ranked && spec.code != 'r') {
      walked = walked_page(impl, parsed, source.match, filters, spec, options);
    }
    std::vector<std::pair<std::int64_t, double>> ids;
    if (ranked) {
      ids = ranked->ids;
      results.next = std::move(ranked->next);
    } else if (walked) {
      ids = std::move(walked->ids);
      results.next = std::move(walked->next);
    } else {
      SQLite::Statement& q = impl.statement(page_sql);
      int next = query::bind_values(q, source.values);
      next = query::bind_values(q, keyset.values, next);
      q.bind(next, static_cast<std::int64_t>(options.limit + 1));
      query::SqlValue last_key;
      while (q.executeStep()) {
        if (ids.size() == options.limit) {  // one more exists: this page ends at the previous row
          results.next = encode_cursor(spec, last_key, ids.back().first);
          break;
        }
        ids.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getDouble()});
        last_key = key_of(q.getColumn(2));
      }
      q.reset();
    }
    for (const auto& [id, score] : ids) {
      auto article = query::read_article(impl, id, options.with_body);
      if (!article) continue;  // deleted meanwhile
      SearchHit hit;
      hit.score = score;
      const std::vector<std::string>* marked =
          ranked ? &ranked->terms : (walked && !walked->terms.empty() ? &walked->terms : nullptr);
      if (marked != nullptr) {
        // Marked from the article's own text: a full-text query per hit costs more.
        SQLite::Statement& text = impl.statement(
            "SELECT title, excerpt, body_text, topics_text, provider_name FROM articles "
            "WHERE id = ?1");
        text.bind(1, id);
        if (text.executeStep()) {
          hit.snippet = search::snippet(
              impl.tokenizer(), search::indexed_columns(text, 0), *marked,
              {options.highlight_open, options.highlight_close, "...", snippet_words});
        }
        text.reset();
      } else if (source.ranked) {
        SQLite::Statement& snippet = impl.statement(
            "SELECT snippet(articles_fts, -1, ?1, ?2, '...', ?3) FROM articles_fts "
            "WHERE articles_fts MATCH ?4 AND rowid = ?5");
        snippet.bind(1, options.highlight_open);
        snippet.bind(2, options.highlight_close);
        snippet.bind(3, snippet_words);
        snippet.bind(4, source.match);
        snippet.bind(5, id);
        if (snippet.executeStep()) hit.snippet = snippet.getColumn(0).getString();
      } else if (article->excerpt) {
        hit.snippet = *article->excerpt;
      }
      hit.article = std::move(*article);
      results.hits.push_back(std::move(hit));
    }
    if (options.facets) {
      results.facets =
          source.ranked ? sampled_facets(impl, parsed, source.match, filters, options.facet_limit)
                        : facets_of(impl, source, options.facet_limit);
    }
    if (parsed) results.warnings = parsed->notes;
    if (results.hits.empty() && options.after.empty() && parsed) {
      results.suggestions = suggest_words(impl, *parsed);
    }
    return results;
  } catch (const SQLite::Exception& e) {
    if (options.syntax == QuerySyntax::kRaw && is_syntax_error(e)) {
      throw Error(ErrorCode::kQuerySyntax,
                  "invalid full-text query '" + std::string(text) + "': " + e.getErrorStr() +
                      (std::string(e.what()) != e.getErrorStr() ? std::string(" (") + e.what() + ")"
                                                                : std::string()));
    }
    throw store::translate(e, "search failed");
  }
}

}  // namespace

std::optional<Article> Database::article(std::int64_t id, bool with_body) const {
  return read_or_throw(*impl_, id, with_body);
}

std::optional<Article> Database::article_by_path(std::string_view path, bool with_body) const {
  Impl& impl = *impl_;
  return store::guarded("cannot find article by path", [&]() -> std::optional<Article> {
    std::vector<std::int64_t> ids;
    std::error_code error;
    const std::filesystem::path given(path);
    const std::filesystem::path on_disk = std::filesystem::weakly_canonical(given, error);
    if (given.is_absolute() || (!error && std::filesystem::exists(given, error))) {
      // A path on disk: find the root it is under.
      const std::string absolute = on_disk.string();
      SQLite::Statement& q = impl.statement(
          "SELECT a.id FROM articles AS a JOIN roots AS r ON r.id = a.root_id "
          "WHERE ?1 = r.path || '/' || a.path");
      q.bind(1, absolute);
      while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
    }
    if (ids.empty()) {
      std::string relative(path);
      while (relative.rfind("./", 0) == 0) relative.erase(0, 2);
      SQLite::Statement& q = impl.statement("SELECT id FROM articles WHERE path = ?1 ORDER BY id");
      q.bind(1, relative);
      while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
    }
    if (ids.empty()) return std::nullopt;
    if (ids.size() > 1) {
      throw Error(ErrorCode::kInvalidArgument,
                  "'" + std::string(path) + "' names " + std::to_string(ids.size()) +
                      " articles under different import roots; give the path on disk");
    }
    return query::read_article(impl, ids.front(), with_body);
  });
}

std::optional<Article> Database::article_by_url(std::string_view url, bool with_body) const {
  const auto canonical = normalize::canonical_url(url);
  if (!canonical) return std::nullopt;
  Impl& impl = *impl_;
  return store::guarded("cannot find article by URL", [&]() -> std::optional<Article> {
    SQLite::Statement& q = impl.statement("SELECT min(id) FROM articles WHERE canonical_url = ?1");
    auto find = [&q](const std::string& form) -> std::optional<std::int64_t> {
      q.reset();
      q.bind(1, form);
      std::optional<std::int64_t> id;
      if (q.executeStep() && !q.getColumn(0).isNull()) id = q.getColumn(0).getInt64();
      q.reset();
      return id;
    };
    // A final '/' is part of a URL (servers may answer the two forms differently), but a
    // lookup that finds nothing tries the other form: users copy URLs with or without it.
    std::optional<std::int64_t> id = find(*canonical);
    if (!id) {
      const std::string& url_text = *canonical;
      const std::size_t authority = url_text.find("://");
      const std::size_t path =
          authority == std::string::npos ? std::string::npos : url_text.find('/', authority + 3);
      const bool plain_path = path != std::string::npos &&
                              url_text.find_first_of("?#") == std::string::npos &&
                              path + 1 < url_text.size();  // not the root
      if (plain_path) {
        id =
            find(url_text.back() == '/' ? url_text.substr(0, url_text.size() - 1) : url_text + '/');
      }
    }
    if (!id) return std::nullopt;
    return query::read_article(impl, *id, with_body);
  });
}

ArticlePage Database::list(const ListOptions& options) const {
  check_limit(options.limit);
  check_filter_count(impl_->limits, options.filter, 0);
  // The snapshot ends after the budget: its COMMIT is not stopped by the budget's handler.
  const ReadSnapshot snapshot(*impl_->db);
  const WorkBudget budget(*impl_->db, impl_->limits.max_time);
  try {
    return list_page(*impl_, options);
  } catch (const Error&) {
    budget.rethrow_if_exceeded();
    throw;
  }
}

SearchResults Database::search(std::string_view text, const SearchOptions& options) const {
  check_limit(options.limit);
  check_filter_count(impl_->limits, options.filter, 0);
  // The snapshot ends after the budget: its COMMIT is not stopped by the budget's handler.
  const ReadSnapshot snapshot(*impl_->db);
  const WorkBudget budget(*impl_->db, impl_->limits.max_time);
  try {
    return search_page(*impl_, text, options);
  } catch (const Error&) {
    budget.rethrow_if_exceeded();
    throw;
  }
}

std::vector<UnknownFilterValue> Database::unknown_filter_values(const Filter& filter) const {
  Impl& impl = *impl_;
  normalize::TextNormalizer& text = impl.text();
  return store::guarded("cannot check the filter", [&] {
    std::vector<UnknownFilterValue> out;
    auto exists = [&](const std::string& sql, const std::vector<query::SqlValue>& values) {
      SQLite::Statement& q = impl.statement(sql);
      query::bind_values(q, values);
      const bool found = q.executeStep();
      q.reset();
      return found;
    };
    auto all = [&](const std::string& sql) {
      std::vector<std::pair<std::string, std::int64_t>> values;
      SQLite::Statement q(*impl.db, sql);
      while (q.executeStep()) {
        values.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getInt64());
      }
      return values;
    };
    auto lower = [](std::string value) {
      for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return value;
    };
    if (!filter.topics.empty()) {
      const auto slugs = all(
          "SELECT t.slug, count(*) FROM topics AS t JOIN article_topics AS l ON l.topic_id = t.id "
          "GROUP BY t.id");
      for (const std::string& topic : filter.topics) {
        if (exists("SELECT 1 FROM topics WHERE key = ?1 OR slug = ?2",
                   {text.fold_key(topic), lower(topic)})) {
          continue;
        }
        out.push_back({"topic", topic, nearest(text.slug(topic), slugs, 3, 3)});
      }
    }
    std::vector<std::pair<std::string, std::int64_t>> providers;  // read once, when needed
    for (const std::string& provider : filter.providers) {
      Filter one;
      one.providers = {provider};
      const query::Conditions c = query::filter_conditions(one, text);
      if (exists("SELECT 1 FROM articles AS a" + c.where() + " LIMIT 1", c.values)) continue;
      if (providers.empty()) {
        providers =
            all("SELECT coalesce(p.domain, p.name), count(*) FROM providers AS p JOIN articles "
                "AS a ON a.provider_id = p.id GROUP BY p.id");
      }
      out.push_back({"provider", provider, nearest(lower(provider), providers, 3, 3)});
    }
    query::Conditions in_collection;
    if (filter.collection) query::add_collection_condition(in_collection, *filter.collection);
    if (filter.collection &&
        !exists("SELECT 1 FROM articles AS a" + in_collection.where() + " LIMIT 1",
                in_collection.values)) {
      const auto collections =
          all("SELECT collection, count(*) FROM articles WHERE collection IS NOT NULL GROUP BY 1");
      std::string wanted = *filter.collection;
      if (!wanted.empty() && wanted.front() == '_') wanted.erase(0, 1);  // "_news": the folder
      std::vector<std::string> near = nearest(wanted, collections, 3, 3);
      if (wanted != *filter.collection &&
          std::any_of(collections.begin(), collections.end(),
                      [&](const auto& c) { return c.first == wanted; })) {
        near.insert(near.begin(), wanted);
      }
      out.push_back({"collection", *filter.collection, std::move(near)});
    }
    return out;
  });
}

std::vector<TopicCount> Database::topics() const {
  Impl& impl = *impl_;
  return store::guarded("cannot list topics", [&] {
    SQLite::Statement& q = impl.statement(
        "SELECT t.id, t.name, t.slug, count(l.article_id) AS n FROM topics AS t "
        "LEFT JOIN article_topics AS l ON l.topic_id = t.id GROUP BY t.id ORDER BY n DESC, t.name");
    std::vector<TopicCount> topics;
    while (q.executeStep()) {
      topics.push_back(
          {{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString()},
           q.getColumn(3).getInt64()});
    }
    return topics;
  });
}

std::vector<ProviderCount> Database::providers() const {
  Impl& impl = *impl_;
  return store::guarded("cannot list providers", [&] {
    SQLite::Statement& q = impl.statement(
        "SELECT p.id, p.name, coalesce(p.domain, p.platform), count(a.id) AS n FROM providers AS p "
        "LEFT JOIN articles AS a ON a.provider_id = p.id GROUP BY p.id ORDER BY n DESC, p.name");
    std::vector<ProviderCount> providers;
    while (q.executeStep()) {
      ProviderCount count;
      count.provider.id = q.getColumn(0).getInt64();
      count.provider.name = q.getColumn(1).getString();
      count.provider.domain = store::optional_text(q.getColumn(2));
      count.articles = q.getColumn(3).getInt64();
      providers.push_back(std::move(count));
    }
    q.reset();
    SQLite::Statement& logos = impl.statement(
        "SELECT url, width, height FROM provider_logos WHERE provider_id = ?1 ORDER BY url");
    for (ProviderCount& count : providers) {
      logos.reset();
      logos.bind(1, *count.provider.id);
      while (logos.executeStep()) {
        Image logo;
        logo.url = store::optional_text(logos.getColumn(0));
        logo.width = store::optional_int(logos.getColumn(1));
        logo.height = store::optional_int(logos.getColumn(2));
        count.provider.images.push_back(std::move(logo));
      }
    }
    return providers;
  });
}

}  // namespace articledb
