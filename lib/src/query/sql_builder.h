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

/// Conditions for `filter` on the articles table, aliased `a`.
Conditions filter_conditions(const Filter& filter, normalize::TextNormalizer& text);

/// Binds `values` to `statement` from placeholder `first` on; returns the next index.
int bind_values(SQLite::Statement& statement, const std::vector<SqlValue>& values, int first = 1);

}  // namespace articledb::query

#endif  // ARTICLEDB_QUERY_SQL_BUILDER_H_
