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
  std::string path;  ///< the folder or file that could not be listed or examined
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

  /// Regular files under `folder`, recursively, whose name `accept` takes. Entries whose
  /// name starts with '.' are skipped; symbolic links to files are followed, links to
  /// folders are not (no cycles). Folders that cannot be read go to `errors`.
  virtual void list(const std::filesystem::path& folder,
                    const std::function<bool(std::string_view name)>& accept,
                    std::vector<FoundFile>& files, std::vector<ListError>& errors) const = 0;

  /// Reads a whole file. Throws FileError if it cannot, or if it is larger than `max_size`.
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
