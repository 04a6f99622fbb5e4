// articledb's own SQL functions, registered on each connection the library opens (the index
// and the shell need nothing of them): an FTS5 auxiliary function, what bm25 needs of a
// matching row without the cost of bm25() itself, which counts every match of every phrase
// once per query; and a test of a rowid against a list of ids the library binds.
#ifndef ARTICLEDB_SEARCH_FTS_H_
#define ARTICLEDB_SEARCH_FTS_H_

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
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

/// A statement prepared with SQLite's own API (SQLiteCpp keeps its handle private, and
/// binding a pointer needs it), finalized with its owner.
using RawStatement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;
/// Throws SQLite::Exception when `sql` does not prepare.
RawStatement prepare_raw(SQLite::Database& db, const char* sql);

/// The rowid and articledb_row_stats() of the articles that match `match` (an FTS5 query)
/// and are in `ids` (sorted; it must outlive the statement), for rank_all().
RawStatement matches_among(SQLite::Database& db, const std::string& match,
                           const std::vector<std::int64_t>& ids);

}  // namespace articledb::search

#endif  // ARTICLEDB_SEARCH_FTS_H_
