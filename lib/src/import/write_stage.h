// Third stage of an import, on the calling thread: apply each file's result to the database,
// in file order. Each article is written whole or not at all (a savepoint per file), in
// transactions of many files; the stage also moves, prunes and remembers rejected files.
#ifndef ARTICLEDB_IMPORT_WRITE_STAGE_H_
#define ARTICLEDB_IMPORT_WRITE_STAGE_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "import/plan.h"
#include "import/read_parse.h"
#include "import/run_log.h"
#include "search/stats.h"
#include "store/article_writer.h"
#include "store/sqlite.h"

namespace articledb::import {

/// Decides whether the run is a bulk import (many new articles for the database's size): then
/// it drops the deferrable indexes, to build them at its end; else it builds any that an
/// earlier bulk import left missing. Call in the run's first transaction, before the
/// WriteStage exists. Returns whether the run is a bulk import.
bool prepare_indexes(SQLite::Database& db, const Plan& plan, const ImportOptions& options);

class WriteStage {
 public:
  /// Continues `transaction`, the run's first (a dry run rolls it back at the end). `bulk`:
  /// what prepare_indexes() said.
  WriteStage(SQLite::Database& db, const Plan& plan, const ImportOptions& options,
             const source::FileSystem& files, RunLog& log,
             std::unique_ptr<store::WriteTransaction> transaction, bool bulk);
  WriteStage(const WriteStage&) = delete;
  WriteStage& operator=(const WriteStage&) = delete;

  /// Whether articles' terms are needed (the ranking statistics are kept as articles are
  /// written, not rebuilt at the end).
  bool wants_terms() const { return stats_.active(); }

  /// Content hashes of the articles whose file is gone, for the readers: a new file with one
  /// of them is that article, moved. Call before the files are read.
  const std::unordered_set<std::string>& index_missing();

  /// Applies the result of plan.to_read[index]; commits when the batch is full.
  void write(std::size_t index, WorkResult&& result, const ReadParseStage& reader);

  /// Prunes or counts the articles whose file is gone, forgets rejections of gone files,
  /// deletes orphaned topics and providers, writes the log, and commits (a dry run rolls
  /// back). Then confirms files read too close to their modification time.
  void finish();

 private:
  enum class Change { kAdded, kUpdated, kMoved };
  struct RacyFile {
    std::int64_t id;
    std::string absolute;
    store::FileFacts facts;
  };

  // An article written in the current transaction, until it is committed.
  struct Written {
    std::int64_t id;
    std::size_t index;  // in plan.to_read
    Change change;
  };

  void count_write(Change change, std::int64_t id, std::size_t index, const WorkResult& result);
  void end_session();
  void keep_wal_short();
  void refused(const WorkItem& item, const std::string& reason);
  void note_racy(std::int64_t id, const WorkItem& item, const WorkResult& result);
  std::optional<std::int64_t> take_moved(const std::string& hash);
  void remember_rejected(const WorkItem& item, const WorkResult& result, const Problem& reason);
  void forget_rejected(std::int64_t root_id, const std::string& path);
  void maybe_commit();
  void reverify_racy_files();

  SQLite::Database& db_;
  const Plan& plan_;
  const ImportOptions& options_;
  const source::FileSystem& files_;
  RunLog& log_;
  search::StatsWriter stats_;
  store::ArticleWriter writer_;
  std::unique_ptr<store::WriteTransaction> transaction_;
  store::WalWatch wal_;  // the log is checkpointed by keep_wal_short() alone
  SQLite::Statement upsert_rejected_;
  SQLite::Statement delete_rejected_;
  // Articles whose file is gone: by content hash, each with whether a file took it over.
  std::unordered_multimap<std::string, std::int64_t> missing_by_hash_;
  std::unordered_set<std::int64_t> moved_away_;
  std::unordered_set<std::string> missing_hashes_;
  std::unique_ptr<WorkerTools> tools_;  // made when the writer must parse
  std::vector<RacyFile> racy_;
  std::vector<Written> written_;
  std::uint64_t writes_since_commit_ = 0;
  std::uint64_t batch_bytes_ = 0;   // file bytes of the articles in the current batch
  std::uint64_t staged_bytes_ = 0;  // ... of those not yet written out of the staging tables
  std::chrono::steady_clock::time_point last_commit_;
  bool bulk_;  // many new articles: deferrable indexes dropped until the end
};

}  // namespace articledb::import

#endif  // ARTICLEDB_IMPORT_WRITE_STAGE_H_
