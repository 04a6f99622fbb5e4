#include "query_options.h"

#include <iostream>

#include "articledb/error.h"
#include "output.h"

namespace articledb::cli {
namespace {

using Json = nlohmann::ordered_json;

std::optional<bool> boolean_of(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text == "true" || text == "yes";
}

std::optional<Timestamp> time_of(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  auto time = parse_timestamp(text);
  if (!time) {
    throw Error(ErrorCode::kInvalidArgument,
                std::string(option) +
                    " wants a date such as 2022-09-13 or 2022-09-13T20:38:00Z, not '" + text + "'");
  }
  return time;
}

}  // namespace

void add_query_options(CLI::App& command, QueryArgs& args, const std::vector<std::string>& sorts) {
  command
      .add_option("--topic", args.topics,
                  "Only articles with this topic (name or slug; repeatable)")
      ->type_name("TOPIC");
  command.add_flag("--all-topics", args.all_topics,
                   "With several --topic: need all of them, not any");
  command
      .add_option("--provider", args.providers,
                  "Only articles of this provider (domain or name; repeatable)")
      ->type_name("PROVIDER");
  command.add_option("--collection", args.collection, "Only this collection, e.g. news")
      ->type_name("NAME");
  command.add_option("--category", args.category, "Only this category")->type_name("NAME");
  command.add_option("--type", args.type, "Only this type, e.g. article, video, course")
      ->type_name("TYPE");
  // The accepted values are in the type name; the validators add nothing to it.
  const std::vector<std::string> booleans{"true", "false", "yes", "no"};
  command.add_option("--published", args.published, "Only articles that say published: true/false")
      ->check(CLI::IsMember(booleans).description(""))
      ->type_name("true|false");
  command
      .add_option("--removed", args.removed, "Only removed (true) or not removed (false) articles")
      ->check(CLI::IsMember(booleans).description(""))
      ->type_name("true|false");
  command.add_option("--since", args.since, "Published at or after this date/time (UTC)")
      ->type_name("DATE");
  command.add_option("--until", args.until, "Published before this date/time (UTC)")
      ->type_name("DATE");
  command.add_option("--min-quality", args.min_quality, "Quality at least N")->type_name("N");
  command.add_option("--min-heat", args.min_heat, "Heat at least N")->type_name("N");
  command
      .add_option("--sort", args.sort,
                  "Order: " + CLI::detail::join(sorts, ", ") + " (default: " + sorts.front() + ")")
      ->check(CLI::IsMember(sorts).description(""))
      ->type_name("ORDER");
  command.add_option("--limit,-n", args.limit, "Results per page (1-1000, default 20)")
      ->check(whole_number(1, kMaxPageSize))
      ->type_name("N");
  command
      .add_option("--after", args.after, "Cursor of the next page, as printed by the previous one")
      ->type_name("CURSOR");
  command.add_flag("--json", args.json, "Print JSON (fields are listed in the README)");
}

Filter filter_of(const QueryArgs& args) {
  Filter filter;
  filter.topics = args.topics;
  filter.all_topics = args.all_topics;
  filter.providers = args.providers;
  if (!args.collection.empty()) filter.collection = args.collection;
  if (!args.category.empty()) filter.category = args.category;
  if (!args.type.empty()) filter.type = args.type;
  filter.published = boolean_of(args.published);
  filter.removed = boolean_of(args.removed);
  filter.published_since = time_of(args.since, "--since");
  filter.published_before = time_of(args.until, "--until");
  if (args.min_quality != INT64_MIN) filter.min_quality = args.min_quality;
  if (args.min_heat != INT64_MIN) filter.min_heat = args.min_heat;
  return filter;
}

Sort sort_of(const std::string& name) {
  if (name == "newest") return Sort::kNewest;
  if (name == "oldest") return Sort::kOldest;
  if (name == "quality") return Sort::kQuality;
  if (name == "heat") return Sort::kHeat;
  return Sort::kRelevance;
}

Json article_json(const Article& a, bool with_body) {
  return Json::parse(to_json(a, with_body), nullptr, /*allow_exceptions=*/false);
}

bool report_unknown_filter_values(const Database& database, const Filter& filter) {
  const std::vector<UnknownFilterValue> unknown = database.unknown_filter_values(filter);
  for (const UnknownFilterValue& u : unknown) {
    std::cerr << "articledb: no " << u.field << " '" << u.value << "'";
    if (!u.suggestions.empty()) {
      std::cerr << "; did you mean ";
      for (std::size_t i = 0; i < u.suggestions.size(); ++i) {
        std::cerr << (i == 0                          ? ""
                      : i + 1 == u.suggestions.size() ? " or "
                                                      : ", ")
                  << "'" << u.suggestions[i] << "'";
      }
      std::cerr << '?';
    }
    std::cerr << " ('articledb " << (u.field == "collection" ? "stats" : u.field + "s")
              << "' lists them)\n";
  }
  return !unknown.empty();
}

void print_json(const Json& json) {
  std::cout << json.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

std::string date_of(const std::optional<Timestamp>& time) {
  return time ? format_timestamp(*time).substr(0, 10) : "";
}

std::string shorten(const std::string& text, std::size_t width) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (points == width) return text.substr(0, i) + "...";
    ++points;
  }
  return text;
}

void print_next_page_hint(const std::string& next) {
  if (!next.empty()) std::cerr << "more: add --after " << next << '\n';
}

}  // namespace articledb::cli
