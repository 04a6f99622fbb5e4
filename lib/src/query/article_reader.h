// Articles read back from the database as value types.
#ifndef ARTICLEDB_QUERY_ARTICLE_READER_H_
#define ARTICLEDB_QUERY_ARTICLE_READER_H_

#include <cstdint>
#include <optional>

#include "articledb/article.h"
#include "store/database_impl.h"

namespace articledb::query {

/// The article `id` with all its rows, or nullopt. Reuses the connection's prepared statements.
std::optional<Article> read_article(Database::Impl& db, std::int64_t id, bool with_body);

}  // namespace articledb::query

#endif  // ARTICLEDB_QUERY_ARTICLE_READER_H_
