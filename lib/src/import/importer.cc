#include "articledb/importer.h"

#include "import/import_run.h"
#include "source/file_system.h"

namespace articledb {

std::string Problem::to_string() const {
  std::string text = path;
  if (line > 0) {
    text += ":" + std::to_string(line);
    if (column > 0) text += ":" + std::to_string(column);
  }
  switch (severity) {
    case Severity::kWarning:
      text += ": warning: ";
      break;
    case Severity::kSkipped:
      text += ": skipped: ";
      break;
    case Severity::kError:
      text += ": error: ";
      break;
  }
  return text + message;
}

Importer::Importer(Database& database, ImportOptions options)
    : database_(&database), options_(std::move(options)) {}

ImportSummary Importer::run(const std::vector<std::filesystem::path>& roots) {
  return import::run_import(*database_, roots, options_, source::real_file_system());
}

}  // namespace articledb
