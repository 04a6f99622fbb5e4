#include "import/plan.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <variant>

#include "articledb/error.h"
#include "record/article_parser.h"
#include "util/ascii.h"

namespace articledb::import {
namespace fs = std::filesystem;
namespace {

// "sub/dir" is within "sub"; both relative or both absolute, '/'-separated.
bool is_within(std::string_view path, std::string_view folder) {
  return path.size() > folder.size() && path.substr(0, folder.size()) == folder &&
         (folder.back() == '/' || path[folder.size()] == '/');
}

std::string relative_to(const std::string& path, const std::string& folder) {
  if (path == folder) return "";
  return path.substr(folder.size() + (folder.back() == '/' ? 0 : 1));
}

// Finds the database root that holds `folder`, or makes `folder` a root, taking over the
// articles of roots inside it so that each file keeps one identity.
std::pair<std::int64_t, std::string> root_for(SQLite::Database& db, const std::string& folder) {
  std::vector<std::pair<std::int64_t, std::string>> roots;
  SQLite::Statement query(db, "SELECT id, path FROM roots ORDER BY length(path)");
  while (query.executeStep()) {
    roots.emplace_back(query.getColumn(0).getInt64(), query.getColumn(1).getString());
  }
  for (const auto& [id, path] : roots) {
    if (path == folder || is_within(folder, path)) return {id, path};
  }
  SQLite::Statement insert(db, "INSERT INTO roots(path) VALUES (?1)");
  insert.bind(1, folder);
  insert.exec();
  const std::int64_t id = db.getLastInsertRowid();
  for (const auto& [old_id, path] : roots) {
    if (!is_within(path, folder)) continue;
    const std::string prefix = relative_to(path, folder) + "/";
    for (const char* table : {"articles", "rejected_files"}) {
      SQLite::Statement move(db, std::string("UPDATE ") + table +
                                     " SET root_id = ?1, path = ?2 || path WHERE root_id = ?3");
      move.bind(1, static_cast<std::int64_t>(id));
      move.bind(2, prefix);
      move.bind(3, static_cast<std::int64_t>(old_id));
      move.exec();
    }
    SQLite::Statement drop(db, "DELETE FROM roots WHERE id = ?1");
    drop.bind(1, static_cast<std::int64_t>(old_id));
    drop.exec();
  }
  return {id, folder};
}

using WalkEvent = std::variant<source::FoundFile, source::ListError>;

// ".md" of "a.MD", "" for a name without one.
std::string extension_of(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  return util::ascii_lower(name.substr(dot));
}

// ImportOptions::extensions as extension_of() gives them: ".com" for "com" or ".COM".
std::set<std::string> normalised_extensions(const std::vector<std::string>& extensions) {
  std::set<std::string> out;
  for (const std::string& wanted : extensions) {
    if (wanted.empty()) continue;
    out.insert(util::ascii_lower(wanted[0] == '.' ? wanted : "." + wanted));
  }
  return out;
}

// Whether the name ends with one of `extensions` (normalised_extensions()).
bool has_extension(std::string_view name, const std::set<std::string>& extensions) {
  return !extensions.empty() && extensions.count(extension_of(name)) > 0;
}

// Runs a folder walk on a thread of its own, handing its events over in batches, so that
// the file system and the database are read at the same time. The queue is bounded.
class WalkThread {
 public:
  WalkThread(const source::FileSystem& files, const std::string& folder,
             const std::set<std::string>& extensions) {
    thread_ = std::thread([this, &files, &extensions, folder] {
      try {
        files.walk(
            folder,
            [this, &extensions](std::string_view name) {
              if (record::body_format_for(name) || has_extension(name, extensions)) return true;
              ++left_out_[extension_of(name)];
              return false;
            },
            [this](source::FoundFile&& file) { add(std::move(file)); },
            [this](source::ListError&& error) { add(std::move(error)); });
        publish(true);
      } catch (...) {
        std::lock_guard lock(mutex_);
        failure_ = std::current_exception();
        done_ = true;
        ready_.notify_all();
      }
    });
  }
  ~WalkThread() {
    {
      std::lock_guard lock(mutex_);
      cancelled_ = true;
      taken_.notify_all();
    }
    thread_.join();
  }
  WalkThread(const WalkThread&) = delete;
  WalkThread& operator=(const WalkThread&) = delete;

