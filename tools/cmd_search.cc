// articledb search: full-text search with ranking, snippets and facets.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "articledb/database.h"
#include "commands.h"
#include "output.h"
#include "query_options.h"

namespace articledb::cli {
namespace {

struct SearchArgs {
  std::string db;
  std::vector<std::string> words;
  bool raw = false;
  bool facets = false;
  QueryArgs query;
};

nlohmann::ordered_json facets_json(const Facets& facets) {
  auto counts = [](const std::vector<FacetCount>& list) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& c : list)
      out.push_back({{"value", c.value}, {"label", c.label}, {"count", c.count}});
    return out;
  };
  return {{"total", facets.total},
          {"estimated", facets.estimated},
          {"topics", counts(facets.topics)},
          {"providers", counts(facets.providers)},
          {"months", counts(facets.months)}};
}

void print_facets(const Facets& facets) {
  std::cout << '\n' << counted(facets.total, "matching article", "matching articles") << '\n';
  const char* about = facets.estimated ? "~" : "";
  auto print = [about](const char* name, const std::vector<FacetCount>& counts) {
    if (counts.empty()) return;
    std::cout << name << ":";
    for (const auto& c : counts) {
      std::cout << "  " << printable(c.label) << " (" << about << c.count << ")";
    }
    std::cout << '\n';
  };
  print("topics", facets.topics);
  print("providers", facets.providers);
  print("months", facets.months);
  if (facets.estimated) std::cout << "(~: estimated from an even sample of the matches)\n";
}

int run_search(const SearchArgs& args) {
  const Database database = open_existing(args.db, OpenMode::kReadOnly);
  std::string text;
  for (const auto& word : args.words) text += (text.empty() ? "" : " ") + word;
  SearchOptions options;
  options.filter = filter_of(args.query);
  options.syntax = args.raw ? QuerySyntax::kRaw : QuerySyntax::kPlain;
  options.sort = sort_of(args.query.sort.empty() ? "relevance" : args.query.sort);
  options.limit = args.query.limit;
  options.after = args.query.after;
  options.facets = args.facets;
  if (!args.query.json && is_terminal(STDOUT_FILENO)) {
    options.highlight_open = "\033[1m";
    options.highlight_close = "\033[0m";
  }
  const SearchResults results = database.search(text, options);
  if (!args.query.json) {
    for (const std::string& warning : results.warnings) {
      std::cerr << "articledb: warning: " << warning << '\n';
    }
  }

  if (args.query.json) {
    nlohmann::ordered_json hits = nlohmann::ordered_json::array();
    for (const SearchHit& hit : results.hits) {
      hits.push_back(
          {{"score", hit.score}, {"snippet", hit.snippet}, {"article", article_json(hit.article)}});
    }
    nlohmann::ordered_json out = {
        {"query", text},
        {"hits", hits},
        {"next", results.next.empty() ? nlohmann::ordered_json(nullptr)
                                      : nlohmann::ordered_json(results.next)}};
    if (results.facets) out["facets"] = facets_json(*results.facets);
    nlohmann::ordered_json suggestions = nlohmann::ordered_json::array();
    for (const WordSuggestion& s : results.suggestions) {
      suggestions.push_back({{"word", s.word}, {"suggestions", s.suggestions}});
    }
    out["suggestions"] = suggestions;
    out["warnings"] = results.warnings;
    print_json(out);
    return kExitOk;
  }
  if (results.hits.empty()) {
    std::cout << "no articles match\n";
    for (const WordSuggestion& s : results.suggestions) {
      std::cout << "no article holds '" << s.word << "'; did you mean ";
      for (std::size_t i = 0; i < s.suggestions.size(); ++i) {
        std::cout << (i == 0                          ? ""
                      : i + 1 == s.suggestions.size() ? " or "
                                                      : ", ")
                  << s.suggestions[i];
      }
      std::cout << "?\n";
    }
    if (args.query.after.empty()) report_unknown_filter_values(database, options.filter);
  } else if (args.query.after.empty()) {
    std::cout << "id  published  title  (provider)\n    best matching passage\n\n";
  }
  for (const SearchHit& hit : results.hits) {
    const Article& a = hit.article;
    std::cout << *a.id << "  " << date_of(a.published_at) << "  " << printable(a.title);
    if (a.provider) std::cout << "  (" << printable(a.provider->name) << ")";
    std::cout << "\n    "
              << printable_marked(hit.snippet, options.highlight_open, options.highlight_close)
              << '\n';
  }
  if (results.facets) print_facets(*results.facets);
  print_next_page_hint(results.next);
  return kExitOk;
}

}  // namespace

void add_search_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* command = app.add_subcommand(
      "search",
      "Full-text search: words, \"phrases\", -excluded, prefix*, a OR b, title:word, "
      "topic:NAME, provider:NAME");
  add_database_option(*command, args->db);
  command->add_option("query", args->words, "What to look for")->required()->type_name("QUERY");
  command->add_flag("--raw", args->raw, "The query is in FTS5's own syntax (errors are reported)");
  command->add_flag("--facets", args->facets, "Also count matches per topic, provider and month");
  add_query_options(*command, args->query, {"relevance", "newest", "oldest", "quality", "heat"});
  command->callback([args, &action] { action = [args] { return run_search(*args); }; });
}

}  // namespace articledb::cli
