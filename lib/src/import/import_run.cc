#include "import/import_run.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "normalize/text.h"
#include "record/article_parser.h"
#include "store/article_writer.h"
#include "store/database_impl.h"
#include "store/import_lock.h"
#include "store/sqlite.h"
#include "util/hash.h"
#include "util/ordered_parallel.h"

namespace articledb::import {
namespace fs = std::filesystem;
namespace {

// A file read this close to its modification time may be changed again within the same
// timestamp tick without its mtime moving, so its stat is not trusted until confirmed.
// File systems with whole-second times get a wider window.
constexpr std::int64_t kRacyWindowNs = 25'000'000;
constexpr std::int64_t kRacyWindowCoarseNs = 2'000'000'000;
// Racy files confirmed at the end of a run; the others are hashed again next time.
constexpr std::size_t kMaxReverified = 10'000;

std::int64_t racy_window(std::int64_t mtime_ns) {
  return mtime_ns % 1'000'000'000 == 0 ? kRacyWindowCoarseNs : kRacyWindowNs;
}

bool is_racy(std::int64_t mtime_ns, std::int64_t read_ns) {
  return mtime_ns + racy_window(mtime_ns) > read_ns;
}

std::string now_text(const source::FileSystem& files) {
  const std::chrono::sys_time<std::chrono::nanoseconds> now{
      std::chrono::nanoseconds(files.now_ns())};
  return format_timestamp(std::chrono::floor<std::chrono::seconds>(now));
}

// "sub/dir" is within "sub"; both relative or both absolute, '/'-separated.
bool is_within(std::string_view path, std::string_view folder) {
  return path.size() > folder.size() && path.substr(0, folder.size()) == folder &&
         (folder.back() == '/' || path[folder.size()] == '/');
}

std::string relative_to(const std::string& path, const std::string& folder) {
  if (path == folder) return "";
  return path.substr(folder.size() + (folder.back() == '/' ? 0 : 1));
}

// One path given to run().
struct Target {
  fs::path given;        // as the caller wrote it, for messages
  std::string absolute;  // canonical
  bool single_file = false;
  std::string folder;  // what is walked: the target, or a single file's folder
};

// The part of a database root that a target covers.
struct Scope {
  Target target;
  std::int64_t root_id = 0;
  std::string root;    // canonical path of the database root
  std::string prefix;  // path of the target within the root: "" or "a/b/" (or "a/f.md")
};

struct KnownArticle {
  std::int64_t id = 0;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string hash;
  bool verified = true;
  bool seen = false;  // found by this run's walk
};

struct KnownRejected {
  std::int64_t root_id = 0;
  std::string path;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  Problem::Severity severity = Problem::Severity::kError;
  int line = 0;
  int column = 0;
  std::string message;
  bool seen = false;
};

std::string key_of(std::int64_t root_id, std::string_view path) {
  std::string key = std::to_string(root_id);
  key.push_back('\0');
  key.append(path);
  return key;
}

struct WorkItem {
  std::int64_t root_id = 0;
  std::string path;     // relative to the root
  std::string display;  // for messages
  std::string absolute;
  source::FileStat stat;
  KnownArticle* known = nullptr;
  KnownRejected* rejected = nullptr;
};

struct WorkResult {
  enum class Kind {
    kSameContent,   // a known file whose content did not change
    kMovedContent,  // a new file with the content of an article whose file is gone: not parsed
    kParsed,
    kUnreadable,
  };
  Kind kind = Kind::kUnreadable;
  store::FileFacts facts;
  std::int64_t read_ns = 0;
  std::string data;  // kMovedContent: the file, in case it must be parsed after all
  record::ParseResult parse;
  std::string error;  // kUnreadable
};

// What writing a parsed file did to the database.
enum class Change { kAdded, kUpdated, kMoved };

Problem make_problem(std::string path, Problem::Severity severity, std::string message,
                     int line = 0, int column = 0) {
  Problem problem;
  problem.path = std::move(path);
  problem.severity = severity;
  problem.message = std::move(message);
  problem.line = line;
  problem.column = column;
  return problem;
}

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

class ImportRun {
 public:
  ImportRun(SQLite::Database& db, const ImportOptions& options, const source::FileSystem& files)
      : db_(db),
        options_(options),
        files_(files),
        writer_(db),
        upsert_rejected_(db, R"sql(
          INSERT INTO rejected_files(root_id, path, file_size, file_mtime_ns, status, line, col,
                                     message)
          VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
          ON CONFLICT(root_id, path) DO UPDATE SET file_size = excluded.file_size,
            file_mtime_ns = excluded.file_mtime_ns, status = excluded.status,
            line = excluded.line, col = excluded.col, message = excluded.message)sql"),
        delete_rejected_(db, "DELETE FROM rejected_files WHERE root_id = ?1 AND path = ?2") {}

