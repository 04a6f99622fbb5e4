// articledb topics and articledb providers: the catalogues, with article counts.
#include <iostream>
#include <memory>

#include "articledb/database.h"
#include "commands.h"
#include "output.h"
#include "query_options.h"

namespace articledb::cli {
namespace {

struct CatalogArgs {
  std::string db;
  bool json = false;
};

int run_topics(const CatalogArgs& args) {
  const Database database = open_existing(args.db, OpenMode::kReadOnly);
  const std::vector<TopicCount> topics = database.topics();
  if (args.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& t : topics) {
      out.push_back({{"id", *t.topic.id},
                     {"name", t.topic.name},
                     {"slug", t.topic.slug},
                     {"articles", t.articles}});
    }
    print_json(out);
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& t : topics)
    rows.push_back({t.topic.name, t.topic.slug, std::to_string(t.articles)});
  print_table({"topic", "slug", "articles"}, rows, {2});
  return kExitOk;
}

int run_providers(const CatalogArgs& args) {
  const Database database = open_existing(args.db, OpenMode::kReadOnly);
  const std::vector<ProviderCount> providers = database.providers();
  if (args.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& p : providers) {
      nlohmann::ordered_json logos = nlohmann::ordered_json::array();
      for (const Image& logo : p.provider.images) logos.push_back(logo.url ? *logo.url : "");
      out.push_back(
          {{"id", *p.provider.id},
           {"name", p.provider.name},
           {"domain", p.provider.domain ? nlohmann::ordered_json(*p.provider.domain) : nullptr},
           {"logos", logos},
           {"articles", p.articles}});
    }
    print_json(out);
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : providers) {
    rows.push_back({p.provider.name, p.provider.domain.value_or(""), std::to_string(p.articles)});
  }
  print_table({"provider", "domain", "articles"}, rows, {2});
  return kExitOk;
}

void add_catalog(CLI::App& app, Action& action, const char* name, const char* help,
                 int (*run)(const CatalogArgs&)) {
  auto args = std::make_shared<CatalogArgs>();
  CLI::App* command = app.add_subcommand(name, help);
  add_database_option(*command, args->db);
  command->add_flag("--json", args->json, "Print JSON (fields are listed in the README)");
  command->callback([args, run, &action] { action = [args, run] { return run(*args); }; });
}

}  // namespace

void add_topics_command(CLI::App& app, Action& action) {
  add_catalog(app, action, "topics", "List topics with their number of articles", run_topics);
}

void add_providers_command(CLI::App& app, Action& action) {
  add_catalog(app, action, "providers", "List providers with their number of articles",
              run_providers);
}

}  // namespace articledb::cli
