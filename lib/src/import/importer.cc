#include "articledb/importer.h"

#include "import/import_run.h"
#include "source/file_system.h"

namespace articledb {

std::string_view to_string(Problem::Severity severity) noexcept {
  switch (severity) {
    case Problem::Severity::kWarning:
      return "warning";
    case Problem::Severity::kSkipped:
      return "skipped";
    case Problem::Severity::kError:
      return "error";
  }
  return "error";
}

std::string Problem::to_string() const {
  std::string text = path;
  if (line > 0) {
    text += ":" + std::to_string(line);
    if (column > 0) text += ":" + std::to_string(column);
  }
  return text + ": " + std::string(articledb::to_string(severity)) + ": " + message;
}

Importer::Importer(Database& database, ImportOptions options)
    : database_(&database), options_(std::move(options)) {}

ImportSummary Importer::run(const std::vector<std::filesystem::path>& roots) {
  return import::run_import(*database_, roots, options_, source::real_file_system());
}

}  // namespace articledb