  ImportSummary run(const std::vector<fs::path>& roots) {
    started_ = std::chrono::steady_clock::now();
    summary_.dry_run = options_.dry_run;
    imported_at_ = now_text(files_);
    std::vector<Target> targets = resolve(roots);
    if (!options_.dry_run) start_log(targets);
    try {
      import(targets);
    } catch (const Error& e) {
      fail_log(e.what());
      throw;
    } catch (const SQLite::Exception& e) {
      Error error = store::translate(e, "import failed");
      fail_log(error.what());
      throw error;
    }
    return std::move(summary_);
  }

 private:
  // --- Roots ---------------------------------------------------------------------------

  std::vector<Target> resolve(const std::vector<fs::path>& roots) {
    if (roots.empty()) throw Error(ErrorCode::kInvalidArgument, "no folder or file to import");
    std::vector<Target> targets;
    for (const fs::path& given : roots) {
      std::error_code error;
      const fs::path canonical = fs::canonical(given, error);
      if (error) {
        throw Error(ErrorCode::kInvalidArgument,
                    "cannot import '" + given.string() + "': " + error.message());
      }
      Target target;
      target.given = given;
      target.absolute = canonical.string();
      const auto status = fs::status(canonical, error);
      if (fs::is_directory(status)) {
        target.folder = target.absolute;
      } else if (fs::is_regular_file(status)) {
        target.single_file = true;
        target.folder = canonical.parent_path().string();
      } else {
        throw Error(ErrorCode::kInvalidArgument,
                    "cannot import '" + given.string() + "': not a folder or a regular file");
      }
      targets.push_back(std::move(target));
    }
    return targets;
  }

  // Finds the database root that holds `folder`, or makes `folder` a root, taking over the
  // articles of roots inside it so that each file keeps one identity.
  std::pair<std::int64_t, std::string> root_for(const std::string& folder) {
    std::vector<std::pair<std::int64_t, std::string>> roots;
    SQLite::Statement query(db_, "SELECT id, path FROM roots ORDER BY length(path)");
    while (query.executeStep()) {
      roots.emplace_back(query.getColumn(0).getInt64(), query.getColumn(1).getString());
    }
    for (const auto& [id, path] : roots) {
      if (path == folder || is_within(folder, path)) return {id, path};
    }
    SQLite::Statement insert(db_, "INSERT INTO roots(path) VALUES (?1)");
    insert.bind(1, folder);
    insert.exec();
    const std::int64_t id = db_.getLastInsertRowid();
    for (const auto& [old_id, path] : roots) {
      if (!is_within(path, folder)) continue;
      const std::string prefix = relative_to(path, folder) + "/";
      for (const char* table : {"articles", "rejected_files"}) {
        SQLite::Statement move(db_, std::string("UPDATE ") + table +
                                        " SET root_id = ?1, path = ?2 || path WHERE root_id = ?3");
        move.bind(1, static_cast<std::int64_t>(id));
        move.bind(2, prefix);
        move.bind(3, static_cast<std::int64_t>(old_id));
        move.exec();
      }
      SQLite::Statement drop(db_, "DELETE FROM roots WHERE id = ?1");
      drop.bind(1, static_cast<std::int64_t>(old_id));
      drop.exec();
    }
    return {id, folder};
  }

  // --- The run -------------------------------------------------------------------------

