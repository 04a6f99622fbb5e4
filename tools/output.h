// Terminal output shared by the subcommands.
#ifndef ARTICLEDB_TOOLS_OUTPUT_H_
#define ARTICLEDB_TOOLS_OUTPUT_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "articledb/database.h"

namespace articledb::cli {

bool is_terminal(int fd);

/// "1,234,567".
std::string group_digits(std::uint64_t value);

/// "1 file", "2 files": the count (digits grouped) and the word that goes with it.
std::string counted(std::uint64_t count, const std::string& one, const std::string& many);

/// A validator for a whole number from `low` to `high`, with a message that says so for
/// anything else ("abc", "-1", 10^300); it adds nothing to the option's type in --help.
CLI::Validator whole_number(std::uint64_t low, std::uint64_t high);

/// `text` safe to print on a terminal: control characters (C0, DEL and C1, which can move
/// the cursor, retitle the window or worse) shown as U+FFFD; with `keep_lines`, newlines and
/// tabs are kept.
std::string printable(std::string_view text, bool keep_lines = false);

/// printable() of a text that holds the highlight marks `open` and `close`, which are kept.
std::string printable_marked(std::string_view text, std::string_view open, std::string_view close);

/// "12.3 MB".
std::string human_bytes(std::int64_t bytes);

/// Prints rows as a table with a header line, columns padded to their widest cell
/// (counted in code points). Columns listed in `right` are right-aligned.
void print_table(const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows,
                 const std::vector<std::size_t>& right = {});

/// Opens an existing database, with a clear message when there is none at `path`.
Database open_existing(const std::filesystem::path& path, OpenMode mode);

}  // namespace articledb::cli

#endif  // ARTICLEDB_TOOLS_OUTPUT_H_
