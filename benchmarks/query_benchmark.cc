// Reading: an article by id, a page of a listing, searches by relevance and by time.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>

#include "articledb/database.h"
#include "articledb/importer.h"
#include "synthetic.h"

namespace articledb::bench {
namespace {

// A database of 10,000 synthetic articles, built once and removed at exit.
class QueryFixture {
 public:
  static QueryFixture& get() {
    static QueryFixture fixture;
    return fixture;
  }
  const Database& db() const { return *db_; }
  ~QueryFixture() {
    db_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

 private:
  QueryFixture() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "articledb-query-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    write_synthetic_articles(dir_ / "src", 10'000);
    {
      Database writer(dir_ / "q.db");
      Importer(writer).run({dir_ / "src"});
    }
    OpenOptions read_only;
    read_only.mode = OpenMode::kReadOnly;
    db_ = std::make_unique<Database>(dir_ / "q.db", read_only);
  }
  std::filesystem::path dir_;
  std::unique_ptr<Database> db_;
};

void BM_ArticleById(benchmark::State& state) {
  const Database& db = QueryFixture::get().db();
  std::int64_t id = 1;
  for (auto _ : state) {
    benchmark::DoNotOptimize(db.article(id, false));
    id = id % 10'000 + 1;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ArticleById);

void BM_ListNewestPage(benchmark::State& state) {
  const Database& db = QueryFixture::get().db();
  ListOptions options;
  options.limit = 20;
  for (auto _ : state) benchmark::DoNotOptimize(db.list(options));
}
BENCHMARK(BM_ListNewestPage)->Unit(benchmark::kMicrosecond);

// Arg 0: a word in about a third of the articles ("model"); 1: in one article (its number).
void BM_SearchRelevance(benchmark::State& state) {
  const Database& db = QueryFixture::get().db();
  const char* query = state.range(0) == 0 ? "model" : "4321";
  for (auto _ : state) benchmark::DoNotOptimize(db.search(query));
}
BENCHMARK(BM_SearchRelevance)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_SearchNewest(benchmark::State& state) {
  const Database& db = QueryFixture::get().db();
  SearchOptions options;
  options.sort = Sort::kNewest;
  for (auto _ : state) benchmark::DoNotOptimize(db.search("model", options));
}
BENCHMARK(BM_SearchNewest)->Unit(benchmark::kMicrosecond);

void BM_SearchWithFacets(benchmark::State& state) {
  const Database& db = QueryFixture::get().db();
  SearchOptions options;
  options.facets = true;
  for (auto _ : state) benchmark::DoNotOptimize(db.search("model", options));
}
BENCHMARK(BM_SearchWithFacets)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace articledb::bench
