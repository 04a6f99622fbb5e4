// The ranking statistics as a rebuild makes them from the full-text index.
#include "search/stats.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "articledb/database.h"
#include "search/heads.h"
#include "store/database_impl.h"
#include "test_util.h"

namespace articledb::search {
namespace {

// The postings of a term's head, all chunks together.
std::vector<Posting> head_of(SQLite::Database& sql, const std::string& term) {
  std::vector<Posting> postings;
  SQLite::Statement q(sql, "SELECT postings FROM search_heads WHERE term = ?1");
  q.bind(1, term);
  while (q.executeStep()) {
    const SQLite::Column blob = q.getColumn(0);
    EXPECT_TRUE(decode_postings(std::string_view(static_cast<const char*>(blob.getBlob()),
                                                 static_cast<std::size_t>(blob.getBytes())),
                                postings));
  }
  return postings;
}

// More articles than min_head() of a term in all of them: every one has "alpha" in its title
// and "gamma" in its body; the odd ones are long, so that their title instance of "alpha"
// weighs less than the heads' threshold.
TEST(RebuildStatsTest, HeadsAreFilledBelowTheThresholdOnlyForTermsSeldomInTitles) {
  constexpr int kArticles = 4200;
  ASSERT_GE(kArticles, static_cast<int>(min_head(kArticles)));
  testing::TempDir dir;
  Database db(dir / "s.db");
  SQLite::Database& sql = *db.impl().db;
  {
    SQLite::Transaction transaction(sql);
    SQLite::Statement add(sql,
                          "INSERT INTO articles_fts(rowid, title, excerpt, body, topics, provider) "
                          "VALUES (?1, 'alpha', '', ?2, '', '')");
    std::string filler;
    for (int i = 0; i < 400; ++i) filler += " filler";
    for (int id = 1; id <= kArticles; ++id) {
      add.reset();
      add.bind(1, id);
      add.bind(2, id % 2 == 0 ? std::string("gamma") : "gamma" + filler);
      add.exec();
    }
    rebuild_stats(sql, 1);
    transaction.commit();
  }

  // In every title: only the postings at or above the threshold, the short articles'.
  const std::vector<Posting> alpha = head_of(sql, "alpha");
  ASSERT_FALSE(alpha.empty());
  EXPECT_LT(alpha.size(), min_head(kArticles));
  for (const Posting& p : alpha) EXPECT_EQ(p.id % 2, 0) << p.id;

  // In no title: filled with the best postings below the threshold, up to a quarter of its
  // articles (min_head() is more).
  const std::vector<Posting> gamma = head_of(sql, "gamma");
  EXPECT_EQ(gamma.size(), static_cast<std::size_t>(kArticles / 4 + 1));
  for (const Posting& p : gamma) EXPECT_EQ(p.id % 2, 0) << p.id;  // the short ones first

  SQLite::Statement df(sql, "SELECT df FROM search_terms WHERE term = ?1");
  for (const char* term : {"alpha", "gamma"}) {
    df.reset();
    df.bind(1, term);
    ASSERT_TRUE(df.executeStep()) << term;
    EXPECT_EQ(df.getColumn(0).getInt64(), kArticles) << term;
  }
}

}  // namespace
}  // namespace articledb::search
