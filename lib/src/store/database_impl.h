// What a Database holds; shared by the parts of the library that use its connection.
#ifndef ARTICLEDB_STORE_DATABASE_IMPL_H_
#define ARTICLEDB_STORE_DATABASE_IMPL_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "articledb/database.h"
#include "normalize/text.h"
#include "query/filter_lists.h"
#include "search/ranker.h"
#include "search/tokenizer.h"

namespace articledb {

struct Database::Impl {
  std::filesystem::path path;
  OpenMode mode = OpenMode::kReadWrite;
  std::chrono::milliseconds busy_timeout{0};
  QueryLimits limits;
  std::unique_ptr<SQLite::Database> db;

  /// A prepared statement for `sql`, kept for reuse; reset and without bindings.
  SQLite::Statement& statement(const std::string& sql) {
    auto& slot = statements[sql];
    if (!slot) slot = std::make_unique<SQLite::Statement>(*db, sql);
    // tryReset: reset() would throw the error of the statement's last run (a raw query's
    // syntax error, a query stopped by its budget) into the next, unrelated call.
    slot->tryReset();
    slot->clearBindings();
    return *slot;
  }

  /// Whether the database has the index articles_facets (it can be dropped by hand), once
  /// looked up.
  std::optional<bool> facets_index;

  /// ICU state for folding query values, made on first use.
  normalize::TextNormalizer& text() {
    if (!normalizer) normalizer = std::make_unique<normalize::TextNormalizer>();
    return *normalizer;
  }

  /// Articles of filters on topics or providers, kept between this connection's searches.
  query::FilterLists filter_lists;

  /// Memory the searches of this connection reuse.
  search::RankScratch rank_scratch;

  /// The full-text index's tokenizer, made on first use.
  search::Tokenizer& tokenizer() {
    if (!tokens) tokens = std::make_unique<search::Tokenizer>();
    return *tokens;
  }

 private:
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements;
  std::unique_ptr<normalize::TextNormalizer> normalizer;
  std::unique_ptr<search::Tokenizer> tokens;
};

}  // namespace articledb

#endif  // ARTICLEDB_STORE_DATABASE_IMPL_H_
