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
  std::vector<std::vector<std::string>> rows;
  for (const Article& a : page.articles) {
    std::string topics;
    for (const Topic& t : a.topics) topics += (topics.empty() ? "" : ", ") + t.name;
    rows.push_back({std::to_string(*a.id), date_of(a.published_at), shorten(a.title, 60),
                    a.provider ? shorten(a.provider->name, 24) : "", shorten(topics, 40)});
  }
  print_table({"id", "published", "title", "provider", "topics"}, rows, {0});
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
