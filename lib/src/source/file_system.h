// The file system as the importer sees it: a seam, so that tests can fake files,
// modification times and failures.
#ifndef ARTICLEDB_SOURCE_FILE_SYSTEM_H_
#define ARTICLEDB_SOURCE_FILE_SYSTEM_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace articledb::source {

struct FileStat {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;  ///< modification time, nanoseconds since the Unix epoch
};

struct FoundFile {
  std::string path;  ///< relative to the listed folder, '/'-separated
  FileStat stat;
};

struct ListError {
  std::string path;      ///< the folder or file that could not be listed or examined
  std::string relative;  ///< the same, relative to the walked folder ('/'-separated)
  bool folder = false;   ///< a folder: nothing under it was visited
  std::string message;
};

/// Contents of a file and its facts taken from the open file.
struct FileContents {
  std::string data;
  FileStat stat;
};

/// A file that could not be read; the message says why.
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  /// Visits the regular files under `folder`, recursively, whose name `accept` takes, in the
  /// byte order of their relative paths (the order of SQLite's BINARY collation), so that a
  /// caller can merge them with an index of paths without holding either in memory. Entries
  /// whose name starts with '.' are skipped; symbolic links to files are followed, links to
  /// folders are not (no cycles). A folder or entry that cannot be read is reported to
  /// `on_error` at its place in that order, and its contents are not visited.
  virtual void walk(const std::filesystem::path& folder,
                    const std::function<bool(std::string_view name)>& accept,
                    const std::function<void(FoundFile&& file)>& on_file,
                    const std::function<void(ListError&& error)>& on_error) const = 0;

  /// walk() into vectors.
  void list(const std::filesystem::path& folder,
            const std::function<bool(std::string_view name)>& accept, std::vector<FoundFile>& files,
            std::vector<ListError>& errors) const;

  /// Reads a whole regular file. Throws FileError if it cannot, if it is not a regular file
  /// (a FIFO or device is never waited on), or if it is larger than `max_size`.
  virtual FileContents read(const std::filesystem::path& path, std::uint64_t max_size) const = 0;

  /// Facts of a file, nullopt if it is missing or not a regular file.
  virtual std::optional<FileStat> stat(const std::filesystem::path& path) const = 0;

  /// The current time on the clock that file modification times use, in nanoseconds.
  virtual std::int64_t now_ns() const = 0;
};

/// The real file system (POSIX). Stateless and thread-safe.
const FileSystem& real_file_system();

}  // namespace articledb::source

#endif  // ARTICLEDB_SOURCE_FILE_SYSTEM_H_
