#include "import/write_stage.h"

#include <sqlite3.h>

#include <limits>
#include <thread>

#include "import/import_run.h"
#include "util/hash.h"

namespace articledb::import {
namespace {

// Racy files confirmed at the end of a run; the others are hashed again next time.
constexpr std::size_t kMaxReverified = 10'000;
// A transaction is committed after this long even when the batch is not full, so that
// readers see a slow import progress.
constexpr std::chrono::seconds kMaxTransactionTime{2};
// ... or when the articles it holds reach this many bytes (fewer, larger commits write less:
// a page changed by several batches is written to the log once per commit).
constexpr std::uint64_t kMaxBatchBytes = 32u << 20;
// Within a batch, the staged articles are written out each time they reach this many bytes:
// they are staged in memory, and the savepoint that writes them keeps the pages it changes in
// an in-memory journal (at 1M files, 32 MiB at a time took 101 MB more at the peak than 4).
constexpr std::uint64_t kMaxStagedBytes = 4u << 20;
// Between two batches the write-ahead log is checkpointed only once it holds this many bytes
// (or ImportOptions::max_wal_bytes, when lower): a page that several batches change reaches
// the database file once per checkpoint. At 1M files, 2.97x the database's size was written in
// all, against 3.17x with 64 MiB and 3.34-3.40x with a checkpoint after every commit.
constexpr std::int64_t kCheckpointWalBytes = 256 << 20;
// An import of at least this many files into a database with fewer than half as many articles
// builds its deferrable indexes at the end.
constexpr std::int64_t kBulkArticles = 20'000;

bool is_per_file_error(const SQLite::Exception& e) {
  switch (e.getErrorCode()) {
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return true;
    default:
      return false;
  }
}

Problem make_problem(std::string path, Problem::Severity severity, std::string message) {
  Problem problem;
  problem.path = std::move(path);
  problem.severity = severity;
  problem.message = std::move(message);
  return problem;
}

}  // namespace

WriteStage::WriteStage(SQLite::Database& db, const Plan& plan, const ImportOptions& options,
                       const source::FileSystem& files, RunLog& log,
                       std::unique_ptr<store::WriteTransaction> transaction, bool bulk)
    : db_(db),
      plan_(plan),
      options_(options),
      files_(files),
      log_(log),
      stats_(db),
      writer_(db, &stats_),
      transaction_(std::move(transaction)),
      wal_(db),
      upsert_rejected_(db, R"sql(
        INSERT INTO rejected_files(root_id, path, file_size, file_mtime_ns, status, line, col,
                                   message)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        ON CONFLICT(root_id, path) DO UPDATE SET file_size = excluded.file_size,
          file_mtime_ns = excluded.file_mtime_ns, status = excluded.status,
          line = excluded.line, col = excluded.col, message = excluded.message)sql"),
      delete_rejected_(db, "DELETE FROM rejected_files WHERE root_id = ?1 AND path = ?2"),
      last_commit_(std::chrono::steady_clock::now()),
      bulk_(bulk) {
  if (options_.dry_run) return;
  // A bulk import rebuilds the ranking statistics at its end: keeping them per article would
  // cost more. Until then searches rank from the full-text index alone.
  if (bulk_ && stats_.active()) stats_.invalidate();
  writer_.begin_session();
}

bool prepare_indexes(SQLite::Database& db, const Plan& plan, const ImportOptions& options) {
  if (options.dry_run) return false;
  // An import that adds many articles to a database holding fewer builds the indexes that
  // rows reach in random order once, at its end, instead of a page write per row.
  const auto articles = db.execAndGet("SELECT coalesce(max(id), 0) FROM articles").getInt64();
  const auto adding = static_cast<std::int64_t>(plan.to_read.size());
  const bool bulk = adding >= kBulkArticles && adding >= 2 * articles;
  if (bulk) {
    store::drop_deferrable_indexes(db);
  } else {
    store::ensure_deferrable_indexes(db);  // an earlier bulk import may have died
  }
  return bulk;
}

const std::unordered_set<std::string>& WriteStage::index_missing() {
  SQLite::Statement hash_of(db_, "SELECT content_hash FROM articles WHERE id = ?1");
  for (const std::int64_t id : plan_.missing) {
    hash_of.reset();
    hash_of.bind(1, id);
    if (!hash_of.executeStep()) continue;
    std::string hash = hash_of.getColumn(0).getString();
    missing_hashes_.insert(hash);
    missing_by_hash_.emplace(std::move(hash), id);
  }
  return missing_hashes_;
}

std::optional<std::int64_t> WriteStage::take_moved(const std::string& hash) {
  auto it = missing_by_hash_.find(hash);
  if (it == missing_by_hash_.end()) return std::nullopt;
  const std::int64_t id = it->second;
  missing_by_hash_.erase(it);
  moved_away_.insert(id);  // no longer missing: it lives on under the new path
  return id;
}

void WriteStage::maybe_commit() {
  if (options_.dry_run || writes_since_commit_ == 0) return;
  const bool commit = writes_since_commit_ >= options_.batch_size ||
                      batch_bytes_ >= kMaxBatchBytes ||
                      std::chrono::steady_clock::now() - last_commit_ >= kMaxTransactionTime;
  if (!commit && staged_bytes_ < kMaxStagedBytes) return;
  end_session();
  staged_bytes_ = 0;
  if (commit) {
    log_.flush_problems();
    transaction_->commit();
    keep_wal_short();
    transaction_ = std::make_unique<store::WriteTransaction>(db_);
    writes_since_commit_ = 0;
    batch_bytes_ = 0;
    last_commit_ = std::chrono::steady_clock::now();
  }
  writer_.begin_session();
}

// Between two transactions: restarts a long write-ahead log, and waits for a reader whose
// snapshot has let it grow past the limit (see ImportOptions::max_wal_bytes).
void WriteStage::keep_wal_short() {
  // Short readers finish within this; a longer one is waited for only past the limit.
  constexpr std::chrono::milliseconds kReaderGrace{250};
  const auto most = static_cast<std::int64_t>(
      std::min<std::uint64_t>(options_.max_wal_bytes, std::numeric_limits<std::int64_t>::max()));
  const std::int64_t limit = std::min(kCheckpointWalBytes, most);
  if (wal_.bytes() <= limit) return;  // the next batches may change the same pages
  store::WalState wal = store::keep_wal_short(db_, limit, kReaderGrace);
  if (!wal.pinned || wal.bytes <= most) return;
  const auto start = std::chrono::steady_clock::now();
  while (wal.pinned) {
    if (std::chrono::steady_clock::now() - start >= options_.reader_wait) {
      throw Error(ErrorCode::kBusy,
                  "the write-ahead log has grown to " + std::to_string(wal.bytes >> 20) +
                      " MiB because a reader has held one snapshot of the database for the "
                      "whole time (a transaction left open, e.g. in the sqlite3 shell); end "
                      "it and run the import again (the batches committed so far are kept)");
    }
    wal = store::keep_wal_short(db_, 0, std::chrono::milliseconds(100));
  }
}

// Writes the staged articles; those the database refused are counted as failed files.
void WriteStage::end_session() {
  const std::vector<store::ArticleWriter::Refusal> refusals = writer_.end_session();
  for (const auto& refusal : refusals) {
    for (const Written& w : written_) {
      if (w.id != refusal.id) continue;
      ImportSummary& summary = log_.summary();
      --(w.change == Change::kAdded     ? summary.added
         : w.change == Change::kUpdated ? summary.updated
                                        : summary.moved);
      refused(plan_.to_read[w.index], refusal.message);
    }
  }
  written_.clear();
}

void WriteStage::refused(const WorkItem& item, const std::string& reason) {
  ++log_.summary().failed;
  log_.add_problem(make_problem(plan_.display(item), Problem::Severity::kError,
                                "the database refused the article: " + reason),
                   plan_.absolute(item));
}

void WriteStage::write(std::size_t index, WorkResult&& result, const ReadParseStage& reader) {
  const WorkItem& item = plan_.to_read[index];
  ImportSummary& summary = log_.summary();
  std::optional<std::int64_t> moved;
  switch (result.kind) {
    case WorkResult::Kind::kUnreadable:
      ++summary.failed;
      log_.add_problem(make_problem(plan_.display(item), Problem::Severity::kError, result.error),
                       plan_.absolute(item));
      return;
    case WorkResult::Kind::kSameContent:
      if (!options_.dry_run) writer_.update_file(item.known_id, result.facts);
      ++summary.unchanged;
      note_racy(item.known_id, item, result);
      return;
    case WorkResult::Kind::kMovedContent:
      moved = take_moved(result.facts.content_hash);
      if (moved) {
        // The article is already right: only its file is elsewhere.
        if (!options_.dry_run) {
          const std::string path(plan_.path(item));
          try {
            writer_.relocate(*moved, {plan_.scopes[item.scope].root_id, path, collection_of(path)},
                             result.facts);
          } catch (const SQLite::Exception& e) {
            if (!is_per_file_error(e)) throw;
            refused(item, e.what());
            return;
          }
          if (item.rejected) forget_rejected(plan_.scopes[item.scope].root_id, path);
        }
        count_write(Change::kMoved, *moved, index, result);
        written_.pop_back();  // relocated at once: nothing left to refuse
        maybe_commit();
        return;
      }
      // Another new file took that article: this one is new, and still to be parsed.
      if (!tools_) tools_ = std::make_unique<WorkerTools>();
      reader.parse(item, result, *tools_);
      break;
    case WorkResult::Kind::kParsed:
      if (item.known_id == 0) moved = take_moved(result.facts.content_hash);  // --force
      break;
  }
  record::ParseResult& parse = result.parse;
  const std::int64_t root_id = plan_.scopes[item.scope].root_id;
  if (parse.outcome != record::ParseResult::Outcome::kArticle) {
    const Problem& reason = parse.problems.front();
    ++(parse.outcome == record::ParseResult::Outcome::kSkipped ? summary.skipped : summary.failed);
    if (item.known_id == 0 && result.facts.verified && !options_.dry_run) {
      remember_rejected(item, result, reason);
    }
    for (Problem& problem : parse.problems) {
      log_.add_problem(std::move(problem), plan_.absolute(item));
    }
    maybe_commit();
    return;
  }

  // A changed file, or a moved one read again with --force, keeps its article's id.
  const std::optional<std::int64_t> reused =
      item.known_id != 0 ? std::optional<std::int64_t>(item.known_id) : moved;
  const Change change = item.known_id != 0 ? Change::kUpdated
                        : moved            ? Change::kMoved
                                           : Change::kAdded;
  std::int64_t id = reused.value_or(0);
  if (!options_.dry_run) {
    if (reused) writer_.remove(*reused);
    const std::string path(plan_.path(item));
    id = writer_.insert(parse.parsed, {root_id, path, collection_of(path)}, result.facts, reused,
                        log_.started_at(), std::move(result.terms));
    staged_bytes_ += result.facts.size;
    batch_bytes_ += result.facts.size;
    if (item.rejected) forget_rejected(root_id, path);
  }
  count_write(change, id, index, result);
  for (Problem& problem : parse.problems) {  // warnings of the fields
    ++summary.warnings;
    log_.add_problem(std::move(problem), plan_.absolute(item));
  }
  maybe_commit();
}

void WriteStage::count_write(Change change, std::int64_t id, std::size_t index,
                             const WorkResult& result) {
  ++writes_since_commit_;
  written_.push_back({id, index, change});
  const WorkItem& item = plan_.to_read[index];
  ImportSummary& summary = log_.summary();
  switch (change) {
    case Change::kAdded:
      ++summary.added;
      break;
    case Change::kUpdated:
      ++summary.updated;
      break;
    case Change::kMoved:
      ++summary.moved;
      break;
  }
  note_racy(id, item, result);
}

void WriteStage::note_racy(std::int64_t id, const WorkItem& item, const WorkResult& result) {
  if (!result.facts.verified && !options_.dry_run && racy_.size() < kMaxReverified) {
    racy_.push_back({id, plan_.absolute(item), result.facts});
  }
}

void WriteStage::remember_rejected(const WorkItem& item, const WorkResult& result,
                                   const Problem& reason) {
  SQLite::Statement& upsert = upsert_rejected_;
  upsert.reset();
  upsert.bind(1, static_cast<std::int64_t>(plan_.scopes[item.scope].root_id));
  upsert.bind(2, std::string(plan_.path(item)));
  upsert.bind(3, static_cast<std::int64_t>(result.facts.size));
  upsert.bind(4, static_cast<std::int64_t>(result.facts.mtime_ns));
  upsert.bind(5, std::string(to_string(reason.severity)));
  upsert.bind(6, reason.line);
  upsert.bind(7, reason.column);
  upsert.bind(8, reason.message);
  upsert.exec();
  ++writes_since_commit_;
}

void WriteStage::forget_rejected(std::int64_t root_id, const std::string& path) {
  delete_rejected_.reset();
  delete_rejected_.bind(1, root_id);
  delete_rejected_.bind(2, path);
  delete_rejected_.exec();
}

void WriteStage::finish() {
  ImportSummary& summary = log_.summary();
  for (const std::int64_t id : plan_.missing) {
    if (moved_away_.count(id) != 0) continue;
    if (options_.prune) {
      if (!options_.dry_run) writer_.remove(id);
      ++summary.removed;
    } else {
      ++summary.missing;
    }
  }
  if (!options_.dry_run) {
    for (const auto& [root_id, path] : plan_.rejected_gone) forget_rejected(root_id, path);
  }
  if (options_.dry_run) {
    summary.seconds = log_.elapsed_seconds();
    transaction_->rollback();
    return;
  }
  end_session();
  if (summary.updated + summary.removed > 0) writer_.delete_orphans();
  log_.finish();
  transaction_->commit();
  transaction_.reset();
  reverify_racy_files();
}

// Files read within a timestamp tick of their last change are read again once the tick has
// passed: if they still hold what was imported, their stat can be trusted.
void WriteStage::reverify_racy_files() {
  if (racy_.empty()) return;
  std::int64_t latest = 0;
  for (const RacyFile& file : racy_) {
    latest = std::max(latest, file.facts.mtime_ns + racy_window(file.facts.mtime_ns));
  }
  const std::int64_t wait = latest - files_.now_ns();
  if (wait > 0) std::this_thread::sleep_for(std::chrono::nanoseconds(wait));
  const std::int64_t now = files_.now_ns();
  try {
    store::WriteTransaction transaction(db_);
    for (const RacyFile& file : racy_) {
      if (is_racy(file.facts.mtime_ns, now)) continue;
      const auto stat = files_.stat(file.absolute);
      if (!stat || stat->size != file.facts.size || stat->mtime_ns != file.facts.mtime_ns) {
        continue;
      }
      try {
        const auto contents = files_.read(file.absolute, options_.max_file_size);
        if (util::content_hash(contents.data) == file.facts.content_hash) {
          writer_.mark_verified(file.id);
        }
      } catch (const source::FileError&) {
        // Gone or unreadable now: the next run will see it.
      }
    }
    transaction.commit();
  } catch (const SQLite::Exception&) {
    // Only an optimisation: unverified files are hashed again by the next run.
  }
}

}  // namespace articledb::import
