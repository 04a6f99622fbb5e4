// Round trip: import, write every article back as a file (to_front_matter), import those
// files: the same fields, child rows, extra, repaired and body.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <map>

#include "articledb/database.h"
#include "articledb/importer.h"
#include "test_util.h"

namespace articledb {
namespace {

// Every article of `db`, by id, with its body.
std::map<std::int64_t, Article> all_articles(const Database& db) {
  std::map<std::int64_t, Article> out;
  ListOptions options;
  options.limit = kMaxPageSize;
  options.with_body = true;
  do {
    ArticlePage page = db.list(options);
    for (Article& a : page.articles) out.emplace(*a.id, std::move(a));
    options.after = page.next;
  } while (!options.after.empty());
  return out;
}

// What a file gives, without what comes from the database (ids) or from where the file lies.
Article content(Article a) {
  a.id.reset();
  a.path.clear();
  a.collection.reset();
  if (a.provider) a.provider->id.reset();
  for (Topic& t : a.topics) t.id.reset();
  for (Related& r : a.related) {
    r.article_id.reset();
    if (r.provider) r.provider->id.reset();
  }
  return a;
}

// Differences between two articles, field by field, for the failure message.
std::string differences(const Article& a, const Article& b) {
  std::string out;
  auto check = [&](const char* name, bool same) {
    if (!same) out += std::string(out.empty() ? "" : ", ") + name;
  };
  check("title", a.title == b.title);
  check("excerpt", a.excerpt == b.excerpt);
  check("category", a.category == b.category);
  check("type", a.type == b.type);
  check("published_at", a.published_at == b.published_at);
  check("urls", a.original_url == b.original_url && a.web_url == b.web_url &&
                    a.amp_web_url == b.amp_web_url && a.cdn_amp_web_url == b.cdn_amp_web_url);
  check("numbers", a.quality == b.quality && a.heat == b.heat && a.published == b.published &&
                       a.removed == b.removed);
  check("secured", a.secured == b.secured);
  check("provider", a.provider == b.provider);
  check("topics", a.topics == b.topics);
  check("images", a.images == b.images);
  check("related", a.related == b.related);
  check("body", a.body == b.body && a.body_format == b.body_format);
  if (a.extra_json != b.extra_json) out += " extra " + a.extra_json + " vs " + b.extra_json;
  if (a.layout_json != b.layout_json) out += " layout " + a.layout_json + " vs " + b.layout_json;
  if (a.repaired_json != b.repaired_json) {
    out += " repaired " + a.repaired_json + " vs " + b.repaired_json;
  }
  return out;
}

void expect_round_trip(const std::vector<std::filesystem::path>& roots) {
  testing::TempDir dir;
  Database first(dir / "first.db");
  const ImportSummary s = Importer(first).run(roots);
  ASSERT_GT(s.added, 0u);
  const auto before = all_articles(first);
  // Each article under a folder named by its id: paths from several roots may repeat.
  for (const auto& [id, article] : before) {
    testing::write_file(dir / "out" / std::to_string(id) / article.path, to_front_matter(article));
  }
  Database second(dir / "second.db");
  const ImportSummary again = Importer(second).run({dir / "out"});
  EXPECT_EQ(again.added, before.size());
  EXPECT_EQ(again.failed + again.skipped, 0u);
  std::size_t compared = 0;
  int reported = 0;
  for (const auto& [id, article] : all_articles(second)) {
    const std::string path = article.path;
    const std::int64_t original = std::stoll(path.substr(0, path.find('/')));
    ASSERT_TRUE(before.count(original)) << path;
    const Article& want = before.at(original);
    EXPECT_EQ(path.substr(path.find('/') + 1), want.path);
    const Article a = content(want);
    const Article b = content(article);
    if (!(a == b) && reported++ < 10) {
      ADD_FAILURE() << want.path << ": " << differences(a, b);
    }
    ++compared;
  }
  EXPECT_EQ(compared, before.size());
  EXPECT_EQ(reported, 0) << reported << " of " << compared << " articles differ";
}

TEST(ExportTest, ExamplesRoundTrip) { expect_round_trip({testing::examples()}); }

TEST(ExportTest, SharedCorpusAndSeedRoundTrip) {
  const auto corpus = testing::corpus_dir();
  const auto seed = testing::seed_dir();
  ARTICLEDB_SKIP_WITHOUT_SHARED(corpus && seed);
  expect_round_trip({*corpus, *seed});
}

TEST(ExportTest, KeysComeBackInTheFilesOrderAndProfilesKeepTheirName) {
  testing::TempDir dir;
  testing::write_file(dir / "src" / "a.md", R"(---
heat: 3
zeta: 1
title: "Both"
name: "Both"
related:
  - {webUrl: "https://b.example/x", title: "B", provider: {domain: b.example, name: B}}
excerpt:
provider: {domain: a.example, name: A}
---
)");
  testing::write_file(dir / "src" / "p.md", "---\nname: \"Grace\"\nrole: x\n---\n");
  Database db(dir / "a.db");
  Importer(db).run({dir / "src"});
  const auto articles = all_articles(db);
  ASSERT_EQ(articles.size(), 2u);
  EXPECT_EQ(to_front_matter(articles.begin()->second),
            "---\nheat: 3\nzeta: 1\ntitle: \"Both\"\nname: \"Both\"\nrelated:\n- webUrl: "
            "\"https://b.example/x\"\n  title: \"B\"\n  provider:\n    domain: \"b.example\"\n"
            "    name: \"B\"\nexcerpt: null\nprovider:\n  domain: \"a.example\"\n  name: \"A\"\n"
            "---\n");
  EXPECT_EQ(to_front_matter(std::next(articles.begin())->second),
            "---\nname: \"Grace\"\nrole: \"x\"\n---\n");
}

TEST(ExportTest, FilesWithTheSameKeyOrderShareOneLayoutAcrossRuns) {
  testing::TempDir dir;
  testing::write_file(dir / "src" / "a.md", "---\ntitle: \"A\"\nexcerpt: \"x\"\n---\n");
  testing::write_file(dir / "src" / "b.md", "---\ntitle: \"B\"\nexcerpt: \"y\"\n---\n");
  testing::write_file(dir / "src" / "c.md", "---\nexcerpt: \"z\"\ntitle: \"C\"\n---\n");
  Database db(dir / "a.db");
  Importer(db).run({dir / "src"});
  // A later run (a new writer, nothing cached) finds the layout already kept.
  testing::write_file(dir / "more" / "d.md", "---\ntitle: \"D\"\nexcerpt: \"w\"\n---\n");
  Importer(db).run({dir / "more"});
  SQLite::Database sql((dir / "a.db").string());
  EXPECT_EQ(sql.execAndGet("SELECT count(*) FROM layouts").getInt(), 2);
  EXPECT_EQ(sql.execAndGet("SELECT count(DISTINCT layout_id) FROM articles WHERE title IN "
                           "('A', 'B', 'D')")
                .getInt(),
            1);
  EXPECT_EQ(sql.execAndGet("SELECT count(*) FROM articles WHERE layout_id = (SELECT layout_id "
                           "FROM articles WHERE title = 'A')")
                .getInt(),
            3);
  const auto articles = all_articles(db);
  ASSERT_EQ(articles.size(), 4u);
  EXPECT_EQ(to_front_matter(std::next(articles.begin(), 2)->second),
            "---\nexcerpt: \"z\"\ntitle: \"C\"\n---\n");
}

TEST(ExportTest, JsonHoldsEveryFieldAndNullForWhatIsAbsent) {
  testing::TempDir dir;
  testing::write_file(dir / "src" / "a.md",
                      "---\ntitle: \"A\"\nquality: 5\ntopics: [AI]\ncustom: [1]\n---\n");
  Database db(dir / "a.db");
  Importer(db).run({dir / "src"});
  const Article a = all_articles(db).begin()->second;
  const std::string line = to_json(a, true);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  for (const char* part :
       {"\"title\":\"A\"", "\"quality\":5", "\"excerpt\":null", "\"name\":\"AI\"",
        "\"extra\":{\"custom\":[1]}", "\"repaired\":{}", "\"body_format\":null", "\"body\":null"}) {
    EXPECT_NE(line.find(part), std::string::npos) << part << " in " << line;
  }
  EXPECT_EQ(to_json(a).find("\"body\""), std::string::npos);
}

TEST(ExportTest, RepairedAndLeftoverValuesComeBackAsWritten) {
  testing::TempDir dir;
  testing::write_file(dir / "src" / "a.md", R"(---
title: "  Caf&eacute; &amp; more  "
publishedDateTime: 2022-09-13 22:38:00 +02:00
quality: high
topics: [AI, ai, Robots]
provider: {name: Chan, domain: WWW.YouTube.com, handle: "@chan"}
images:
  - {url: " https://x.example/a.png ", width: "wide"}
  - just text
name: Someone
custom: {nested: [1, "2", true, null, 4.5]}
---
Body *text*.
)");
  Database db(dir / "a.db");
  Importer(db).run({dir / "src"});
  const Article a = all_articles(db).begin()->second;
  const std::string file = to_front_matter(a);
  EXPECT_NE(file.find("\"  Caf&eacute; &amp; more  \""), std::string::npos) << file;
  EXPECT_NE(file.find("\"2022-09-13 22:38:00 +02:00\""), std::string::npos) << file;
  EXPECT_NE(file.find("quality: \"high\""), std::string::npos) << file;
  EXPECT_NE(file.find("---\nBody *text*.\n"), std::string::npos) << file;
  testing::write_file(dir / "again" / "a.md", file);
  Database again(dir / "b.db");
  Importer(again).run({dir / "again"});
  const Article b = all_articles(again).begin()->second;
  EXPECT_EQ(differences(content(a), content(b)), "");
}

}  // namespace
}  // namespace articledb
