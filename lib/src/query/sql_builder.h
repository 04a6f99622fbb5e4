// SQL assembled from fixed fragments with `?` placeholders; user values are only ever bound.
#ifndef ARTICLEDB_QUERY_SQL_BUILDER_H_
#define ARTICLEDB_QUERY_SQL_BUILDER_H_

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "articledb/query.h"
#include "normalize/text.h"

namespace articledb::query {

using SqlValue = std::variant<std::int64_t, double, std::string>;

/// A list of conditions joined by AND, with the values of their placeholders in order.
struct Conditions {
  std::vector<std::string> sql;
  std::vector<SqlValue> values;

  void add(std::string condition, std::vector<SqlValue> bound = {});
  /// " WHERE a AND b" (or "" when empty).
  std::string where() const;
};

/// " FROM articles AS a", naming the index articles_facets (id, provider_id, published_at)
/// when the database has it (`facets_index`) and `sql` (conditions and columns over `a`)
/// reads no other column of `a`: looked up by id, that index (a few dozen bytes an article)
/// stands in for the table (kilobytes an article).
std::string articles_from(const std::vector<std::string>& sql, bool facets_index);

/// The folders of a collection as a user names it ("_learning/courses" gives learning,
/// courses): leading '_' dropped, empty parts skipped.
std::vector<std::string> collection_folders(std::string_view collection);

/// Most folders a collection filter may name.
inline constexpr std::size_t kMaxCollectionFolders = 4;

/// The articles of a collection: those whose `collection` it is, and those with its folders
/// in a row anywhere in their path, each written with or without a leading '_' ("news" finds
/// _news/x.md and _archive/_news/x.md; "learning/courses" finds _learning/courses/x.md).
void add_collection_condition(Conditions& c, std::string_view collection);

/// Conditions for `filter` on the articles table, aliased `a`.
Conditions filter_conditions(const Filter& filter, normalize::TextNormalizer& text);

/// A piece of SQL and the values of its placeholders, in order.
struct Fragment {
  std::string sql;
  std::vector<SqlValue> values;
};

/// Where the articles a filter on topics or providers keeps can be found by index: `ids`
/// selects them (perhaps more), except, for providers, those whose own provider name is one
/// of `own_names` (no index holds it): the caller finds those another way. `spellings`
/// selects how the articles of `ids` write the filter's topics or provider, each of which
/// they hold in the index's column `spelling_column`: for topics, the topic's label in the
/// article, else its name; for providers, the article's provider name (the articles of
/// `own_names` hold one of those in that column).
struct CandidateSource {
  Fragment ids;
  std::vector<std::string> own_names;
  Fragment spellings;
  std::string spelling_column;
};

/// One source per filter on topics or providers in `filter` (per topic when all are
/// needed); each holds every article the whole filter keeps. Empty when there are none.
std::vector<CandidateSource> candidate_sources(const Filter& filter,
                                               normalize::TextNormalizer& text);

/// What a source is known by (query::FilterLists): its SQL, values and names, each text
/// preceded by its length, so that no two sources share a key.
std::string source_key(const CandidateSource& source);

/// Binds `values` to `statement` from placeholder `first` on; returns the next index.
int bind_values(SQLite::Statement& statement, const std::vector<SqlValue>& values, int first = 1);

}  // namespace articledb::query

#endif  // ARTICLEDB_QUERY_SQL_BUILDER_H_
