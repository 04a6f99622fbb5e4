// Top-k ranking by bm25 that stops early: reads the heads of the query's terms (their best
// postings first), scores exactly the articles found there, and stops as soon as bounds on
// everything not yet read prove that nothing else can enter the top k. The result is the
// same as ordering every match by bm25(articles_fts, 10, 4, 1, 2, 2), scores included.
// Articles found in some heads only are scored from their text, best bound first; with
// filters, only those the filters keep. When the bounds do not settle within a budget (set
// by the number of matches expected, so that it costs about what ranking them all would),
// it says so and the caller ranks every match (rank_all()), which is exact too and cheap
// when the matches are few.
#ifndef ARTICLEDB_SEARCH_RANKER_H_
#define ARTICLEDB_SEARCH_RANKER_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "search/bm25.h"
#include "search/heads.h"
#include "search/stats.h"
#include "search/tokenizer.h"

namespace articledb::search {

struct ScoredId {
  std::int64_t id = 0;
  double score = 0;  ///< as bm25() gives it: negative, lower is better
};

/// Orders hits as `ORDER BY bm25(...), id` does: lower score first, then lower id.
inline bool ranks_before(const ScoredId& a, const ScoredId& b) {
  return a.score != b.score ? a.score < b.score : a.id < b.id;
}

/// What a ranking needs besides the terms.
struct RankRequest {
  /// The query's phrases in MATCH order, each a single token of the index (a token may come
  /// twice: it then counts twice, as in FTS5).
  std::vector<std::string> terms;
  std::size_t limit = 20;
  /// Only hits ranking after this one (keyset paging).
  std::optional<ScoredId> after;
  /// Keeps, of the given articles (all matching every term), those the query's filters and
  /// excluded words allow. Null: all.
  std::function<std::vector<std::int64_t>(const std::vector<std::int64_t>&)> accept;
  /// Give up (nullopt) as soon as the filters have kept fewer than one in kFewKeptOf of the
  /// articles asked about, once `give_up_after` have been: the caller has a cheaper way to
  /// rank the few articles they keep.
  bool give_up_when_few_kept = false;
  std::size_t give_up_after = 8192;
  /// With give_up_when_few_kept: asked after each question to the filters; true gives up at
  /// once (the caller has found that its cheaper way applies). Null: never.
  std::function<bool()> give_up_now;
};

inline constexpr std::size_t kFewKeptOf = 10;

/// Memory that the rankings of one connection reuse (one at a time): at a million articles a
/// search's heads and their bits take megabytes, which allocated afresh would cost the
/// system zeroing new pages at every search. Holds at most kMaxBytes between searches.
struct RankScratch {
  static constexpr std::size_t kMaxBytes = std::size_t{32} << 20;
  std::vector<std::vector<Posting>> heads;  ///< spare, each empty
  std::vector<HeadBits> bits;
  /// Releases it all if it holds more than kMaxBytes.
  void trim();
};

/// Document frequency of `term`, from the statistics (0 when absent).
std::int64_t document_frequency(SQLite::Database& db, const std::string& term);

/// Whether the statistics can be used for ranking: valid and with no pending change.
bool stats_usable(SQLite::Database& db);

/// The top hits from the heads, or nullopt when the heads cannot settle them (a term without
/// a head, or bounds still open after the budget). Requires stats_usable().
std::optional<std::vector<ScoredId>> rank_from_heads(SQLite::Database& db, Tokenizer& tokenizer,
                                                     const RankRequest& request,
                                                     RankScratch& scratch);

/// The top hits among `ids` (articles a filter keeps, few of them: each is read and scored
/// from its text, about 12 us at 1M articles), those that match every term and that
/// `request.accept` keeps. Requires stats_usable(); exact.
std::vector<ScoredId> rank_among(SQLite::Database& db, Tokenizer& tokenizer,
                                 const RankRequest& request, const std::vector<std::int64_t>& ids);

/// The top hits by scoring every row of `rows`, a statement whose columns are the rowid and
/// `articledb_row_stats(articles_fts)` of articles matching every term of the query (in the
/// same order; phrases the statement's MATCH adds after them, to narrow the rows, are not
/// scored). Those that `request.accept` keeps, when set (null when `rows` applies the
/// query's filters and excluded words itself). Requires stats_usable(); exact.
std::vector<ScoredId> rank_all(SQLite::Database& db, SQLite::Statement& rows,
                               const RankRequest& request);
/// The same, for a statement prepared with SQLite's own API (to bind a pointer to it).
std::vector<ScoredId> rank_all(SQLite::Database& db, sqlite3_stmt* rows,
                               const RankRequest& request);

}  // namespace articledb::search

#endif  // ARTICLEDB_SEARCH_RANKER_H_
