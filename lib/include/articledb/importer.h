// Importing folders of article files into a database.
#ifndef ARTICLEDB_IMPORTER_H_
#define ARTICLEDB_IMPORTER_H_

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "articledb/database.h"

namespace articledb {

/// Something wrong with one file. `line` and `column` are 1-based, 0 when unknown.
struct Problem {
  enum class Severity {
    kWarning,  ///< the article was imported; one field was not (its value is in `extra`)
    kSkipped,  ///< not an article: no front matter, or no title
    kError,    ///< the file could not be imported; the database keeps what it had for it
  };
  std::string path;  ///< the file, as found under the import root
  int line = 0;
  int column = 0;
  Severity severity = Severity::kError;
  std::string message;

  /// "path:line:col: error: message", the form compilers use.
  std::string to_string() const;
};

/// "warning", "skipped" or "error": the name of a severity in messages, JSON and the import log.
std::string_view to_string(Problem::Severity severity) noexcept;

/// Progress of a running import, reported about ten times a second.
struct ImportProgress {
  std::uint64_t done = 0;   ///< files handled so far (read or known unchanged)
  std::uint64_t total = 0;  ///< files found under the roots
  double seconds = 0;       ///< since the run started
};

/// Receives events of a running import, on the thread that called Importer::run().
class ImportObserver {
 public:
  virtual ~ImportObserver() = default;
  virtual void on_progress(const ImportProgress& /*progress*/) {}
  virtual void on_problem(const Problem& /*problem*/) {}
};

struct ImportOptions {
  /// Remove the articles of files that are gone from the given roots. Default: off.
  bool prune = false;
  /// Read and import every file, even those that look unchanged. Default: off.
  bool force = false;
  /// Read and check everything, count what would change, write nothing. Default: off.
  bool dry_run = false;
  /// Threads that read and parse files, the calling thread (which also writes) included;
  /// 1 does everything on the calling thread, 0 means one per core. Default: 0.
  unsigned jobs = 0;
  /// Larger files are rejected unread. Default: 16 MiB.
  std::uint64_t max_file_size = 16u << 20;
  /// Articles written per transaction (a transaction also ends after two seconds, so that
  /// readers see a slow import progress). Default: 10000.
  unsigned batch_size = 10'000;
  /// The write-ahead log may grow past this many bytes only while a reader holds one snapshot
  /// (a transaction left open, e.g. in the sqlite3 shell): the log cannot be restarted under
  /// it. Beyond, the import waits for that reader, up to `reader_wait`, then stops with
  /// ErrorCode::kBusy, keeping what it committed. Default: 1 GiB.
  std::uint64_t max_wal_bytes = 1u << 30;
  /// See max_wal_bytes. Default: 60 seconds.
  std::chrono::milliseconds reader_wait{60'000};
  /// Extensions imported besides .md, .markdown, .html, .htm and .txt (".com" or "com", any
  /// case), read as plain text. A file given by name is imported whatever its extension.
  /// Default: none.
  std::vector<std::string> extensions;
  /// Receives progress and problems while the run goes on; not owned. Default: none.
  ImportObserver* observer = nullptr;
};

/// What a run did. Counts are of files.
struct ImportSummary {
  std::uint64_t files = 0;      ///< article files found under the roots
  std::uint64_t added = 0;      ///< new articles
  std::uint64_t updated = 0;    ///< articles replaced because their file changed
  std::uint64_t moved = 0;      ///< files renamed or moved with the same content (id kept)
  std::uint64_t unchanged = 0;  ///< files skipped because nothing changed
  std::uint64_t removed = 0;    ///< articles pruned because their file is gone
  std::uint64_t missing = 0;    ///< articles whose file is gone, kept because prune is off
  std::uint64_t skipped = 0;    ///< files that are not articles
  std::uint64_t failed = 0;     ///< files that could not be imported
  std::uint64_t warnings = 0;   ///< field warnings on imported articles
  /// Regular files under the folders left out because of their extension, in all and by
  /// extension ("" for a name without one); ImportOptions::extensions adds extensions.
  std::uint64_t left_out = 0;
  std::map<std::string, std::uint64_t> left_out_by_extension;
  double seconds = 0;
  bool dry_run = false;
  std::int64_t run_id = 0;  ///< row of import_runs; 0 for a dry run
  /// Problems met, in the order they were found: the first 10,000 (every one is given to
  /// ImportOptions::observer and written to the import log).
  std::vector<Problem> problems;
  std::uint64_t problems_omitted = 0;  ///< problems beyond those kept in `problems`
};

/// Walks folders of article files (.md .markdown .html .htm .txt, hidden entries skipped)
/// and brings the database up to date with them: files are parsed in parallel, one thread
/// writes, each file is imported whole or not at all.
///
/// Files whose size and modification time match the database are not opened; a file whose
/// content hash is unchanged is not parsed again. A changed file replaces its article and
/// all of its rows, keeping its id; a file moved under the imported roots with the same
/// content keeps its article.
class Importer {
 public:
  /// `database` must be open read-write and outlive the Importer.
  explicit Importer(Database& database, ImportOptions options = {});

  /// Imports the files under `roots` (folders or single files).
  /// Problems with single files are reported in the summary, never thrown. Throws Error for
  /// what stops the whole run: a root that does not exist (kInvalidArgument), a database
  /// that is read-only, locked or failing.
  ImportSummary run(const std::vector<std::filesystem::path>& roots);

 private:
  Database* database_;
  ImportOptions options_;
};

}  // namespace articledb

#endif  // ARTICLEDB_IMPORTER_H_
