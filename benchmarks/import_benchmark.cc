// End to end: import N synthetic articles into a new database, and again unchanged.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <stdexcept>

#include "articledb/importer.h"
#include "synthetic.h"

namespace articledb::bench {
namespace {

std::filesystem::path make_temp_dir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "articledb-bench-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

// A folder of synthetic articles, removed when the program ends.
struct ArticleFolder {
  std::filesystem::path path;
  ~ArticleFolder() {
    std::error_code ignored;
    if (!path.empty()) std::filesystem::remove_all(path, ignored);
  }
};

// Files written once per size and reused.
const std::filesystem::path& articles(std::size_t count) {
  static std::map<std::size_t, ArticleFolder> folders;
  auto& folder = folders[count];
  if (folder.path.empty()) {
    folder.path = make_temp_dir();
    write_synthetic_articles(folder.path, count);
  }
  return folder.path;
}

void remove_database(const std::filesystem::path& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
}

// A cold import: every file is new.
void BM_ImportCold(benchmark::State& state) {
  const auto count = static_cast<std::size_t>(state.range(0));
  const auto& src = articles(count);
  const auto db_path = src.parent_path() / (src.filename().string() + ".db");
  for (auto _ : state) {
    state.PauseTiming();
    remove_database(db_path);
    state.ResumeTiming();
    Database db(db_path);
    const ImportSummary summary = Importer(db).run({src});
    if (summary.added != count) state.SkipWithError("not every article was added");
  }
  remove_database(db_path);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(count));
}
BENCHMARK(BM_ImportCold)->Arg(1'000)->Arg(10'000)->Unit(benchmark::kMillisecond)->UseRealTime();

// A second import of unchanged files: a stat per file.
void BM_ImportUnchanged(benchmark::State& state) {
  const auto count = static_cast<std::size_t>(state.range(0));
  const auto& src = articles(count);
  const auto db_path = src.parent_path() / (src.filename().string() + "-warm.db");
  remove_database(db_path);
  {
    Database db(db_path);
    Importer(db).run({src});
  }
  for (auto _ : state) {
    Database db(db_path);
    const ImportSummary summary = Importer(db).run({src});
    if (summary.unchanged != count) state.SkipWithError("files were not seen as unchanged");
  }
  remove_database(db_path);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(count));
}
BENCHMARK(BM_ImportUnchanged)->Arg(10'000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace articledb::bench