  void import(const std::vector<Target>& targets) {
    auto transaction = std::make_unique<store::WriteTransaction>(db_);
    for (const Target& target : targets) {
      Scope scope;
      scope.target = target;
      std::tie(scope.root_id, scope.root) = root_for(target.folder);
      const std::string within =
          relative_to(target.single_file ? target.absolute : target.folder, scope.root);
      scope.prefix = within.empty() || target.single_file ? within : within + "/";
      scopes_.push_back(std::move(scope));
    }
    for (const Scope& scope : scopes_) load_known(scope);
    std::vector<WorkItem> to_read = walk_and_classify();
    index_missing();
    report_progress(true);

    store::WriteTransaction* current = transaction.get();
    const unsigned jobs =
        options_.jobs != 0 ? options_.jobs : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::unique_ptr<normalize::TextNormalizer>> normalizers(jobs);
    writes_since_commit_ = 0;
    last_commit_ = std::chrono::steady_clock::now();

    util::ordered_parallel<WorkResult>(
        to_read.size(), jobs, static_cast<std::size_t>(jobs) * 64,
        [&](std::size_t index, unsigned worker) {
          if (!normalizers[worker])
            normalizers[worker] = std::make_unique<normalize::TextNormalizer>();
          return read_and_parse(to_read[index], *normalizers[worker]);
        },
        [&](std::size_t index, WorkResult&& result) {
          write(to_read[index], std::move(result));
          ++done_;
          report_progress(false);
          if (!options_.dry_run && writes_since_commit_ > 0 &&
              (writes_since_commit_ >= options_.batch_size ||
               std::chrono::steady_clock::now() - last_commit_ > std::chrono::seconds(2))) {
            current->commit();
            transaction = std::make_unique<store::WriteTransaction>(db_);
            current = transaction.get();
            writes_since_commit_ = 0;
            last_commit_ = std::chrono::steady_clock::now();
          }
        });

    handle_missing();
    if (summary_.updated + summary_.removed > 0) writer_.delete_orphans();
    summary_.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    if (options_.dry_run) {
      transaction->rollback();
    } else {
      finish_log();
      transaction->commit();
      reverify_racy_files();
    }
    report_progress(true);
  }

  void load_known(const Scope& scope) {
    const bool exact = scope.target.single_file;
    const std::string upper =
        scope.prefix.empty() ? "" : scope.prefix.substr(0, scope.prefix.size() - 1) + "0";
    const char* range =
        exact ? " AND path = ?2" : (scope.prefix.empty() ? "" : " AND path >= ?2 AND path < ?3");
    SQLite::Statement articles(
        db_, std::string("SELECT id, path, file_size, file_mtime_ns, content_hash, "
                         "stat_verified FROM articles WHERE root_id = ?1") +
                 range);
    SQLite::Statement rejected(
        db_, std::string("SELECT path, file_size, file_mtime_ns, status, line, col, message "
                         "FROM rejected_files WHERE root_id = ?1") +
                 range);
    for (SQLite::Statement* query : {&articles, &rejected}) {
      query->bind(1, static_cast<std::int64_t>(scope.root_id));
      if (exact || !scope.prefix.empty()) query->bind(2, scope.prefix);
      if (!exact && !scope.prefix.empty()) query->bind(3, upper);
    }
    while (articles.executeStep()) {
      KnownArticle known;
      known.id = articles.getColumn(0).getInt64();
      known.size = static_cast<std::uint64_t>(articles.getColumn(2).getInt64());
      known.mtime_ns = articles.getColumn(3).getInt64();
      known.hash = articles.getColumn(4).getString();
      known.verified = articles.getColumn(5).getInt() != 0;
      known_.emplace(key_of(scope.root_id, articles.getColumn(1).getString()), std::move(known));
    }
    while (rejected.executeStep()) {
      KnownRejected known;
      known.root_id = scope.root_id;
      known.path = rejected.getColumn(0).getString();
      known.size = static_cast<std::uint64_t>(rejected.getColumn(1).getInt64());
      known.mtime_ns = rejected.getColumn(2).getInt64();
      known.severity = rejected.getColumn(3).getString() == "skipped" ? Problem::Severity::kSkipped
                                                                      : Problem::Severity::kError;
      known.line = rejected.getColumn(4).getInt();
      known.column = rejected.getColumn(5).getInt();
      known.message = rejected.getColumn(6).getString();
      std::string key = key_of(scope.root_id, known.path);
      rejected_.emplace(std::move(key), std::move(known));
    }
  }

