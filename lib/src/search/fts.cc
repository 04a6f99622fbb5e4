#include "search/fts.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "search/bm25.h"

namespace articledb::search {

fts5_api* fts5_api_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK) {
    return nullptr;
  }
  sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(statement);
  sqlite3_finalize(statement);
  return api;
}

namespace {

void row_stats(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int,
               sqlite3_value**) {
  const int phrases = api->xPhraseCount(fts);
  std::vector<double> out(static_cast<std::size_t>(phrases) + 1, 0.0);
  int length = 0;
  int rc = api->xColumnSize(fts, -1, &length);
  out[0] = length;
  int instances = 0;
  if (rc == SQLITE_OK) rc = api->xInstCount(fts, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0;
    int column = 0;
    int offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK && column >= 0 && column < static_cast<int>(kColumnWeights.size())) {
      out[static_cast<std::size_t>(phrase) + 1] += kColumnWeights[static_cast<std::size_t>(column)];
    }
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(context, rc);
    return;
  }
  sqlite3_result_blob(context, out.data(), static_cast<int>(out.size() * sizeof(double)),
                      SQLITE_TRANSIENT);
}

void among(sqlite3_context* context, int, sqlite3_value** argv) {
  const auto* ids = static_cast<const std::vector<std::int64_t>*>(
      sqlite3_value_pointer(argv[0], kIdsPointerType));
  if (ids == nullptr) {
    sqlite3_result_error(context, "articledb_among() takes a list bound by the library", -1);
    return;
  }
  sqlite3_result_int(context,
                     std::binary_search(ids->begin(), ids->end(), sqlite3_value_int64(argv[1])));
}

}  // namespace

int register_fts_functions(sqlite3* db) {
  fts5_api* api = fts5_api_of(db);
  if (api == nullptr) return SQLITE_ERROR;
  const int rc = api->xCreateFunction(api, "articledb_row_stats", nullptr, row_stats, nullptr);
  if (rc != SQLITE_OK) return rc;
  return sqlite3_create_function_v2(db, "articledb_among", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                    nullptr, among, nullptr, nullptr, nullptr);
}

void bind_ids(sqlite3_stmt* statement, int index, const std::vector<std::int64_t>& ids) {
  sqlite3_bind_pointer(statement, index, const_cast<void*>(static_cast<const void*>(&ids)),
                       kIdsPointerType, nullptr);
}

RawStatement prepare_raw(SQLite::Database& db, const char* sql) {
  sqlite3_stmt* prepared = nullptr;
  const int rc = sqlite3_prepare_v2(db.getHandle(), sql, -1, &prepared, nullptr);
  RawStatement statement(prepared, sqlite3_finalize);
  if (rc != SQLITE_OK) throw SQLite::Exception(db.getHandle(), rc);
  return statement;
}

RawStatement matches_among(SQLite::Database& db, const std::string& match,
                           const std::vector<std::int64_t>& ids) {
  RawStatement rows =
      prepare_raw(db,
                  "SELECT rowid, articledb_row_stats(articles_fts) FROM articles_fts "
                  "WHERE articles_fts MATCH ?1 AND articledb_among(?2, rowid)");
  sqlite3_bind_text(rows.get(), 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
  bind_ids(rows.get(), 2, ids);
  return rows;
}

}  // namespace articledb::search
