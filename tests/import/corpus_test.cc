// The real corpus (../shared/corpus) and the seed article (../shared/seed), end to end.
// Skipped when they are absent; .ci/run requires them.
#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <set>

#include "articledb/importer.h"
#include "import/import_run.h"
#include "import/import_test_util.h"
#include "test_util.h"

namespace articledb {
namespace {

using ::testing::HasSubstr;

class CorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    corpus_ = testing::corpus_dir();
    seed_ = testing::seed_dir();
    if (!corpus_ || !seed_) return;
    dir_ = new testing::TempDir();
    Database db(dir_->path() / "corpus.db");
    first_ = new ImportSummary(Importer(db).run({*corpus_, *seed_}));
  }
  static void TearDownTestSuite() {
    delete first_;
    delete dir_;
    first_ = nullptr;
    dir_ = nullptr;
  }
  void SetUp() override {
    ARTICLEDB_SKIP_WITHOUT_SHARED(corpus_ && seed_);
    sql_ = std::make_unique<SQLite::Database>((dir_->path() / "corpus.db").string());
  }

  std::string text(const std::string& query) {
    SQLite::Statement q(*sql_, query);
    if (!q.executeStep() || q.getColumn(0).isNull()) return "<null>";
    return q.getColumn(0).getString();
  }
  std::int64_t number(const std::string& query) { return sql_->execAndGet(query).getInt64(); }

  static inline std::optional<std::filesystem::path> corpus_;
  static inline std::optional<std::filesystem::path> seed_;
  static inline testing::TempDir* dir_ = nullptr;
  static inline ImportSummary* first_ = nullptr;
  std::unique_ptr<SQLite::Database> sql_;
};

// Article files of a folder, found independently of the library.
std::vector<std::filesystem::path> article_files(const std::filesystem::path& root) {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() &&
        (ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm" || ext == ".txt")) {
      out.push_back(entry.path());
    }
  }
  return out;
}

// The front matter of a file, loaded with yaml-cpp's document API.
YAML::Node front_matter(const std::filesystem::path& file) {
  const std::string text = testing::read_file(file);
  const std::size_t end = text.find("\n---", 4);
  return YAML::Load(text.substr(4, end - 4));
}

TEST_F(CorpusTest, EveryFileWithFrontMatterAndTitleIsOneArticle) {
  std::size_t expected = 0;
  for (const auto& root : {*corpus_, *seed_}) {
    for (const auto& file : article_files(root)) {
      const YAML::Node yaml = front_matter(file);
      expected += (yaml["title"] || yaml["name"]) ? 1 : 0;
    }
  }
  EXPECT_EQ(first_->added, expected);
  EXPECT_EQ(first_->failed, 0u);
  EXPECT_EQ(first_->skipped, 0u);
  EXPECT_EQ(number("SELECT count(*) FROM articles"), static_cast<std::int64_t>(expected));
  EXPECT_EQ(number("SELECT count(DISTINCT root_id || '/' || path) FROM articles"),
            static_cast<std::int64_t>(expected));
}