  std::vector<WorkItem> walk_and_classify() {
    std::vector<WorkItem> items;
    std::unordered_set<std::string> listed;
    for (const Scope& scope : scopes_) {
      std::vector<source::FoundFile> found;
      std::vector<source::ListError> errors;
      const fs::path given = scope.target.given;
      if (scope.target.single_file) {
        if (auto stat = files_.stat(scope.target.absolute)) {
          found.push_back({"", *stat});
        } else {
          errors.push_back({scope.target.absolute, "cannot examine the file"});
        }
      } else {
        files_.list(
            scope.target.folder,
            [](std::string_view name) { return record::body_format_for(name).has_value(); }, found,
            errors);
        std::sort(found.begin(), found.end(),
                  [](const auto& a, const auto& b) { return a.path < b.path; });
      }
      for (const auto& error : errors) {
        ++summary_.failed;
        add_problem(make_problem(error.path, Problem::Severity::kError, error.message), error.path);
      }
      for (auto& file : found) {
        WorkItem item;
        item.root_id = scope.root_id;
        item.path = scope.target.single_file ? scope.prefix : scope.prefix + file.path;
        std::string key = key_of(item.root_id, item.path);
        if (auto it = known_.find(key); it != known_.end()) {
          item.known = &it->second;
          item.known->seen = true;
        }
        if (auto it = rejected_.find(key); it != rejected_.end()) {
          item.rejected = &it->second;
          item.rejected->seen = true;
        }
        if (!listed.insert(std::move(key)).second) continue;  // overlapping roots
        item.display = file.path.empty() ? given.string() : (given / file.path).string();
        item.absolute = scope.root + "/" + item.path;
        item.stat = file.stat;
        ++summary_.files;
        if (!options_.force && unchanged(item)) continue;
        items.push_back(std::move(item));
      }
    }
    total_ = summary_.files;
    return items;
  }

  // True when `item` needs no reading: its stat matches what the database remembers.
  bool unchanged(const WorkItem& item) {
    const KnownArticle* known = item.known;
    if (known != nullptr) {
      if (known->verified && known->size == item.stat.size &&
          known->mtime_ns == item.stat.mtime_ns) {
        ++summary_.unchanged;
        ++done_;
        return true;
      }
      return false;
    }
    const KnownRejected* rejected = item.rejected;
    if (rejected != nullptr && rejected->size == item.stat.size &&
        rejected->mtime_ns == item.stat.mtime_ns) {
      // Still not an article: report it again without reading it.
      ++(rejected->severity == Problem::Severity::kSkipped ? summary_.skipped : summary_.failed);
      add_problem(make_problem(item.display, rejected->severity, rejected->message, rejected->line,
                               rejected->column),
                  item.absolute);
      ++done_;
      return true;
    }
    return false;
  }

  // Runs on a worker thread: touches no shared state but the item's own fields.
  WorkResult read_and_parse(const WorkItem& item, normalize::TextNormalizer& text) const {
    WorkResult result;
    if (item.stat.size > options_.max_file_size) {
      result.error = "file is too large (" + std::to_string(item.stat.size) +
                     " bytes; the limit is " + std::to_string(options_.max_file_size) +
                     ", see --max-file-size)";
      return result;
    }
    result.read_ns = files_.now_ns();
    source::FileContents contents;
    try {
      contents = files_.read(item.absolute, options_.max_file_size);
    } catch (const source::FileError& e) {
      result.error = e.what();
      return result;
    }
    result.facts.size = contents.stat.size;
    result.facts.mtime_ns = contents.stat.mtime_ns;
    result.facts.content_hash = util::content_hash(contents.data);
    result.facts.verified = !is_racy(contents.stat.mtime_ns, result.read_ns);
    if (!options_.force && item.known != nullptr && item.known->hash == result.facts.content_hash) {
      result.kind = WorkResult::Kind::kSameContent;
      return result;
    }
    if (!options_.force && item.known == nullptr &&
        missing_hashes_.count(result.facts.content_hash) != 0) {
      result.kind = WorkResult::Kind::kMovedContent;
      result.data = std::move(contents.data);
      return result;
    }
    result.data = std::move(contents.data);
    parse(item, result, text);
    return result;
  }

  // Parses the file held in `result.data` (and releases it).
  static void parse(const WorkItem& item, WorkResult& result, normalize::TextNormalizer& text) {
    result.kind = WorkResult::Kind::kParsed;
    result.parse =
        record::parse_article(result.data, item.display,
                              record::body_format_for(item.path).value_or(BodyFormat::kText), text);
    result.data = std::string();
  }

