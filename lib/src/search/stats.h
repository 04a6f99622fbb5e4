// The ranking statistics beside the full-text index (schema/0003_search_statistics.sql):
// document frequency of every term, and heads of frequent terms. Written in the importer's
// transactions; rebuilt from the articles when they are missing or out of date.
#ifndef ARTICLEDB_SEARCH_STATS_H_
#define ARTICLEDB_SEARCH_STATS_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <future>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "search/article_terms.h"
#include "search/heads.h"

namespace articledb::search {

/// What search_state says.
struct StatsState {
  bool valid = false;           ///< the statistics match the index (no pending change)
  std::int64_t next_chunk = 1;  ///< number of the next head chunk
  double reference_length = 0;  ///< the average length heads are ordered with
  std::int64_t head_rule = 0;   ///< the rule the heads were built by (kHeadRule); 0: unknown
};

StatsState read_state(SQLite::Database& db);

/// The index's totals: rows and tokens, from FTS5's own record of them.
IndexTotals read_totals(SQLite::Database& db);

/// Keeps the statistics right while an import writes, inside its transactions. Used by one
/// thread; call flush() before each commit.
class StatsWriter {
 public:
  explicit StatsWriter(SQLite::Database& db);
  StatsWriter(const StatsWriter&) = delete;
  StatsWriter& operator=(const StatsWriter&) = delete;

  /// Whether there are statistics to keep: not when they are invalid (they are rebuilt).
  bool active() const { return state_.valid; }

  /// A version of article `id` now in the index...
  void add(std::int64_t id, const ArticleTerms& terms);
  /// ... and one gone from it.
  void remove(std::int64_t id, const ArticleTerms& terms);

  /// Writes what add() and remove() gathered.
  void flush();

  /// Marks the statistics out of date (a bulk import rebuilds them at its end).
  void invalidate();

 private:
  /// The head cut of each term that has a head.
  const std::unordered_map<std::string, double>& cuts();

  SQLite::Database& db_;
  StatsState state_;
  std::optional<std::unordered_map<std::string, double>> cuts_;  // read at the first add()
  std::unordered_map<std::string, std::int64_t> df_delta_;
  std::unordered_map<std::string, std::vector<Posting>> head_add_;
  std::vector<std::int64_t> dead_;
};

/// Rebuilds every statistic from the articles' indexed text, in the caller's transaction, and
/// marks them valid. Folds in (and clears) search_pending. With `jobs` > 1 and a database
/// file in WAL mode, reads the articles on that many threads, the extra ones through
/// connections of their own: the caller's transaction must not have changed the articles.
void rebuild_stats(SQLite::Database& db, unsigned jobs = 1);

/// How many articles hold each term, as the full-text index says.
using DocumentFrequencies = std::unordered_map<std::string, std::int64_t>;
/// The first part of rebuild_stats(), which only reads the full-text index. Where
/// rebuild_stats() would read on several threads, it starts on a thread of its own, through a
/// connection of its own, and sees what was last committed: the caller may meanwhile write
/// in its transaction what the counts do not depend on (other tables' indexes). Otherwise it
/// runs in get(), on the caller's connection.
std::future<DocumentFrequencies> document_frequencies(SQLite::Database& db, unsigned jobs);
/// rebuild_stats(), with the counts of document_frequencies(), which no write to the full-text
/// index may have followed.
void rebuild_stats(SQLite::Database& db, unsigned jobs, std::future<DocumentFrequencies> counts);

/// Folds the articles of search_pending (changed outside an import) into valid statistics,
/// in the caller's transaction. When there are many, marks the statistics invalid instead,
/// for the caller to rebuild them.
void apply_pending(SQLite::Database& db);

/// Merges the head chunks of terms that have many into one, dropping postings of dead
/// articles, in the caller's transaction.
void compact_heads(SQLite::Database& db);

}  // namespace articledb::search

#endif  // ARTICLEDB_SEARCH_STATS_H_
