// articledb: command-line tool over the articledb library.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "articledb/error.h"
#include "commands.h"

namespace articledb::cli {

void add_database_option(CLI::App& command, std::string& path) {
  const char* from_environment = std::getenv("ARTICLEDB_DB");
  path =
      from_environment != nullptr && *from_environment != '\0' ? from_environment : "articles.db";
  command.add_option("--db", path, "Database file (default: articles.db, or $ARTICLEDB_DB)")
      ->type_name("FILE");
}

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

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? kExitOk : kExitError;
  }
  try {
    return action();
  } catch (const articledb::Error& e) {
    std::cerr << "articledb: error: " << e.what() << '\n';
    if (e.code() == articledb::ErrorCode::kNotFound) return kExitSomeFailed;
  } catch (const std::exception& e) {
    std::cerr << "articledb: internal error: " << e.what() << '\n';
  }
  return kExitError;
}