  // Runs on the calling thread, in file order.
  void write(const WorkItem& item, WorkResult&& result) {
    std::optional<std::int64_t> moved;
    switch (result.kind) {
      case WorkResult::Kind::kUnreadable:
        ++summary_.failed;
        add_problem(make_problem(item.display, Problem::Severity::kError, result.error),
                    item.absolute);
        return;
      case WorkResult::Kind::kSameContent:
        writer_.update_file(item.known->id, result.facts);
        ++summary_.unchanged;
        note_racy(item.known->id, item, result);
        return;
      case WorkResult::Kind::kMovedContent:
        moved = take_moved(result.facts.content_hash);
        if (moved) {
          // The article is already right: only its file is elsewhere.
          const std::int64_t id = *moved;
          savepoint([&] { relocate(id, item, result); }, item,
                    [&] { count_write(Change::kMoved, id, item, result); });
          return;
        }
        // Another new file took that article: this one is new, and still to be parsed.
        if (!writer_text_) writer_text_ = std::make_unique<normalize::TextNormalizer>();
        parse(item, result, *writer_text_);
        break;
      case WorkResult::Kind::kParsed:
        if (item.known == nullptr) moved = take_moved(result.facts.content_hash);  // --force
        break;
    }
    record::ParseResult& parse = result.parse;
    if (parse.outcome != record::ParseResult::Outcome::kArticle) {
      const Problem& reason = parse.problems.front();
      ++(parse.outcome == record::ParseResult::Outcome::kSkipped ? summary_.skipped
                                                                 : summary_.failed);
      if (item.known == nullptr && result.facts.verified) remember_rejected(item, result, reason);
      for (Problem& problem : parse.problems) add_problem(std::move(problem), item.absolute);
      return;
    }

    // A changed file, or a moved one read again with --force, keeps its article's id.
    const std::optional<std::int64_t> reused = item.known != nullptr ? item.known->id : moved;
    const Change change = item.known != nullptr ? Change::kUpdated
                          : moved               ? Change::kMoved
                                                : Change::kAdded;
    std::int64_t id = 0;
    savepoint(
        [&] {
          if (reused) writer_.remove(*reused);
          const store::Location location{item.root_id, item.path, collection_of(item.path)};
          id = writer_.insert(parse.parsed, location, result.facts, reused, imported_at_);
          if (item.rejected != nullptr) forget_rejected(item.root_id, item.path);
        },
        item,
        [&] {
          count_write(change, id, item, result);
          for (Problem& problem : parse.problems) {  // warnings of the fields
            ++summary_.warnings;
            add_problem(std::move(problem), item.absolute);
          }
        });
  }

  void relocate(std::int64_t id, const WorkItem& item, const WorkResult& result) {
    writer_.relocate(id, {item.root_id, item.path, collection_of(item.path)}, result.facts);
    if (item.rejected != nullptr) forget_rejected(item.root_id, item.path);
  }

  void count_write(Change change, std::int64_t id, const WorkItem& item, const WorkResult& result) {
    ++writes_since_commit_;
    switch (change) {
      case Change::kAdded:
        ++summary_.added;
        break;
      case Change::kUpdated:
        ++summary_.updated;
        break;
      case Change::kMoved:
        ++summary_.moved;
        break;
    }
    note_racy(id, item, result);
  }

  // Runs `body` inside a savepoint: one file's rows are written whole or not at all.
  // `done` runs when the rows are written.
  template <class Body, class Done>
  void savepoint(Body&& body, const WorkItem& item, Done&& done) {
    db_.exec("SAVEPOINT article");
    bool written = false;
    try {
      body();
      db_.exec("RELEASE article");
      written = true;
    } catch (const SQLite::Exception& e) {
      db_.tryExec("ROLLBACK TO article");
      db_.tryExec("RELEASE article");
      writer_.forget_cached_ids();
      if (!is_per_file_error(e)) throw;
      ++summary_.failed;
      add_problem(make_problem(item.display, Problem::Severity::kError,
                               std::string("the database refused the article: ") + e.what()),
                  item.absolute);
    }
    if (written) done();
  }

  // Articles whose file the walk did not find, by content: a new file with the same content is
  // the same article, moved. Built before the files are read; `missing_hashes_` is only read
  // by the parsing threads, `missing_by_hash_` only used by the writing one.
  void index_missing() {
    for (auto& [key, known] : known_) {
      if (known.seen) continue;
      missing_by_hash_.emplace(known.hash, &known);
      missing_hashes_.insert(known.hash);
    }
  }

  std::optional<std::int64_t> take_moved(const std::string& hash) {
    auto it = missing_by_hash_.find(hash);
    if (it == missing_by_hash_.end()) return std::nullopt;
    KnownArticle* known = it->second;
    missing_by_hash_.erase(it);
    known->seen = true;  // no longer missing: it lives on under the new path
    return known->id;
  }

  void remember_rejected(const WorkItem& item, const WorkResult& result, const Problem& reason) {
    SQLite::Statement& upsert = upsert_rejected_;
    upsert.reset();
    upsert.bind(1, static_cast<std::int64_t>(item.root_id));
    upsert.bind(2, item.path);
    upsert.bind(3, static_cast<std::int64_t>(result.facts.size));
    upsert.bind(4, static_cast<std::int64_t>(result.facts.mtime_ns));
    upsert.bind(5, std::string(to_string(reason.severity)));
    upsert.bind(6, reason.line);
    upsert.bind(7, reason.column);
    upsert.bind(8, reason.message);
    upsert.exec();
    ++writes_since_commit_;
  }

