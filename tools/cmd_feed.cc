// articledb changes and articledb duplicates: what changed since a revision, and stories
// saved more than once.
#include <iostream>
#include <limits>
#include <memory>

#include "articledb/database.h"
#include "commands.h"
#include "output.h"
#include "query_options.h"

namespace articledb::cli {
namespace {

struct ChangesArgs {
  std::string db;
  std::int64_t since = 0;
  std::size_t limit = 0;  // 0: every change
  bool json = false;
};

const char* name_of(Change::Kind kind) {
  return kind == Change::Kind::kDeleted ? "deleted" : "changed";
}

int run_changes(const ChangesArgs& args) {
  const Database database = open_existing(args.db, OpenMode::kReadOnly);
  // Page after page, unless a limit was asked for.
  std::vector<Change> changes;
  ChangePage page;
  std::int64_t since = args.since;
  do {
    const std::size_t want =
        args.limit == 0 ? kMaxPageSize : std::min(kMaxPageSize, args.limit - changes.size());
    page = database.changes(since, want);
    for (Change& change : page.changes) changes.push_back(std::move(change));
    if (!changes.empty()) since = changes.back().revision;
  } while (page.more && (args.limit == 0 || changes.size() < args.limit));
  if (args.json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Change& c : changes) {
      list.push_back({{"revision", c.revision},
                      {"change", name_of(c.kind)},
                      {"id", c.article_id},
                      {"path", c.path},
                      {"root", c.root}});
    }
    print_json({{"since", args.since},
                {"current_revision", page.current_revision},
                {"more", page.more},
                {"changes", list}});
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const Change& c : changes) {
    rows.push_back({std::to_string(c.revision), name_of(c.kind), std::to_string(c.article_id),
                    printable(c.path)});
  }
  if (!rows.empty()) print_table({"revision", "change", "id", "path"}, rows, {0, 2});
  std::cout << counted(changes.size(), "change", "changes") << " since revision " << args.since
            << "; current revision " << page.current_revision;
  if (page.more) std::cout << "; more follow: --since " << since;
  std::cout << '\n';
  return kExitOk;
}

struct DuplicatesArgs {
  std::string db;
  bool json = false;
};

int run_duplicates(const DuplicatesArgs& args) {
  const Database database = open_existing(args.db, OpenMode::kReadOnly);
  const std::vector<DuplicateGroup> groups = database.duplicates();
  if (args.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const DuplicateGroup& group : groups) {
      nlohmann::ordered_json articles = nlohmann::ordered_json::array();
      for (const Article& a : group.articles) {
        articles.push_back({{"id", *a.id},
                            {"path", a.path},
                            {"title", a.title},
                            {"published_at", a.published_at ? nlohmann::ordered_json(
                                                                  format_timestamp(*a.published_at))
                                                            : nlohmann::ordered_json(nullptr)}});
      }
      out.push_back({{"canonical_url", group.canonical_url}, {"articles", articles}});
    }
    print_json(out);
    return kExitOk;
  }
  for (const DuplicateGroup& group : groups) {
    std::cout << printable(group.canonical_url) << "  ("
              << counted(group.articles.size(), "copy", "copies") << ")\n";
    std::vector<std::vector<std::string>> rows;
    for (const Article& a : group.articles) {
      rows.push_back({std::to_string(*a.id),
                      a.published_at ? format_timestamp(*a.published_at).substr(0, 10) : "",
                      printable(a.path), printable(a.title)});
    }
    print_table({"id", "published", "path", "title"}, rows, {0});
    std::cout << '\n';
  }
  std::cout << counted(groups.size(), "story", "stories") << " saved more than once\n";
  return kExitOk;
}

}  // namespace

void add_changes_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<ChangesArgs>();
  CLI::App* command = app.add_subcommand(
      "changes", "List the articles written or deleted after a revision, in revision order");
  add_database_option(*command, args->db);
  command
      ->add_option("--since", args->since,
                   "The last revision already seen (default: 0, everything)")
      ->check(whole_number(0, static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())))
      ->type_name("REV");
  command->add_option("--limit", args->limit, "At most this many changes (default: all)")
      ->check(whole_number(1, 1'000'000'000))
      ->type_name("N");
  command->add_flag("--json", args->json, "Print JSON, with the current revision");
  command->callback([args, &action] { action = [args] { return run_changes(*args); }; });
}

void add_duplicates_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<DuplicatesArgs>();
  CLI::App* command = app.add_subcommand(
      "duplicates", "List the stories saved more than once (articles sharing a canonical URL)");
  add_database_option(*command, args->db);
  command->add_flag("--json", args->json, "Print JSON");
  command->callback([args, &action] { action = [args] { return run_duplicates(*args); }; });
}

}  // namespace articledb::cli