TEST_F(CorpusTest, SeedFieldsComeBackExactly) {
  const std::string seed = "(SELECT id FROM articles WHERE path = '000_d08c63637665816d.txt')";
  const std::string a = "SELECT %s FROM articles WHERE id = " + seed;
  auto field = [&](const std::string& column) {
    std::string query = a;
    query.replace(query.find("%s"), 2, column);
    return text(query);
  };
  EXPECT_EQ(field("title"), "Facebook's PyTorch AI ignites at the Linux Foundation");
  EXPECT_EQ(field("excerpt"),
            "PyTorch, one of the most important machine learning frameworks around, is moving from "
            "underneath Facebook's rule to the Linux Foundation.");
  EXPECT_EQ(field("category"), "news");
  EXPECT_EQ(field("published_at"), "2022-09-13T20:38:00Z");
  EXPECT_EQ(field("original_url"),
            "https://www.zdnet.com/article/facebooks-pytorch-ai-ignites-at-the-linux-foundation/");
  EXPECT_EQ(field("web_url"),
            "https://www.zdnet.com/article/facebooks-pytorch-ai-ignites-at-the-linux-foundation/");
  EXPECT_EQ(field("amp_web_url"),
            "https://www.zdnet.com/google-amp/article/"
            "facebooks-pytorch-ai-ignites-at-the-linux-foundation/");
  EXPECT_EQ(field("cdn_amp_web_url"),
            "https://www-zdnet-com.cdn.ampproject.org/c/s/www.zdnet.com/google-amp/article/"
            "facebooks-pytorch-ai-ignites-at-the-linux-foundation/");
  EXPECT_EQ(field("type"), "article");
  EXPECT_EQ(field("quality"), "106");
  EXPECT_EQ(field("heat"), "126");
  EXPECT_EQ(field("published"), "1");
  EXPECT_THAT(field("secured"), HasSubstr("V7uuaFm/IBR2kRIiKAONEmr"));
  EXPECT_EQ(text("SELECT p.name || '|' || p.domain FROM providers p JOIN articles a ON "
                 "a.provider_id = p.id WHERE a.id = " +
                 seed),
            "ZDNet|zdnet.com");
  EXPECT_EQ(
      text("SELECT url || '|' || width || 'x' || height FROM images WHERE role = 'provider' "
           "AND article_id = " +
           seed),
      "https://everyday-cc.github.io/ai/assets/images/organizations/zdnet.com-50x50.jpg|50x50");
  EXPECT_EQ(text("SELECT group_concat(name, ',') FROM (SELECT t.name FROM article_topics l JOIN "
                 "topics t ON t.id = l.topic_id WHERE l.article_id = " +
                 seed + " ORDER BY l.position)"),
            "Facebook AI,AI,AI Hardware");
  EXPECT_EQ(text("SELECT width || 'x' || height || '|' || is_cached FROM images WHERE role = "
                 "'article' AND article_id = " +
                 seed),
            "1200x802|1");
  EXPECT_THAT(text("SELECT url FROM images WHERE role = 'article' AND article_id = " + seed),
              HasSubstr("pytorch-crop-layout-for-twitter.jpg?width=1200&fit=bounds&auto=webp"));
  EXPECT_EQ(text("SELECT group_concat(x, ' / ') FROM (SELECT r.title || '|' || r.published_at || "
                 "'|' || p.name || '|' || p.domain || '|' || r.quality AS x FROM related r JOIN "
                 "providers p ON p.id = r.provider_id WHERE r.article_id = " +
                 seed + " ORDER BY r.position)"),
            "AMD Joins PyTorch Foundation to Accelerate AI Adoption|2022-09-13T21:00:00Z|Nasdaq|"
            "nasdaq.com|88 / Meta is handing over its PyTorch AI platform to the Linux "
            "Foundation|2022-09-13T19:17:00Z|TechRadar|techradar.com|66");
  EXPECT_EQ(
      text("SELECT web_url FROM related WHERE position = 0 AND article_id = " + seed),
      "https://www.nasdaq.com/articles/amd-joins-pytorch-foundation-to-accelerate-ai-adoption");
  EXPECT_EQ(
      text("SELECT amp_web_url FROM related WHERE position = 0 AND article_id = " + seed),
      "https://www.nasdaq.com/articles/amd-joins-pytorch-foundation-to-accelerate-ai-adoption?amp");
}

