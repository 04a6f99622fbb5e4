// The subcommands of the articledb tool. Each registers itself on the application and, when
// chosen, leaves its action in `action`; the action returns the process exit status.
#ifndef ARTICLEDB_TOOLS_COMMANDS_H_
#define ARTICLEDB_TOOLS_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace articledb::cli {

/// Exit statuses, as documented in the README.
inline constexpr int kExitOk = 0;  ///< everything worked
inline constexpr int kExitSomeFailed =
    1;  ///< some files failed (the rest were imported); check found faults
inline constexpr int kExitError = 2;  ///< usage error, or the database could not be used

using Action = std::function<int()>;

void add_import_command(CLI::App& app, Action& action);
void add_stats_command(CLI::App& app, Action& action);
void add_check_command(CLI::App& app, Action& action);
void add_search_command(CLI::App& app, Action& action);
void add_show_command(CLI::App& app, Action& action);
void add_list_command(CLI::App& app, Action& action);
void add_topics_command(CLI::App& app, Action& action);
void add_providers_command(CLI::App& app, Action& action);
void add_changes_command(CLI::App& app, Action& action);
void add_export_command(CLI::App& app, Action& action);
void add_duplicates_command(CLI::App& app, Action& action);
/// Shell completion and the man page, from the options of every command added before it.
void add_generate_command(CLI::App& app, Action& action);

/// Adds `--db FILE` (default articles.db, or $ARTICLEDB_DB) to a subcommand.
void add_database_option(CLI::App& command, std::string& path);

}  // namespace articledb::cli

#endif  // ARTICLEDB_TOOLS_COMMANDS_H_
