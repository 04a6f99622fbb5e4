// articledb's own FTS5 auxiliary function, registered on each connection the library opens
// (the index and the shell need nothing of it): what bm25 needs of a matching row, without
// the cost of bm25() itself, which counts every match of every phrase once per query.
#ifndef ARTICLEDB_SEARCH_FTS_H_
#define ARTICLEDB_SEARCH_FTS_H_

#include <sqlite3.h>

namespace articledb::search {

/// The FTS5 API of a connection (SQLite's documented "SELECT fts5(?)" handshake), or null
/// when this SQLite has no FTS5.
fts5_api* fts5_api_of(sqlite3* db);

/// Registers `articledb_row_stats(articles_fts)`: a BLOB of doubles, the row's length in
/// tokens (all columns) then, for each phrase of the query in order, its weighted frequency
/// in the row (the sum of the column weights of its instances). Returns an SQLite code.
int register_fts_functions(sqlite3* db);

}  // namespace articledb::search

#endif  // ARTICLEDB_SEARCH_FTS_H_
