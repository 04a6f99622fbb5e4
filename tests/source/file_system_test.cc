#include "source/file_system.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>

#include "test_util.h"

namespace articledb::source {
namespace {

std::vector<std::string> listed(const std::filesystem::path& dir,
                                std::vector<ListError>* errors = nullptr) {
  std::vector<FoundFile> files;
  std::vector<ListError> local;
  real_file_system().list(
      dir, [](std::string_view name) { return name.ends_with(".md"); }, files,
      errors != nullptr ? *errors : local);
  std::vector<std::string> names;
  for (const auto& f : files) names.push_back(f.path);
  std::sort(names.begin(), names.end());
  return names;
}

TEST(FileSystemTest, ListsMatchingFilesRecursivelySkippingHiddenOnes) {
  testing::TempDir dir;
  testing::write_file(dir / "a.md", "a");
  testing::write_file(dir / "sub" / "deeper" / "b.md", "bb");
  testing::write_file(dir / "sub" / "c.txt", "c");
  testing::write_file(dir / ".git" / "d.md", "d");
  testing::write_file(dir / "sub" / ".hidden.md", "e");
  EXPECT_EQ(listed(dir.path()), (std::vector<std::string>{"a.md", "sub/deeper/b.md"}));
}

TEST(FileSystemTest, FollowsFileLinksButNotFolderLinks) {
  testing::TempDir dir;
  testing::write_file(dir / "real" / "a.md", "a");
  std::filesystem::create_symlink(dir / "real" / "a.md", dir / "real" / "link.md");
  std::filesystem::create_directory_symlink(dir / "real", dir / "real" / "loop");
  EXPECT_EQ(listed(dir / "real"), (std::vector<std::string>{"a.md", "link.md"}));
}

TEST(FileSystemTest, ReportsStatOfFiles) {
  testing::TempDir dir;
  testing::write_file(dir / "a.md", "hello");
  testing::set_mtime(dir / "a.md", 1'600'000'000'123'456'789);
  std::vector<FoundFile> files;
  std::vector<ListError> errors;
  real_file_system().list(
      dir.path(), [](std::string_view) { return true; }, files, errors);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].stat.size, 5u);
  EXPECT_EQ(files[0].stat.mtime_ns, 1'600'000'000'123'456'789);
  EXPECT_EQ(real_file_system().stat(dir / "a.md")->mtime_ns, 1'600'000'000'123'456'789);
  EXPECT_FALSE(real_file_system().stat(dir / "none.md").has_value());
}

TEST(FileSystemTest, ReadsWholeFilesWithinTheLimit) {
  testing::TempDir dir;
  testing::write_file(dir / "a.md", "0123456789");
  EXPECT_EQ(real_file_system().read(dir / "a.md", 10).data, "0123456789");
  EXPECT_THROW(real_file_system().read(dir / "a.md", 9), FileError);
  EXPECT_THROW(real_file_system().read(dir / "none.md", 100), FileError);
  EXPECT_THROW(real_file_system().read(dir.path(), 100), FileError);
}

TEST(FileSystemTest, UnreadableFolderIsReportedNotFatal) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every folder";
  testing::TempDir dir;
  testing::write_file(dir / "ok.md", "a");
  testing::write_file(dir / "locked" / "x.md", "b");
  std::filesystem::permissions(dir / "locked", std::filesystem::perms::none);
  std::vector<ListError> errors;
  EXPECT_EQ(listed(dir.path(), &errors), (std::vector<std::string>{"ok.md"}));
  EXPECT_EQ(errors.size(), 1u);
}

}  // namespace
}  // namespace articledb::source
