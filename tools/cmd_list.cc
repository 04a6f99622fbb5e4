// articledb list: articles with filters and sort, a page at a time.
#include <iostream>
#include <memory>

#include "articledb/database.h"
#include "commands.h"
#include "output.h"
#include "query_options.h"

namespace articledb::cli {
namespace {

struct ListArgs {
  std::string db;
  QueryArgs query;
};

int run_list(const ListArgs& args) {
  const Database database = open_existing(args.db, OpenMode::kReadOnly);
  ListOptions options;
  options.filter = filter_of(args.query);
  options.sort = sort_of(args.query.sort.empty() ? "newest" : args.query.sort);
  options.limit = args.query.limit;
  options.after = args.query.after;
  const ArticlePage page = database.list(options);

  if (args.query.json) {
    nlohmann::ordered_json articles = nlohmann::ordered_json::array();
    for (const Article& a : page.articles) articles.push_back(article_json(a));
    print_json({{"articles", articles},
                {"next", page.next.empty() ? nlohmann::ordered_json(nullptr)
                                           : nlohmann::ordered_json(page.next)}});
    return kExitOk;
  }
  if (page.articles.empty()) {
    std::cout << "no articles match\n";
    if (args.query.after.empty()) report_unknown_filter_values(database, options.filter);
    return kExitOk;
  }
  // Sorted by quality or heat: that column comes second, so the order can be seen.
  const bool by_quality = options.sort == Sort::kQuality;
  const bool by_heat = options.sort == Sort::kHeat;
  std::vector<std::vector<std::string>> rows;
  for (const Article& a : page.articles) {
    std::string topics;
    for (const Topic& t : a.topics) topics += (topics.empty() ? "" : ", ") + t.name;
    std::vector<std::string> row{std::to_string(*a.id)};
    if (by_quality) row.push_back(a.quality ? std::to_string(*a.quality) : "");
    if (by_heat) row.push_back(a.heat ? std::to_string(*a.heat) : "");
    for (std::string cell :
         {date_of(a.published_at), shorten(a.title, 60),
          a.provider ? shorten(a.provider->name, 24) : std::string(), shorten(topics, 40)}) {
      row.push_back(std::move(cell));
    }
    rows.push_back(std::move(row));
  }
  std::vector<std::string> header{"id"};
  if (by_quality) header.push_back("quality");
  if (by_heat) header.push_back("heat");
  for (const char* name : {"published", "title", "provider", "topics"}) header.push_back(name);
  print_table(header, rows,
              by_quality || by_heat ? std::vector<std::size_t>{0, 1} : std::vector<std::size_t>{0});
  print_next_page_hint(page.next);
  return kExitOk;
}

}  // namespace

void add_list_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<ListArgs>();
  CLI::App* command = app.add_subcommand("list", "List articles, with filters and sort");
  add_database_option(*command, args->db);
  add_query_options(*command, args->query, {"newest", "oldest", "quality", "heat"});
  command->callback([args, &action] { action = [args] { return run_list(*args); }; });
}

}  // namespace articledb::cli
