// articledb's own SQL functions, registered on each connection the library opens (the index
// and the shell need nothing of them): an FTS5 auxiliary function, what bm25 needs of a
// matching row without the cost of bm25() itself, which counts every match of every phrase
// once per query; and a test of a rowid against a list of ids the library binds.
#ifndef ARTICLEDB_SEARCH_FTS_H_
#define ARTICLEDB_SEARCH_FTS_H_

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <cstdint>
#include <vector>

namespace articledb::search {

/// The FTS5 API of a connection (SQLite's documented "SELECT fts5(?)" handshake), or null
/// when this SQLite has no FTS5.
fts5_api* fts5_api_of(sqlite3* db);

/// Registers `articledb_row_stats(articles_fts)`: a BLOB of doubles, the row's length in
/// tokens (all columns) then, for each phrase of the query in order, its weighted frequency
/// in the row (the sum of the column weights of its instances). And
/// `articledb_among(?, id)`: whether `id` is in the sorted list bound with bind_ids() (the
/// list cannot be made in SQL). Returns an SQLite code.
int register_fts_functions(sqlite3* db);

/// Binds `ids` (sorted; it must outlive the statement's use of it: clear the binding after)
/// as parameter `index` of `statement`, for articledb_among().
void bind_ids(sqlite3_stmt* statement, int index, const std::vector<std::int64_t>& ids);

inline constexpr const char* kIdsPointerType = "articledb_ids";

/// A statement prepared with SQLite's own API, finalized with its owner.
class PreparedStatement {
 public:
  /// Throws SQLite::Exception when `sql` does not prepare.
  PreparedStatement(SQLite::Database& db, const char* sql);
  ~PreparedStatement() { sqlite3_finalize(statement_); }
  PreparedStatement(const PreparedStatement&) = delete;
  PreparedStatement& operator=(const PreparedStatement&) = delete;
  sqlite3_stmt* get() const { return statement_; }

 private:
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace articledb::search

#endif  // ARTICLEDB_SEARCH_FTS_H_
