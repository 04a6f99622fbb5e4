#include "test_util.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace articledb::testing {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "articledb-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add, ignored);
  std::filesystem::remove_all(path_, ignored);
}

void write_file(const std::filesystem::path& path, std::string_view content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void set_mtime(const std::filesystem::path& path, std::int64_t mtime_ns) {
  timespec times[2];
  times[0].tv_sec = 0;
  times[0].tv_nsec = UTIME_OMIT;
  times[1].tv_sec = mtime_ns / 1'000'000'000;
  times[1].tv_nsec = mtime_ns % 1'000'000'000;
  if (::utimensat(AT_FDCWD, path.c_str(), times, 0) != 0) {
    throw std::runtime_error("cannot set mtime of " + path.string());
  }
}

std::filesystem::path test_data() { return ARTICLEDB_TEST_DATA; }

std::filesystem::path examples() { return ARTICLEDB_EXAMPLES; }

namespace {
std::optional<std::filesystem::path> shared(const char* name) {
  std::filesystem::path dir = std::filesystem::path(ARTICLEDB_SHARED_DIR) / name;
  if (const char* env = std::getenv("ARTICLEDB_SHARED_DIR"); env != nullptr && *env != '\0') {
    dir = std::filesystem::path(env) / name;
  }
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) return std::nullopt;
  return std::filesystem::canonical(dir);
}
}  // namespace

bool shared_required() {
  const char* env = std::getenv("ARTICLEDB_REQUIRE_SHARED");
  return env != nullptr && std::string_view(env) == "1";
}

std::optional<std::filesystem::path> corpus_dir() { return shared("corpus"); }
std::optional<std::filesystem::path> seed_dir() { return shared("seed"); }

ErrorCode error_code_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    return e.code();
  }
  ADD_FAILURE() << "no articledb::Error was thrown";
  return ErrorCode::kDatabase;
}

std::string article_text(std::string_view title, std::string_view more) {
  std::string text = "---\ntitle: \"";
  text += title;
  text += "\"\n";
  text += more;
  if (!more.empty() && more.back() != '\n') text += "\n";
  text += "---\n";
  return text;
}

}  // namespace articledb::testing
