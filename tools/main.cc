// articledb: command-line tool over the articledb library.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "arguments.h"
#include "articledb/error.h"
#include "commands.h"
#include "util/edit_distance.h"

namespace articledb::cli {

void add_database_option(CLI::App& command, std::string& path) {
  const char* from_environment = std::getenv("ARTICLEDB_DB");
  path =
      from_environment != nullptr && *from_environment != '\0' ? from_environment : "articles.db";
  command.add_option("--db", path, "Database file (default: articles.db, or $ARTICLEDB_DB)")
      ->type_name("FILE");
}

namespace {

// An error on stderr: plain text, or with --json one JSON object a script can read.
int report_error(bool json, std::string_view kind, const std::string& message, int status) {
  if (json) {
    nlohmann::ordered_json out = {{"error", {{"code", std::string(kind)}, {"message", message}}},
                                  {"exit", status}};
    std::cerr << out.dump() << '\n';
  } else {
    std::cerr << "articledb: error: " << message << '\n';
  }
  return status;
}

// "did you mean --limit?" for the options of the command line that no option of its command
// has; empty when none is close.
std::string option_hint(const CLI::App& app, const std::vector<std::string>& arguments) {
  const CLI::App* command = nullptr;
  for (const std::string& argument : arguments) {
    if ((command = find_command(app, argument)) != nullptr) break;
  }
  const CLI::App& scope = command != nullptr ? *command : app;
  std::string hint;
  for (const std::string& argument : arguments) {
    if (argument.size() < 4 || argument.rfind("--", 0) != 0) continue;
    const std::string name = argument.substr(2, argument.find('=') - 2);
    std::string best;
    std::size_t best_distance = 3;
    for (const CLI::Option* option : scope.get_options()) {
      for (const std::string& candidate : option->get_lnames()) {
        if (candidate == name) {
          best.clear();
          best_distance = 0;
          break;
        }
        const std::size_t distance = articledb::util::edit_distance(name, candidate, 2);
        if (distance < best_distance) {
          best_distance = distance;
          best = candidate;
        }
      }
      if (best_distance == 0) break;
    }
    if (!best.empty()) hint += "did you mean --" + best + " (not --" + name + ")? ";
  }
  if (!hint.empty()) hint.pop_back();
  return hint;
}

}  // namespace

}  // namespace articledb::cli

int main(int argc, char** argv) {
  using namespace articledb::cli;
  CLI::App app{
      "articledb: a SQLite database and full-text index of articles written as files "
      "with YAML front matter"};
  app.set_version_flag("--version", std::string(ARTICLEDB_VERSION));
  app.require_subcommand(1);
  app.footer(
      "Exit status: 0 all good, 1 some files failed (or check found faults), "
      "2 usage or database error.");
  Action action;
  add_import_command(app, action);
  add_stats_command(app, action);
  add_check_command(app, action);
  add_search_command(app, action);
  add_show_command(app, action);
  add_list_command(app, action);
  add_topics_command(app, action);
  add_providers_command(app, action);
  add_changes_command(app, action);
  add_export_command(app, action);
  add_duplicates_command(app, action);
  add_generate_command(app, action);

  const std::vector<std::string> arguments = normalise_arguments(app, argc, argv);
  const bool json = std::find(arguments.begin(), arguments.end(), "--json") != arguments.end();
  try {
    std::vector<const char*> pointers{argv[0]};
    for (const std::string& argument : arguments) pointers.push_back(argument.c_str());
    app.parse(static_cast<int>(pointers.size()), pointers.data());
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    const std::string hint = option_hint(app, arguments);
    if (!json) {
      app.exit(e);
      if (!hint.empty()) std::cerr << hint << '\n';
      return kExitError;
    }
    return report_error(true, "usage", e.what() + (hint.empty() ? "" : "; " + hint), kExitError);
  }
  try {
    return action();
  } catch (const articledb::Error& e) {
    const int status = e.code() == articledb::ErrorCode::kNotFound ? kExitSomeFailed : kExitError;
    return report_error(json, articledb::to_string(e.code()), e.what(), status);
  } catch (const std::exception& e) {
    return report_error(json, "internal", std::string("internal error: ") + e.what(), kExitError);
  }
}
