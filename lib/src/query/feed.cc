// The change feed and duplicate stories.
#include "articledb/database.h"
#include "articledb/error.h"
#include "query/article_reader.h"
#include "store/database_impl.h"
#include "store/sqlite.h"

namespace articledb {

ChangePage Database::changes(std::int64_t since, std::size_t limit) const {
  if (limit == 0 || limit > kMaxPageSize) {
    throw Error(ErrorCode::kInvalidArgument,
                "a page holds 1 to " + std::to_string(kMaxPageSize) + " changes");
  }
  Impl& impl = *impl_;
  return store::guarded("cannot read the changes", [&] {
    ChangePage page;
    // One more than asked for: whether more follow.
    SQLite::Statement& q = impl.statement(R"sql(
      SELECT c.revision, c.change, c.article_id, c.path, coalesce(r.path, '')
        FROM (SELECT revision, 'changed' AS change, id AS article_id, root_id, path
                FROM articles WHERE revision > ?1
              UNION ALL
              SELECT revision, 'deleted', article_id, root_id, path
                FROM tombstones WHERE revision > ?1
               ORDER BY revision LIMIT ?2) AS c
        LEFT JOIN roots AS r ON r.id = c.root_id
       ORDER BY c.revision)sql");
    q.bind(1, static_cast<std::int64_t>(since));
    q.bind(2, static_cast<std::int64_t>(limit + 1));
    while (q.executeStep()) {
      if (page.changes.size() == limit) {
        page.more = true;
        break;
      }
      Change change;
      change.revision = q.getColumn(0).getInt64();
      change.kind =
          q.getColumn(1).getString() == "deleted" ? Change::Kind::kDeleted : Change::Kind::kChanged;
      change.article_id = q.getColumn(2).getInt64();
      change.path = q.getColumn(3).getString();
      change.root = q.getColumn(4).getString();
      page.changes.push_back(std::move(change));
    }
    q.reset();
    page.current_revision = impl.db->execAndGet("SELECT revision FROM feed_state").getInt64();
    return page;
  });
}

std::vector<DuplicateGroup> Database::duplicates() const {
  Impl& impl = *impl_;
  return store::guarded("cannot list duplicates", [&] {
    std::vector<DuplicateGroup> groups;
    SQLite::Statement q(*impl.db,
                        "SELECT canonical_url, id FROM duplicates "
                        "ORDER BY copies DESC, canonical_url, id");
    while (q.executeStep()) {
      std::string url = q.getColumn(0).getString();
      if (groups.empty() || groups.back().canonical_url != url) {
        groups.push_back({std::move(url), {}});
      }
      if (auto article = query::read_article(impl, q.getColumn(1).getInt64(), false)) {
        groups.back().articles.push_back(std::move(*article));
      }
    }
    return groups;
  });
}

}  // namespace articledb