  void forget_rejected(std::int64_t root_id, const std::string& path) {
    delete_rejected_.reset();
    delete_rejected_.bind(1, root_id);
    delete_rejected_.bind(2, path);
    delete_rejected_.exec();
  }

  void handle_missing() {
    for (auto& [key, known] : known_) {
      if (known.seen) continue;
      if (options_.prune) {
        writer_.remove(known.id);
        ++summary_.removed;
      } else {
        ++summary_.missing;
      }
    }
    for (auto& [key, rejected] : rejected_) {
      if (!rejected.seen) forget_rejected(rejected.root_id, rejected.path);
    }
  }

  // --- Racy files ----------------------------------------------------------------------

  struct RacyFile {
    std::int64_t id;
    std::string absolute;
    store::FileFacts facts;
  };

  void note_racy(std::int64_t id, const WorkItem& item, const WorkResult& result) {
    if (!result.facts.verified && racy_.size() < kMaxReverified) {
      racy_.push_back({id, item.absolute, result.facts});
    }
  }

  // Files read within a timestamp tick of their last change are read again once the tick
  // has passed: if they still hold what was imported, their stat can be trusted.
  void reverify_racy_files() {
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

  // --- Log and progress ----------------------------------------------------------------

  void add_problem(Problem problem, const std::string& absolute) {
    if (options_.observer != nullptr) options_.observer->on_problem(problem);
    problem_paths_.push_back(absolute);
    summary_.problems.push_back(std::move(problem));
  }

  void report_progress(bool force) {
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

  void start_log(const std::vector<Target>& targets) {
    nlohmann::json roots = nlohmann::json::array();
    for (const Target& target : targets) roots.push_back(target.absolute);
    const nlohmann::json settings = {{"prune", options_.prune},
                                     {"force", options_.force},
                                     {"jobs", options_.jobs},
                                     {"max_file_size", options_.max_file_size}};
    store::guarded("cannot start the import", [&] {
      store::WriteTransaction transaction(db_);
      SQLite::Statement insert(db_,
                               "INSERT INTO import_runs(started_at, status, roots, options) "
                               "VALUES (?1, 'running', ?2, ?3)");
      insert.bind(1, imported_at_);
      insert.bind(2, roots.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      insert.bind(3, settings.dump());
      insert.exec();
      summary_.run_id = db_.getLastInsertRowid();
      transaction.commit();
    });
  }

  void finish_log() {
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
    SQLite::Statement insert(db_,
                             "INSERT INTO import_problems(run_id, path, line, col, severity, "
                             "message) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (std::size_t i = 0; i < summary_.problems.size(); ++i) {
      const Problem& problem = summary_.problems[i];
      insert.reset();
      insert.bind(1, static_cast<std::int64_t>(summary_.run_id));
      insert.bind(2, problem_paths_[i]);
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
  }

  void fail_log(const std::string& message) noexcept {
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
      // The run failed already; the log keeps it as 'running'.
    }
  }

  SQLite::Database& db_;
  const ImportOptions& options_;
  const source::FileSystem& files_;
  store::ArticleWriter writer_;
  SQLite::Statement upsert_rejected_;
  SQLite::Statement delete_rejected_;
  ImportSummary summary_;
  std::vector<std::string> problem_paths_;  // absolute paths, parallel to summary_.problems
  std::string imported_at_;
  std::vector<Scope> scopes_;
  std::unordered_map<std::string, KnownArticle> known_;
  std::unordered_map<std::string, KnownRejected> rejected_;
  std::unordered_multimap<std::string, KnownArticle*> missing_by_hash_;
  std::unordered_set<std::string> missing_hashes_;
  std::unique_ptr<normalize::TextNormalizer> writer_text_;  // made when the writer must parse
  std::vector<RacyFile> racy_;
  std::uint64_t done_ = 0;
  std::uint64_t total_ = 0;
  std::uint64_t writes_since_commit_ = 0;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_commit_;
  std::chrono::steady_clock::time_point last_progress_;
};

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
  return store::guarded("import failed", [&] {
    ImportRun run(*database.impl().db, options, files);
    return run.run(roots);
  });
}

}  // namespace articledb::import