  // Regular files left out because of their extension, by extension ("" for none); read
  // once the walk is over.
  const std::map<std::string, std::uint64_t>& left_out() const { return left_out_; }

  // The next batch of events; empty when the walk is over.
  std::vector<WalkEvent> next() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !queue_.empty() || done_; });
    if (failure_) std::rethrow_exception(failure_);
    if (queue_.empty()) return {};
    std::vector<WalkEvent> batch = std::move(queue_.front());
    queue_.pop_front();
    taken_.notify_all();
    return batch;
  }

 private:
  static constexpr std::size_t kBatch = 2048;
  static constexpr std::size_t kMaxBatches = 16;

  struct Cancelled {};

  void add(WalkEvent&& event) {
    batch_.push_back(std::move(event));
    if (batch_.size() >= kBatch) publish(false);
  }

  void publish(bool last) {
    std::unique_lock lock(mutex_);
    taken_.wait(lock, [&] { return cancelled_ || queue_.size() < kMaxBatches; });
    if (cancelled_ && !last) throw Cancelled{};
    if (!batch_.empty()) queue_.push_back(std::move(batch_));
    batch_.clear();
    if (last) done_ = true;
    ready_.notify_all();
  }

  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable taken_;
  std::deque<std::vector<WalkEvent>> queue_;
  std::vector<WalkEvent> batch_;                   // owned by the walking thread
  std::map<std::string, std::uint64_t> left_out_;  // owned by the walking thread
  bool done_ = false;
  bool cancelled_ = false;
  std::exception_ptr failure_;
};

// Paths the walk could not see into: what lies under them is neither found nor gone.
class Unreachable {
 public:
  void add(std::string path, bool folder) {
    if (folder) path += '/';
    paths_.insert(std::move(path));
  }
  bool covers(const std::string& path) const {
    if (paths_.empty()) return false;
    auto it = paths_.upper_bound(path);
    if (it == paths_.begin()) return false;
    --it;
    return *it == path || (it->back() == '/' && path.compare(0, it->size(), *it) == 0);
  }

 private:
  std::set<std::string> paths_;
};

// A statement over rows of one scope, in path order: known articles or remembered rejections.
class ScopeCursor {
 public:
  ScopeCursor(SQLite::Database& db, const Scope& scope, const std::string& columns,
              const char* table)
      : query_(db, "SELECT path, " + columns + " FROM " + table + " WHERE root_id = ?1" +
                       range(scope) + " ORDER BY path") {
    query_.bind(1, static_cast<std::int64_t>(scope.root_id));
    if (scope.target.single_file) {
      query_.bind(2, scope.prefix);
    } else if (!scope.prefix.empty()) {
      query_.bind(2, scope.prefix);
      query_.bind(3, scope.prefix.substr(0, scope.prefix.size() - 1) + "0");  // '/' + 1
    }
    advance();
  }

  bool valid() const { return valid_; }
  const std::string& path() const { return path_; }
  SQLite::Statement& row() { return query_; }
  void advance() {
    valid_ = query_.executeStep();
    if (valid_) path_ = query_.getColumn(0).getString();
  }

 private:
  static std::string range(const Scope& scope) {
    if (scope.target.single_file) return " AND path = ?2";
    return scope.prefix.empty() ? "" : " AND path >= ?2 AND path < ?3";
  }

  SQLite::Statement query_;
  bool valid_ = false;
  std::string path_;
};

class Planner {
 public:
  Planner(SQLite::Database& db, const ImportOptions& options, const source::FileSystem& files,
          RunLog& log, Plan& plan)
      : db_(db),
        options_(options),
        files_(files),
        log_(log),
        plan_(plan),
        hash_of_(db, "SELECT content_hash FROM articles WHERE id = ?1"),
        extensions_(normalised_extensions(options.extensions)) {}

