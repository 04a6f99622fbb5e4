// The command line as users type it, put in the order the parser expects.
#ifndef ARTICLEDB_TOOLS_ARGUMENTS_H_
#define ARTICLEDB_TOOLS_ARGUMENTS_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace articledb::cli {

/// The command of `app` named `name`, or null.
const CLI::App* find_command(const CLI::App& app, const std::string& name);

/// Returns the arguments (without the program name) with two liberties taken:
/// - options common to every command (--db, --json, --quiet/-q) given before the command are
///   moved after it (`articledb --db my.db stats`);
/// - in `search`, words that begin with '-' but are no option of search (`-canvas`, `-AI`)
///   are query words: the query's words are moved, in their order, after a `--`, where the
///   parser takes them as such.
std::vector<std::string> normalise_arguments(const CLI::App& app, int argc,
                                             const char* const* argv);

}  // namespace articledb::cli

#endif  // ARTICLEDB_TOOLS_ARGUMENTS_H_
