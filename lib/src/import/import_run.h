// The import pipeline behind articledb::Importer, with its file system as a parameter.
#ifndef ARTICLEDB_IMPORT_IMPORT_RUN_H_
#define ARTICLEDB_IMPORT_IMPORT_RUN_H_

#include <filesystem>
#include <vector>

#include "articledb/database.h"
#include "articledb/importer.h"
#include "source/file_system.h"

namespace articledb::import {

/// Does what Importer::run() documents, reading files through `files`.
ImportSummary run_import(Database& database, const std::vector<std::filesystem::path>& roots,
                         const ImportOptions& options, const source::FileSystem& files);

/// The collection of a path relative to its root: its first folder named with a leading
/// underscore, without it ("powerapps/_news/x.md" -> "news"), else its first folder.
std::optional<std::string> collection_of(std::string_view path);

}  // namespace articledb::import

#endif  // ARTICLEDB_IMPORT_IMPORT_RUN_H_
