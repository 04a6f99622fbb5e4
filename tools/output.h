// Terminal output shared by the subcommands.
#ifndef ARTICLEDB_TOOLS_OUTPUT_H_
#define ARTICLEDB_TOOLS_OUTPUT_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "articledb/database.h"

namespace articledb::cli {

bool is_terminal(int fd);

/// "1,234,567".
std::string group_digits(std::uint64_t value);

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