  void scope(std::uint32_t index) {
    const Scope& scope = plan_.scopes[index];
    ScopeCursor known(db_, scope, "id, file_size, file_mtime_ns, stat_verified", "articles");
    ScopeCursor rejected(db_, scope, "file_size, file_mtime_ns, status, line, col, message",
                         "rejected_files");
    Unreachable unreachable;

    auto found = [&](source::FoundFile&& file) {
      std::string path = scope.prefix + file.path;
      if (scope.target.single_file) path = scope.prefix;
      if (path.size() > PathStore::kMaxPath) {
        ++log_.summary().failed;
        const std::string shown = scope.root + "/" + path;
        log_.add_problem(problem(shown, Problem::Severity::kError, "the path is too long"), shown);
        return;
      }
      drain(known, rejected, scope, unreachable, &path);
      on_file(index, std::move(path), file.stat, known, rejected);
    };
    auto error = [&](source::ListError&& e) {
      ++log_.summary().failed;
      unreachable.add(scope.prefix + e.relative, e.folder);
      log_.add_problem(problem(e.path, Problem::Severity::kError, e.message), e.path);
    };

    if (scope.target.single_file) {
      if (auto stat = files_.stat(scope.target.absolute)) {
        found({"", *stat});
      } else {
        error({scope.target.absolute, "", false, "cannot examine the file"});
      }
    } else {
      WalkThread walk(files_, scope.target.folder, extensions_);
      for (auto batch = walk.next(); !batch.empty(); batch = walk.next()) {
        for (WalkEvent& event : batch) {
          if (auto* file = std::get_if<source::FoundFile>(&event)) {
            found(std::move(*file));
          } else {
            error(std::get<source::ListError>(std::move(event)));
          }
        }
      }
      for (const auto& [extension, count] : walk.left_out()) {
        log_.summary().left_out += count;
        log_.summary().left_out_by_extension[extension] += count;
      }
    }
    drain(known, rejected, scope, unreachable, nullptr);
  }

 private:
  static Problem problem(std::string path, Problem::Severity severity, std::string message,
                         int line = 0, int column = 0) {
    Problem p;
    p.path = std::move(path);
    p.severity = severity;
    p.message = std::move(message);
    p.line = line;
    p.column = column;
    return p;
  }

  // Rows before `upto` (all rows when null) have no file: their article is missing.
  void drain(ScopeCursor& known, ScopeCursor& rejected, const Scope& scope,
             const Unreachable& unreachable, const std::string* upto) {
    while (known.valid() && (upto == nullptr || known.path() < *upto)) {
      // An article imported from a file this run leaves out by its extension (imported by
      // name, or with --ext) is kept while the file is there.
      const bool left_out = !record::body_format_for(known.path()) &&
                            !has_extension(known.path(), extensions_) &&
                            files_.stat(scope.root + "/" + known.path()).has_value();
      if (!unreachable.covers(known.path()) && !left_out) {
        plan_.missing.push_back(known.row().getColumn(1).getInt64());
      }
      known.advance();
    }
    while (rejected.valid() && (upto == nullptr || rejected.path() < *upto)) {
      if (!unreachable.covers(rejected.path())) {
        plan_.rejected_gone.emplace_back(scope.root_id, rejected.path());
      }
      rejected.advance();
    }
  }

  void store_path(WorkItem& item, const std::string& path) {
    item.path = plan_.paths.add(path);
    item.path_length = static_cast<std::uint16_t>(path.size());
  }

  void on_file(std::uint32_t index, std::string path, const source::FileStat& stat,
               ScopeCursor& known, ScopeCursor& rejected) {
    ImportSummary& summary = log_.summary();
    ++summary.files;
    WorkItem item;
    item.scope = static_cast<std::uint16_t>(index);
    item.stat = stat;
    const bool is_known = known.valid() && known.path() == path;
    const bool is_rejected = rejected.valid() && rejected.path() == path;
    item.rejected = is_rejected;
    if (is_known) {
      SQLite::Statement& row = known.row();
      item.known_id = row.getColumn(1).getInt64();
      const bool same_stat = row.getColumn(4).getInt() != 0 &&
                             static_cast<std::uint64_t>(row.getColumn(2).getInt64()) == stat.size &&
                             row.getColumn(3).getInt64() == stat.mtime_ns;
      known.advance();
      if (is_rejected) rejected.advance();
      if (same_stat && !options_.force) {
        ++summary.unchanged;
        log_.add_done();
        return;
      }
      if (!options_.force) {
        hash_of_.reset();
        hash_of_.bind(1, item.known_id);
        if (hash_of_.executeStep()) {
          plan_.known_hashes.emplace_back(plan_.to_read.size(), hash_of_.getColumn(0).getString());
        }
      }
    } else if (is_rejected) {
      SQLite::Statement& row = rejected.row();
      const bool same_stat = static_cast<std::uint64_t>(row.getColumn(1).getInt64()) == stat.size &&
                             row.getColumn(2).getInt64() == stat.mtime_ns;
      if (same_stat && !options_.force) {
        // Still not an article: report it again without reading it.
        const auto severity = row.getColumn(3).getString() == "skipped"
                                  ? Problem::Severity::kSkipped
                                  : Problem::Severity::kError;
        ++(severity == Problem::Severity::kSkipped ? summary.skipped : summary.failed);
        store_path(item, path);
        log_.add_problem(problem(plan_.display(item), severity, row.getColumn(6).getString(),
                                 row.getColumn(4).getInt(), row.getColumn(5).getInt()),
                         plan_.absolute(item));
        log_.add_done();
        rejected.advance();
        return;
      }
      rejected.advance();
    }
    store_path(item, path);
    plan_.to_read.push_back(item);
  }

