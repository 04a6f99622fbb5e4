// Bookkeeping of an import run: its summary, its problems, progress reports, and its rows in
// the import log tables (import_runs, import_problems) that the shell can read.
#ifndef ARTICLEDB_IMPORT_RUN_LOG_H_
#define ARTICLEDB_IMPORT_RUN_LOG_H_

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "articledb/importer.h"
#include "source/file_system.h"

namespace articledb::import {

/// Problems kept in ImportSummary::problems; the observer and the import log get them all.
inline constexpr std::size_t kMaxProblemsKept = 10'000;

class RunLog {
 public:
  RunLog(SQLite::Database& db, const ImportOptions& options, const source::FileSystem& files);
  RunLog(const RunLog&) = delete;
  RunLog& operator=(const RunLog&) = delete;

  ImportSummary& summary() { return summary_; }
  /// The run's start time as stored ("2022-09-13T20:38:00Z"): the articles' imported_at.
  const std::string& started_at() const { return started_at_; }

  /// Records the run as running (not for a dry run), in a transaction of its own. Runs left
  /// 'running' by a process that died are marked failed first: the caller holds the import
  /// lock, so no other run is alive.
  void start(const std::vector<std::string>& roots);

  /// A problem with one file; `absolute` is its path on disk, for the log.
  void add_problem(Problem problem, std::string absolute);

  /// Progress: files found, and files handled so far.
  void set_total(std::uint64_t total) { total_ = total; }
  void add_done(std::uint64_t count = 1) { done_ += count; }
  void report_progress(bool force);

  /// Writes the problems not yet in the log; inside the caller's write transaction.
  void flush_problems();
  /// Writes the final counts and problems; inside the caller's write transaction.
  void finish();
  /// Marks the run failed, in a transaction of its own; never throws.
  void fail(const std::string& message) noexcept;

  double elapsed_seconds() const;

 private:
  struct Pending {
    Problem problem;
    std::string absolute;
  };

  SQLite::Database& db_;
  const ImportOptions& options_;
  const source::FileSystem& files_;
  ImportSummary summary_;
  std::string started_at_;
  std::vector<Pending> pending_;  // problems not yet written to import_problems
  std::uint64_t done_ = 0;
  std::uint64_t total_ = 0;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_progress_;
};

}  // namespace articledb::import

#endif  // ARTICLEDB_IMPORT_RUN_LOG_H_
