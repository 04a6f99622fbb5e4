// Malformed and hostile files mixed into a folder of good ones: the good ones are imported,
// each bad one is reported with its reason, and nothing crashes.
#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "articledb/importer.h"
#include "test_util.h"

namespace articledb {
namespace {

using ::testing::HasSubstr;

struct Expected {
  Problem::Severity severity;
  const char* reason;
};

TEST(HostileInputTest, GoodFilesAreImportedAndEachBadOneIsReported) {
  testing::TempDir dir;
  const auto src = dir / "src";
  // Good files, among them non-Latin ones, from tests/data/articles.
  std::filesystem::copy(testing::test_data() / "articles", src,
                        std::filesystem::copy_options::recursive);
  std::size_t good = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(src)) {
    good += entry.is_regular_file() ? 1 : 0;
  }
  ASSERT_GE(good, 5u);

  // Bad files, from tests/data/hostile and generated here.
  std::filesystem::copy(testing::test_data() / "hostile", src / "hostile",
                        std::filesystem::copy_options::recursive);
  testing::write_file(src / "hostile" / "empty.md", "");
  testing::write_file(src / "hostile" / "binary.md",
                      std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(1000, '\0'));
  testing::write_file(
      src / "hostile" / "deep-flow.md",
      "---\ntitle: deep\nx: " + std::string(10'000, '[') + std::string(10'000, ']') + "\n---\n");
  std::string block = "---\ntitle: deep\nx:\n  ";
  for (int i = 0; i < 10'000; ++i) block += "- ";  // compact nested sequences
  testing::write_file(src / "hostile" / "deep-block.md", block + "y\n---\n");
  testing::write_file(src / "hostile" / "huge.md",
                      testing::article_text("Huge") + std::string(50u << 20, 'a'));

  const std::map<std::string, Expected> expected = {
      {"bad-yaml.md", {Problem::Severity::kError, "invalid YAML"}},
      {"tab-indent.md", {Problem::Severity::kError, "invalid YAML"}},
      {"unclosed.md", {Problem::Severity::kError, "not closed"}},
      {"duplicate-keys.md", {Problem::Severity::kError, "duplicate key 'title'"}},
      {"invalid-utf8.md", {Problem::Severity::kError, "invalid UTF-8"}},
      {"latin1.html", {Problem::Severity::kError, "invalid UTF-8"}},
      {"no-front-matter.md", {Problem::Severity::kSkipped, "no front matter"}},
      {"no-title.md", {Problem::Severity::kSkipped, "no title"}},
      {"list-at-top.md", {Problem::Severity::kError, "must be a mapping"}},
      {"empty.md", {Problem::Severity::kSkipped, "no front matter"}},
      {"binary.md", {Problem::Severity::kError, "binary"}},
      {"deep-flow.md", {Problem::Severity::kError, "nested"}},
      {"deep-block.md", {Problem::Severity::kError, "nested"}},
      {"huge.md", {Problem::Severity::kError, "too large"}},
      {"alias-bomb.md", {Problem::Severity::kError, "values (aliases expanded)"}},
  };

  Database db(dir / "a.db");
  ImportOptions options;
  options.jobs = 2;
  const ImportSummary s = Importer(db, options).run({src});

  std::map<std::string, const Problem*> reported;
  for (const Problem& p : s.problems) {
    if (p.severity == Problem::Severity::kWarning) continue;
    reported[std::filesystem::path(p.path).filename().string()] = &p;
  }
  for (const auto& [name, want] : expected) {
    auto it = reported.find(name);
    ASSERT_NE(it, reported.end()) << name << " was not reported";
    EXPECT_EQ(it->second->severity, want.severity) << it->second->to_string();
    EXPECT_THAT(it->second->message, HasSubstr(want.reason)) << it->second->to_string();
  }
  EXPECT_EQ(reported.size(), expected.size());

  // The wrong-types file is an article with warnings.
  const std::size_t wrong_types_warnings = static_cast<std::size_t>(
      std::count_if(s.problems.begin(), s.problems.end(), [](const Problem& p) {
        return p.severity == Problem::Severity::kWarning && p.path.ends_with("wrong-types.md");
      }));
  EXPECT_GE(wrong_types_warnings, 3u);

  EXPECT_EQ(s.added, good + 1);  // + wrong-types.md
  EXPECT_EQ(s.failed + s.skipped, expected.size());
  EXPECT_TRUE(db.check().ok());

  SQLite::Database sql((dir / "a.db").string());
  EXPECT_EQ(sql.execAndGet("SELECT count(*) FROM articles WHERE path LIKE 'hostile/%'").getInt(),
            1);
  EXPECT_EQ(sql.execAndGet("SELECT count(*) FROM articles_fts").getInt64(),
            sql.execAndGet("SELECT count(*) FROM articles").getInt64());
}

}  // namespace
}  // namespace articledb
