// Helpers shared by the tests: temporary folders, files, and where the test data lives.
#ifndef ARTICLEDB_TESTS_TEST_UTIL_H_
#define ARTICLEDB_TESTS_TEST_UTIL_H_

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "articledb/error.h"

namespace articledb::testing {

/// A fresh folder, removed with everything in it when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

/// Writes `content` to `path`, creating its folders.
void write_file(const std::filesystem::path& path, std::string_view content);

/// Reads a whole file.
std::string read_file(const std::filesystem::path& path);

/// Sets a file's modification time, in nanoseconds since the epoch.
void set_mtime(const std::filesystem::path& path, std::int64_t mtime_ns);

/// tests/data.
std::filesystem::path test_data();

/// examples/articles.
std::filesystem::path examples();

/// ../shared/corpus and ../shared/seed, or nullopt when they are not there.
std::optional<std::filesystem::path> corpus_dir();
std::optional<std::filesystem::path> seed_dir();

/// True when ARTICLEDB_REQUIRE_SHARED=1: tests must fail, not skip, without ../shared.
bool shared_required();

/// Skips the current test when `present` is false, or fails it when shared_required().
#define ARTICLEDB_SKIP_WITHOUT_SHARED(present)                                                  \
  do {                                                                                          \
    if (!(present)) {                                                                           \
      if (::articledb::testing::shared_required()) {                                            \
        FAIL() << "../shared/corpus or ../shared/seed is missing (ARTICLEDB_REQUIRE_SHARED=1)"; \
      }                                                                                         \
      GTEST_SKIP() << "../shared/corpus or ../shared/seed not found; set ARTICLEDB_SHARED_DIR"; \
    }                                                                                           \
  } while (false)

/// The code of the articledb::Error that `action` throws; a test failure if it throws none.
ErrorCode error_code_of(const std::function<void()>& action);

/// A minimal valid article with the given title (and optional extra front-matter lines).
std::string article_text(std::string_view title, std::string_view more = "");

}  // namespace articledb::testing

#endif  // ARTICLEDB_TESTS_TEST_UTIL_H_
