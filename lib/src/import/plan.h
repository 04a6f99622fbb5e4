// First stage of an import: what the run must do. Resolves the paths given to the run into
// scopes of database roots, walks the folders, and compares every file's stat with what the
// database remembers, streaming both in path order (nothing is held per unchanged file). The
// outcome is the list of files to read, and the articles whose file is gone.
#ifndef ARTICLEDB_IMPORT_PLAN_H_
#define ARTICLEDB_IMPORT_PLAN_H_

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "articledb/importer.h"
#include "import/run_log.h"
#include "source/file_system.h"

namespace articledb::import {

/// One path given to the run.
struct Target {
  std::filesystem::path given;  ///< as the caller wrote it, for messages
  std::string absolute;         ///< canonical
  bool single_file = false;
  std::string folder;  ///< what is walked: the target, or a single file's folder
};

/// The part of a database root that a target covers.
struct Scope {
  Target target;
  std::int64_t root_id = 0;
  std::string root;    ///< canonical path of the database root
  std::string prefix;  ///< path of the target within the root: "" or "a/b/" (or "a/f.md")
};

/// Paths stored back to back in blocks: a million paths cost their bytes and 8 bytes each,
/// with no reallocation that would need twice the memory for a moment.
class PathStore {
 public:
  struct Ref {
    std::uint32_t block = 0;
    std::uint32_t offset = 0;
  };
  /// `text` is at most kMaxPath bytes.
  Ref add(std::string_view text) {
    if (blocks_.empty() || used_ + text.size() > kBlock) {
      blocks_.push_back(std::make_unique<char[]>(kBlock));
      used_ = 0;
    }
    const Ref ref{static_cast<std::uint32_t>(blocks_.size() - 1),
                  static_cast<std::uint32_t>(used_)};
    std::copy(text.begin(), text.end(), blocks_.back().get() + used_);
    used_ += text.size();
    return ref;
  }
  std::string_view get(Ref ref, std::size_t length) const {
    return std::string_view(blocks_[ref.block].get() + ref.offset, length);
  }

  static constexpr std::size_t kMaxPath = 65'535;

 private:
  static constexpr std::size_t kBlock = 1u << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t used_ = 0;
};

/// A file the run must read.
struct WorkItem {
  source::FileStat stat;
  std::int64_t known_id = 0;  ///< the article of this path, 0 if none
  PathStore::Ref path;        ///< relative to the scope's root
  std::uint16_t path_length = 0;
  std::uint16_t scope = 0;
  bool rejected = false;  ///< the database remembers this path as not an article
};

struct Plan {
  std::vector<Scope> scopes;
  PathStore paths;
  std::deque<WorkItem> to_read;  // a deque: no reallocation of a million items
  /// Content hashes of the known articles in `to_read` (not with --force), by item index.
  std::vector<std::pair<std::size_t, std::string>> known_hashes;
  /// Articles whose file the walk did not find (a file under a folder that could not be read
  /// is not "not found").
  std::vector<std::int64_t> missing;
  /// Remembered rejections whose file is gone: root id and path.
  std::vector<std::pair<std::int64_t, std::string>> rejected_gone;

  std::string_view path(const WorkItem& item) const {
    return paths.get(item.path, item.path_length);
  }
  /// The file on disk.
  std::string absolute(const WorkItem& item) const;
  /// The file as the caller named it: the given path and the file's path under it.
  std::string display(const WorkItem& item) const;
};

/// Resolves the given paths (each must exist) into targets; a target inside another is
/// dropped. Throws Error(kInvalidArgument).
std::vector<Target> resolve_targets(const std::vector<std::filesystem::path>& given);

/// Builds the plan inside the caller's write transaction (roots may be added or merged).
/// Counts files, unchanged and remembered-rejected files into `log`, and reports walk errors
/// and rejections there.
Plan make_plan(SQLite::Database& db, std::vector<Target> targets, const ImportOptions& options,
               const source::FileSystem& files, RunLog& log);

}  // namespace articledb::import

#endif  // ARTICLEDB_IMPORT_PLAN_H_
