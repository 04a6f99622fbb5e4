// A file system seam for import tests: counts reads and can run a fake clock.
#ifndef ARTICLEDB_TESTS_IMPORT_IMPORT_TEST_UTIL_H_
#define ARTICLEDB_TESTS_IMPORT_IMPORT_TEST_UTIL_H_

#include <atomic>
#include <optional>
#include <string>

#include "source/file_system.h"

namespace articledb::testing {

/// The real file system, with every read() counted and, optionally, a fixed clock.
class CountingFileSystem : public source::FileSystem {
 public:
  void walk(const std::filesystem::path& folder,
            const std::function<bool(std::string_view)>& accept,
            const std::function<void(source::FoundFile&&)>& on_file,
            const std::function<void(source::ListError&&)>& on_error) const override {
    if (!unreadable_folder) {
      source::real_file_system().walk(folder, accept, on_file, on_error);
      return;
    }
    // The folder cannot be listed: an error where it is met, and none of its files.
    const std::string inside = *unreadable_folder + "/";
    bool reported = false;
    source::real_file_system().walk(
        folder, accept,
        [&](source::FoundFile&& file) {
          if (file.path.rfind(inside, 0) != 0) {
            on_file(std::move(file));
          } else if (!reported) {
            reported = true;
            on_error({(folder / *unreadable_folder).string(), *unreadable_folder, true,
                      "cannot open the folder: Permission denied"});
          }
        },
        on_error);
  }
  source::FileContents read(const std::filesystem::path& path, std::uint64_t max) const override {
    ++reads;
    return source::real_file_system().read(path, max);
  }
  std::optional<source::FileStat> stat(const std::filesystem::path& path) const override {
    return source::real_file_system().stat(path);
  }
  std::int64_t now_ns() const override {
    return fixed_now ? *fixed_now : source::real_file_system().now_ns();
  }

  mutable std::atomic<int> reads{0};
  /// A folder (relative to the walked one) reported as unreadable, its files unseen.
  std::optional<std::string> unreadable_folder;
  std::optional<std::int64_t> fixed_now;
};

}  // namespace articledb::testing

#endif  // ARTICLEDB_TESTS_IMPORT_IMPORT_TEST_UTIL_H_