TEST_F(CorpusTest, KeysWithoutAColumnAreKeptInExtra) {
  // Keys that have columns (or tables) of their own.
  const std::set<std::string> columns = {
      "category",    "title",    "excerpt",   "publishedDateTime",
      "originalUrl", "webUrl",   "ampWebUrl", "cdnAmpWebUrl",
      "type",        "quality",  "heat",      "published",
      "removed",     "provider", "topics",    "images",
      "related",     "secured"};
  std::size_t checked = 0;
  for (const auto& file : article_files(*corpus_)) {
    const YAML::Node yaml = front_matter(file);
    const std::string path = std::filesystem::relative(file, *corpus_).generic_string();
    SQLite::Statement q(*sql_, "SELECT extra FROM articles WHERE path = ?1");
    q.bind(1, path);
    ASSERT_TRUE(q.executeStep()) << path;
    const auto extra = nlohmann::json::parse(q.getColumn(0).getString());
    for (const auto& entry : yaml) {
      const std::string key = entry.first.as<std::string>();
      if (columns.count(key) != 0) continue;
      ASSERT_TRUE(extra.contains(key)) << path << " lost " << key;
      if (entry.second.IsScalar()) {
        const auto& value = extra.at(key);
        const std::string written = entry.second.as<std::string>();
        if (value.is_string()) {
          EXPECT_EQ(value.get<std::string>(), written) << path << " " << key;
        } else {
          EXPECT_EQ(value.dump(), written) << path << " " << key;
        }
      } else {
        EXPECT_EQ(extra.at(key).size(), entry.second.size()) << path << " " << key;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 1000u);
  const std::string course =
      "(SELECT extra FROM articles WHERE path LIKE "
      "'%/microsoft-learn-integrate-common-data-service.md')";
  EXPECT_EQ(text("SELECT json_extract(" + course + ", '$.price')"), "Free");
  EXPECT_EQ(text("SELECT json_extract(" + course + ", '$.length')"), "PT44M");
  EXPECT_EQ(text("SELECT json_extract(" + course + ", '$.ratings.count')"), "32");
  EXPECT_EQ(text("SELECT json_extract(" + course + ", '$.ratings.average')"), "4.65625");
  EXPECT_EQ(text("SELECT json_extract(extra, '$.twitter.followers') FROM articles WHERE path LIKE "
                 "'%/_people/april-dunnam.md'"),
            "16314");
  EXPECT_GT(number("SELECT count(*) FROM articles WHERE json_extract(extra, '$.actions[0].url') "
                   "IS NOT NULL"),
            100);
  EXPECT_GT(number("SELECT count(*) FROM articles WHERE json_extract(extra, '$.featuredContent') "
                   "LIKE '<iframe%'"),
            400);
}

TEST_F(CorpusTest, SecondImportChangesNothingAndOpensNoFile) {
  const std::string snapshot =
      "SELECT count(*) || '/' || sum(id) || '/' || group_concat(content_hash, '') FROM articles";
  const std::string state = text(snapshot);
  testing::CountingFileSystem files;
  Database db(dir_->path() / "corpus.db");
  const ImportSummary s = import::run_import(db, {*corpus_, *seed_}, {}, files);
  EXPECT_EQ(files.reads, 0);
  EXPECT_EQ(s.unchanged, first_->added);
  EXPECT_EQ(s.added + s.updated + s.removed + s.moved + s.failed + s.skipped, 0u);
  EXPECT_EQ(text(snapshot), state);
  EXPECT_TRUE(db.check().ok());
}

TEST_F(CorpusTest, FullTextSearchFindsTheSeedWithASnippet) {
  EXPECT_THAT(text("SELECT snippet(articles_fts, 0, '[', ']', '...', 8) FROM articles_fts "
                   "WHERE articles_fts MATCH 'pytorch' ORDER BY bm25(articles_fts, 10, 4, 1, 2, 2) "
                   "LIMIT 1"),
              HasSubstr("[PyTorch]"));
  EXPECT_GT(number("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'body:formula'"), 0);
}

TEST_F(CorpusTest, SearchRanksTheSeedFirstAndFacetsAddUp) {
  OpenOptions read_only;
  read_only.mode = OpenMode::kReadOnly;
  const Database db(dir_->path() / "corpus.db", read_only);
  SearchOptions options;
  options.facets = true;
  const SearchResults results = db.search("pytorch linux foundation", options);
  ASSERT_FALSE(results.hits.empty());
  EXPECT_EQ(results.hits.front().article.path, "000_d08c63637665816d.txt");
  EXPECT_THAT(results.hits.front().snippet, HasSubstr("[PyTorch]"));
  const SearchResults power = db.search("topic:\"Power Apps\" canvas", options);
  EXPECT_EQ(power.facets->total,
            number("SELECT count(*) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                   "WHERE articles_fts MATCH 'canvas' AND EXISTS (SELECT 1 FROM article_topics l "
                   "JOIN topics t ON t.id = l.topic_id WHERE l.article_id = a.id AND t.name = "
                   "'Power Apps')"));
}

TEST_F(CorpusTest, EveryArticleHasItsCollection) {
  EXPECT_EQ(number("SELECT count(*) FROM articles WHERE collection = 'news'"), 674);
  EXPECT_EQ(number("SELECT count(*) FROM articles WHERE collection = 'newsletters'"), 50);
  EXPECT_EQ(number("SELECT count(*) FROM articles WHERE collection = 'people'"), 6);
}

}  // namespace
}  // namespace articledb
