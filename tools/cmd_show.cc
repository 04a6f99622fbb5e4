// articledb show: one article, by id, path or URL.
#include <iostream>
#include <memory>

#include "articledb/database.h"
#include "articledb/error.h"
#include "commands.h"
#include "output.h"
#include "query_options.h"

namespace articledb::cli {
namespace {

struct ShowArgs {
  std::string db;
  std::string what;
  bool json = false;
  bool body = false;
};

std::optional<Article> find(const Database& database, const std::string& what, bool body) {
  if (!what.empty() && what.find_first_not_of("0123456789") == std::string::npos &&
      what.size() < 19) {
    return database.article(std::stoll(what), body);
  }
  if (what.find("://") != std::string::npos) return database.article_by_url(what, body);
  return database.article_by_path(what, body);
}

void line(const char* name, const std::string& value) {
  if (!value.empty())
    std::cout << name << std::string(12 - std::string(name).size(), ' ') << printable(value)
              << '\n';
}

template <class T>
std::string text(const std::optional<T>& value) {
  if (!value) return "";
  if constexpr (std::is_same_v<T, std::string>) {
    return *value;
  } else if constexpr (std::is_same_v<T, bool>) {
    return *value ? "true" : "false";
  } else {
    return std::to_string(*value);
  }
}

int run_show(const ShowArgs& args) {
  const Database database = open_existing(args.db, OpenMode::kReadOnly);
  const std::optional<Article> found = find(database, args.what, args.body);
  if (!found)
    throw Error(ErrorCode::kNotFound, "no article with id, path or URL '" + args.what + "'");
  const Article& a = *found;
  if (args.json) {
    print_json(article_json(a, args.body));
    return kExitOk;
  }
  line("id", std::to_string(*a.id));
  line("title", a.title);
  line("path", a.path);
  line("collection", text(a.collection));
  line("published", a.published_at ? format_timestamp(*a.published_at) : "");
  line("type", text(a.type));
  line("category", text(a.category));
  if (a.provider)
    line("provider",
         a.provider->name + (a.provider->domain ? " (" + *a.provider->domain + ")" : ""));
  std::string topics;
  for (const Topic& t : a.topics) topics += (topics.empty() ? "" : ", ") + t.name;
  line("topics", topics);
  line("quality", text(a.quality));
  line("heat", text(a.heat));
  line("url", a.web_url ? *a.web_url : text(a.original_url));
  line("excerpt", text(a.excerpt));
  for (const Image& image : a.images) {
    line("image",
         text(image.url) + (image.width ? " " + text(image.width) + "x" + text(image.height) : ""));
  }
  for (const Related& r : a.related) {
    line("related", text(r.title) + (r.provider ? " (" + r.provider->name + ")" : "") +
                        (r.article_id ? " -> article " + std::to_string(*r.article_id) : ""));
  }
  if (a.extra_json != "{}") line("extra", a.extra_json);
  if (a.body) std::cout << '\n' << printable(*a.body, true) << '\n';
  return kExitOk;
}

}  // namespace

void add_show_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* command = app.add_subcommand("show", "Show one article, by id, file path or URL");
  add_database_option(*command, args->db);
  command
      ->add_option("article", args->what,
                   "Id, path (relative to its import root, or on disk) or URL")
      ->required()
      ->type_name("ID|PATH|URL");
  command->add_flag("--json", args->json, "Print JSON (fields are listed in the README)");
  command->add_flag("--body", args->body, "Include the body");
  command->callback([args, &action] { action = [args] { return run_show(*args); }; });
}

}  // namespace articledb::cli
