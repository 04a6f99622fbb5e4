#include "import/run_log.h"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "store/sqlite.h"

namespace articledb::import {
namespace {

std::string now_text(const source::FileSystem& files) {
  const std::chrono::sys_time<std::chrono::nanoseconds> now{
      std::chrono::nanoseconds(files.now_ns())};
  return format_timestamp(std::chrono::floor<std::chrono::seconds>(now));
}

}  // namespace

RunLog::RunLog(SQLite::Database& db, const ImportOptions& options, const source::FileSystem& files)
    : db_(db),
      options_(options),
      files_(files),
      started_at_(now_text(files)),
      started_(std::chrono::steady_clock::now()) {
  summary_.dry_run = options.dry_run;
}

double RunLog::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

void RunLog::start(const std::vector<std::string>& roots) {
  if (options_.dry_run) return;
  nlohmann::json paths = nlohmann::json::array();
  for (const std::string& root : roots) paths.push_back(root);
  const nlohmann::json settings = {{"prune", options_.prune},
                                   {"force", options_.force},
                                   {"jobs", options_.jobs},
                                   {"max_file_size", options_.max_file_size}};
  store::guarded("cannot start the import", [&] {
    store::WriteTransaction transaction(db_);
    SQLite::Statement abandoned(db_,
                                "UPDATE import_runs SET status = 'failed', message = "
                                "'the import stopped before it finished (killed or crashed)' "
                                "WHERE status = 'running'");
    abandoned.exec();
    SQLite::Statement insert(db_,
                             "INSERT INTO import_runs(started_at, status, roots, options) "
                             "VALUES (?1, 'running', ?2, ?3)");
    insert.bind(1, started_at_);
    insert.bind(2, paths.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    insert.bind(3, settings.dump());
    insert.exec();
    summary_.run_id = db_.getLastInsertRowid();
    transaction.commit();
  });
}

void RunLog::add_problem(Problem problem, std::string absolute) {
  if (options_.observer != nullptr) options_.observer->on_problem(problem);
  if (!options_.dry_run) pending_.push_back({problem, std::move(absolute)});
  if (summary_.problems.size() < kMaxProblemsKept) {
    summary_.problems.push_back(std::move(problem));
  } else {
    ++summary_.problems_omitted;
  }
}

void RunLog::report_progress(bool force) {
  if (options_.observer == nullptr) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_progress_ < std::chrono::milliseconds(100)) return;
  last_progress_ = now;
  ImportProgress progress;
  progress.done = done_;
  progress.total = total_;
  progress.seconds = std::chrono::duration<double>(now - started_).count();
  options_.observer->on_progress(progress);
}

void RunLog::flush_problems() {
  if (pending_.empty() || summary_.run_id == 0) return;
  SQLite::Statement insert(db_,
                           "INSERT INTO import_problems(run_id, path, line, col, severity, "
                           "message) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (const Pending& pending : pending_) {
    const Problem& problem = pending.problem;
    insert.reset();
    insert.bind(1, static_cast<std::int64_t>(summary_.run_id));
    insert.bind(2, pending.absolute);
    if (problem.line > 0) {
      insert.bind(3, problem.line);
      insert.bind(4, problem.column);
    } else {
      insert.bind(3);
      insert.bind(4);
    }
    insert.bind(5, std::string(to_string(problem.severity)));
    insert.bind(6, problem.message);
    insert.exec();
  }
  pending_.clear();
}

void RunLog::finish() {
  summary_.seconds = elapsed_seconds();
  if (summary_.run_id == 0) return;
  SQLite::Statement update(db_, R"sql(
    UPDATE import_runs SET finished_at = ?2, status = 'done', files = ?3, added = ?4,
      updated = ?5, moved = ?6, unchanged = ?7, removed = ?8, skipped = ?9, failed = ?10,
      warnings = ?11
    WHERE id = ?1)sql");
  update.bind(1, static_cast<std::int64_t>(summary_.run_id));
  update.bind(2, now_text(files_));
  const std::uint64_t counts[] = {summary_.files,   summary_.added,     summary_.updated,
                                  summary_.moved,   summary_.unchanged, summary_.removed,
                                  summary_.skipped, summary_.failed,    summary_.warnings};
  for (int i = 0; i < 9; ++i) update.bind(3 + i, static_cast<std::int64_t>(counts[i]));
  update.exec();
  flush_problems();
}

void RunLog::fail(const std::string& message) noexcept {
  if (summary_.run_id == 0) return;
  try {
    store::WriteTransaction transaction(db_);
    SQLite::Statement update(db_,
                             "UPDATE import_runs SET status = 'failed', finished_at = ?2, "
                             "message = ?3 WHERE id = ?1");
    update.bind(1, static_cast<std::int64_t>(summary_.run_id));
    update.bind(2, now_text(files_));
    update.bind(3, message);
    update.exec();
    transaction.commit();
  } catch (const std::exception&) {
    // The run failed already (perhaps the disk is full); the next run marks it failed.
  }
}

}  // namespace articledb::import
