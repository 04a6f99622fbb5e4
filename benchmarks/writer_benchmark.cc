// The writer alone: parsed articles fed from memory into a database, written as an import
// writes them (a savepoint per article, a transaction per batch), with the ranking statistics
// kept as it keeps them (per batch, or rebuilt at the end of a bulk import, on one thread).
//   BM_WriteArticles/0: into a new, empty database.
//   BM_WriteArticles/1: into a copy of the database named by $ARTICLEDB_BENCH_DB (e.g. one
//   holding a million articles); skipped when it is not set.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "articledb/importer.h"
#include "corpus.h"
#include "import/import_run.h"
#include "import/read_parse.h"
#include "record/article_parser.h"
#include "search/stats.h"
#include "store/article_writer.h"
#include "store/sqlite.h"

namespace articledb::bench {
namespace {

constexpr std::size_t kArticles = 20'000;
constexpr std::size_t kBatch = ImportOptions{}.batch_size;

struct Parsed {
  record::ParsedArticle article;
  std::string path;
  search::ArticleTerms terms;  // what the import's readers compute for the writer
};

// Parsed articles of the benchmark corpus (seed 7, so that they are not in a database made
// from the default seed), made once.
const std::vector<Parsed>& articles() {
  static const std::vector<Parsed> parsed = [] {
    std::vector<Parsed> out;
    const Corpus corpus(7);
    normalize::TextNormalizer text;
    search::Tokenizer tokenizer;
    for (std::size_t i = 0; i < kArticles; ++i) {
      const CorpusFile file = corpus.file(i);
      auto result = record::parse_article(
          file.text, file.path, record::body_format_for(file.path).value_or(BodyFormat::kText),
          text);
      if (result.outcome == record::ParseResult::Outcome::kArticle) {
        search::ArticleTerms terms = import::terms_of(result.parsed, tokenizer);
        out.push_back({std::move(result.parsed), "bench-writer/" + file.path, std::move(terms)});
      }
    }
    return out;
  }();
  return parsed;
}

std::filesystem::path temp_dir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "articledb-writer-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

// Writes every article, as the import's write stage does (with `bulk`, as it does when it
// adds many articles to a database holding fewer: see store::deferrable_indexes()).
void write_all(SQLite::Database& db, const std::vector<Parsed>& parsed, bool bulk) {
  search::StatsWriter stats(db);
  store::ArticleWriter writer(db, &stats);
  SQLite::Statement savepoint(db, "SAVEPOINT article");
  SQLite::Statement release(db, "RELEASE article");
  const std::int64_t root = [&] {
    db.exec("INSERT OR IGNORE INTO roots(path) VALUES ('/bench')");
    return db.execAndGet("SELECT id FROM roots WHERE path = '/bench'").getInt64();
  }();
  auto transaction = std::make_unique<store::WriteTransaction>(db);
  if (bulk) {
    store::drop_deferrable_indexes(db);
    if (stats.active()) stats.invalidate();
  }
  writer.begin_session();
  std::size_t in_batch = 0;
  for (const Parsed& p : parsed) {
    savepoint.reset();
    savepoint.exec();
    store::FileFacts facts;
    facts.size = 1000;
    facts.mtime_ns = 1;
    facts.content_hash = "0123456789abcdef0123456789abcdef";
    writer.insert(p.article, {root, p.path, import::collection_of(p.path)}, facts, std::nullopt,
                  "2026-01-01T00:00:00Z", stats.active() ? p.terms : search::ArticleTerms{});
    release.reset();
    release.exec();
    if (++in_batch == kBatch) {
      writer.end_session();
      transaction->commit();
      transaction = std::make_unique<store::WriteTransaction>(db);
      writer.begin_session();
      in_batch = 0;
    }
  }
  writer.end_session();
  if (bulk) store::ensure_deferrable_indexes(db);
  if (!search::read_state(db).valid) search::rebuild_stats(db, 1);
  transaction->commit();
}

void BM_WriteArticles(benchmark::State& state) {
  const auto& parsed = articles();
  const std::filesystem::path dir = temp_dir();
  const std::filesystem::path db_path = dir / "w.db";
  const char* big = std::getenv("ARTICLEDB_BENCH_DB");
  if (state.range(0) == 1 && (big == nullptr || *big == '\0')) {
    state.SkipWithError("set ARTICLEDB_BENCH_DB to a database to write into");
    return;
  }
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(db_path.string() + suffix);
    if (state.range(0) == 1) std::filesystem::copy_file(big, db_path);
    auto db = store::open_connection(db_path, {});
    state.ResumeTiming();
    write_all(*db, parsed, state.range(0) == 0);
  }
  std::filesystem::remove_all(dir);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(parsed.size()));
}
BENCHMARK(BM_WriteArticles)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace articledb::bench
