#include "import/import_run.h"

#include <algorithm>
#include <future>
#include <memory>
#include <thread>

#include "import/plan.h"
#include "import/read_parse.h"
#include "import/run_log.h"
#include "import/write_stage.h"
#include "search/heads.h"
#include "search/stats.h"
#include "store/database_impl.h"
#include "store/import_lock.h"
#include "store/sqlite.h"
#include "util/ordered_parallel.h"
#include "util/release_queue.h"

namespace articledb::import {
namespace fs = std::filesystem;
namespace {

// What parsed files may hold in memory between the readers and the writer.
constexpr std::size_t kLookaheadBytes = 64u << 20;

// After the run's last commit: the indexes a bulk import dropped, and the ranking statistics
// when they must be rebuilt (out of date, or heads built by an older rule), in a transaction
// of their own (if the process dies first, the next import does it), with the sorts of index
// builds spilling to a temporary file.
void finalize(SQLite::Database& db, unsigned jobs) {
  const bool indexes = store::deferrable_indexes_missing(db);
  const search::StatsState state = search::read_state(db);
  const bool stats = !state.valid || state.head_rule < search::kHeadRule;
  if (indexes || stats) {
    db.exec("PRAGMA temp_store = FILE");  // outside a transaction only
    try {
      store::WriteTransaction transaction(db);
      // The terms are counted from what is committed while the indexes are built.
      std::future<search::DocumentFrequencies> counts;
      if (stats) counts = search::document_frequencies(db, jobs);
      store::ensure_deferrable_indexes(db);
      if (stats) search::rebuild_stats(db, jobs, std::move(counts));
      transaction.commit();
    } catch (...) {
      db.exec("PRAGMA temp_store = MEMORY");
      throw;
    }
    db.exec("PRAGMA temp_store = MEMORY");
  } else {
    store::WriteTransaction transaction(db);
    search::compact_heads(db);
    transaction.commit();
  }
}

// The stages of a run: plan (walk and compare), read and parse (in parallel), write (in file
// order), bookkeeping throughout.
ImportSummary run_stages(SQLite::Database& db, const std::vector<fs::path>& roots,
                         const ImportOptions& options, const source::FileSystem& files) {
  RunLog log(db, options, files);
  std::vector<Target> targets = resolve_targets(roots);
  std::vector<std::string> absolute;
  for (const Target& target : targets) absolute.push_back(target.absolute);
  log.start(absolute);
  try {
    // The stages, in a scope of their own: their memory (the plan above all) is given back
    // before the run is finalized.
    const unsigned jobs =
        options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    [&] {
      auto transaction = std::make_unique<store::WriteTransaction>(db);
      const Plan plan = make_plan(db, std::move(targets), options, files, log);
      if (!options.dry_run) search::apply_pending(db);  // changes made in the shell
      const bool bulk = prepare_indexes(db, plan, options);
      WriteStage writer(db, plan, options, files, log, std::move(transaction), bulk);
      const ReadParseStage reader(plan, options, files, writer.index_missing(),
                                  !options.dry_run && writer.wants_terms());
      log.report_progress(true);

      std::vector<std::unique_ptr<WorkerTools>> tools(jobs);
      // Enough results ahead of the writer that the readers keep busy while it commits a
      // batch, within a memory budget.
      const util::Lookahead ahead{static_cast<std::size_t>(jobs) * 1024, kLookaheadBytes};
      // The parsed files the writer is done with are freed by the readers: the writer's
      // thread is the one that limits the run.
      util::ReleaseQueue<WorkResult> written;
      util::ordered_parallel<WorkResult>(
          plan.to_read.size(), jobs, ahead,
          [&](std::size_t index, unsigned worker) {
            if (!tools[worker]) tools[worker] = std::make_unique<WorkerTools>();
            written.release();
            return reader.run(index, *tools[worker]);
          },
          [&](std::size_t index, WorkResult&& result) {
            writer.write(index, std::move(result), reader);
            written.put(std::move(result));
            log.add_done();
            log.report_progress(false);
          },
          [](const WorkResult& result) { return result.bytes(); });
      writer.finish();
    }();
    if (!options.dry_run) {
      finalize(db, jobs);
      store::keep_wal_short(db, store::kWalSoftLimit, std::chrono::milliseconds(250));
    }
    log.summary().seconds = log.elapsed_seconds();
    log.report_progress(true);
    return std::move(log.summary());
  } catch (const Error& e) {
    log.fail(e.what());
    throw;
  } catch (const SQLite::Exception& e) {
    Error error = store::translate(e, "import failed");
    log.fail(error.what());
    throw error;
  }
}

}  // namespace

std::optional<std::string> collection_of(std::string_view path) {
  std::optional<std::string> first;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) break;  // the rest is the file name
    const std::string_view folder = path.substr(start, slash - start);
    if (folder.size() > 1 && folder[0] == '_') return std::string(folder.substr(1));
    if (!first && !folder.empty()) first = std::string(folder);
    start = slash + 1;
  }
  return first;
}

ImportSummary run_import(Database& database, const std::vector<fs::path>& roots,
                         const ImportOptions& options, const source::FileSystem& files) {
  if (database.mode() != OpenMode::kReadWrite) {
    throw Error(ErrorCode::kReadOnly,
                "cannot import into '" + database.path().string() + "': it was opened read-only");
  }
  const store::ImportLock lock(database.path(), database.impl().busy_timeout);
  SQLite::Database& db = *database.impl().db;
  return store::guarded("import failed", [&] {
    const int cache_size = store::tune_for_bulk_writes(db);
    struct Restore {
      SQLite::Database& db;
      int cache_size;
      ~Restore() {
        try {
          store::restore_after_bulk_writes(db, cache_size);
        } catch (const SQLite::Exception&) {
          // Only a cache size: the connection works either way.
        }
      }
    } restore{db, cache_size};
    return run_stages(db, roots, options, files);
  });
}

}  // namespace articledb::import
