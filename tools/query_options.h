// Command-line options shared by list and search: filters, sort, paging; and the JSON and
// text forms of articles.
#ifndef ARTICLEDB_TOOLS_QUERY_OPTIONS_H_
#define ARTICLEDB_TOOLS_QUERY_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "articledb/database.h"
#include "articledb/query.h"

namespace articledb::cli {

struct QueryArgs {
  std::vector<std::string> topics;
  bool all_topics = false;
  std::vector<std::string> providers;
  std::string collection, category, type, published, removed, since, until, sort, after;
  std::int64_t min_quality = INT64_MIN;
  std::int64_t min_heat = INT64_MIN;
  std::size_t limit = 20;
  bool json = false;
};

/// Adds the filter, sort and paging options. `sorts` lists the accepted --sort values.
void add_query_options(CLI::App& command, QueryArgs& args, const std::vector<std::string>& sorts);

/// The Filter the options describe. Throws Error(kInvalidArgument) for a bad date.
Filter filter_of(const QueryArgs& args);

Sort sort_of(const std::string& name);

/// JSON of an article, with the field names documented in the README; `body` and
/// `body_format` (null when the file has no body) when `with_body`.
nlohmann::ordered_json article_json(const Article& article, bool with_body = false);

/// Tells on stderr about the filter values that name nothing, with what they may have meant.
/// Returns whether there were any.
bool report_unknown_filter_values(const Database& database, const Filter& filter);

/// Prints JSON as UTF-8 (invalid bytes replaced) with a final newline.
void print_json(const nlohmann::ordered_json& json);

/// "2022-09-13" or "".
std::string date_of(const std::optional<Timestamp>& time);

/// `text` cut to `width` code points, with "..." when cut.
std::string shorten(const std::string& text, std::size_t width);

/// Tells on stderr how to fetch the next page, if there is one.
void print_next_page_hint(const std::string& next);

}  // namespace articledb::cli

#endif  // ARTICLEDB_TOOLS_QUERY_OPTIONS_H_
