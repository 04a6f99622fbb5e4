// libFuzzer target: the search-query translator and cursors, through the public API on a
// small database. Plain queries never fail; raw queries fail only with kQuerySyntax or
// kQueryTooComplex; a forged cursor only with kInvalidArgument.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "articledb/database.h"
#include "articledb/error.h"
#include "articledb/importer.h"

namespace {

// The bundled example articles, imported once, so that queries have something to match.
articledb::Database& database() {
  static articledb::Database db = [] {
    articledb::Database fresh(":memory:");
    articledb::Importer(fresh).run({ARTICLEDB_EXAMPLES});
    return fresh;
  }();
  return db;
}

// An error a call may not give: say which, and stop.
void expect(bool ok, const articledb::Error& e) {
  if (ok) return;
  std::fprintf(stderr, "unexpected error %s: %s\n",
               std::string(articledb::to_string(e.code())).c_str(), e.what());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  articledb::Database& db = database();
  using articledb::ErrorCode;
  try {
    articledb::SearchOptions options;
    options.facets = size % 2 == 0;
    (void)db.search(input, options);
  } catch (const articledb::Error& e) {
    expect(e.code() == ErrorCode::kQueryTooComplex, e);
  }
  try {
    articledb::SearchOptions raw;
    raw.syntax = articledb::QuerySyntax::kRaw;
    (void)db.search(input, raw);
  } catch (const articledb::Error& e) {
    expect(e.code() == ErrorCode::kQuerySyntax || e.code() == ErrorCode::kQueryTooComplex, e);
  }
  for (const articledb::Sort sort : {articledb::Sort::kNewest, articledb::Sort::kHeat}) {
    try {
      articledb::ListOptions list;
      list.sort = sort;
      list.after = input;
      (void)db.list(list);
    } catch (const articledb::Error& e) {
      expect(e.code() == ErrorCode::kInvalidArgument, e);
    }
  }
  return 0;
}