  SQLite::Database& db_;
  const ImportOptions& options_;
  const source::FileSystem& files_;
  RunLog& log_;
  Plan& plan_;
  SQLite::Statement hash_of_;
  const std::set<std::string> extensions_;  // ImportOptions::extensions, normalised once
};

}  // namespace

std::string Plan::absolute(const WorkItem& item) const {
  return scopes[item.scope].root + "/" + std::string(path(item));
}

std::string Plan::display(const WorkItem& item) const {
  const Scope& scope = scopes[item.scope];
  if (scope.target.single_file) return scope.target.given.string();
  return (scope.target.given / std::string(path(item).substr(scope.prefix.size()))).string();
}

std::vector<Target> resolve_targets(const std::vector<fs::path>& given) {
  if (given.empty()) throw Error(ErrorCode::kInvalidArgument, "no folder or file to import");
  std::vector<Target> targets;
  for (const fs::path& path : given) {
    std::error_code error;
    const fs::path canonical = fs::canonical(path, error);
    if (error) {
      throw Error(ErrorCode::kInvalidArgument,
                  "cannot import '" + path.string() + "': " + error.message());
    }
    Target target;
    target.given = path;
    target.absolute = canonical.string();
    const auto status = fs::status(canonical, error);
    if (fs::is_directory(status)) {
      target.folder = target.absolute;
    } else if (fs::is_regular_file(status)) {
      target.single_file = true;
      target.folder = canonical.parent_path().string();
    } else {
      throw Error(ErrorCode::kInvalidArgument,
                  "cannot import '" + path.string() + "': not a folder or a regular file");
    }
    targets.push_back(std::move(target));
  }
  // A target given twice, or inside a folder target, is already covered.
  std::vector<bool> covered(targets.size(), false);
  for (std::size_t i = 0; i < targets.size(); ++i) {
    for (std::size_t j = 0; j < targets.size() && !covered[i]; ++j) {
      covered[i] = (j < i && targets[j].absolute == targets[i].absolute) ||
                   (!targets[j].single_file && is_within(targets[i].absolute, targets[j].absolute));
    }
  }
  std::vector<Target> kept;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (!covered[i]) kept.push_back(std::move(targets[i]));
  }
  if (kept.size() > 65'535) {
    throw Error(ErrorCode::kInvalidArgument, "too many paths given to one import (at most 65,535)");
  }
  return kept;
}

Plan make_plan(SQLite::Database& db, std::vector<Target> targets, const ImportOptions& options,
               const source::FileSystem& files, RunLog& log) {
  Plan plan;
  for (Target& target : targets) {
    Scope scope;
    std::tie(scope.root_id, scope.root) = root_for(db, target.folder);
    const std::string within =
        relative_to(target.single_file ? target.absolute : target.folder, scope.root);
    scope.prefix = within.empty() || target.single_file ? within : within + "/";
    scope.target = std::move(target);
    plan.scopes.push_back(std::move(scope));
  }
  Planner planner(db, options, files, log, plan);
  for (std::uint32_t i = 0; i < plan.scopes.size(); ++i) planner.scope(i);
  log.set_total(log.summary().files);
  return plan;
}

}  // namespace articledb::import
