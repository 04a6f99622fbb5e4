// articledb import: bring a database up to date with folders of article files.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "articledb/error.h"
#include "articledb/importer.h"
#include "commands.h"
#include "output.h"

namespace articledb::cli {
namespace {

struct ImportArgs {
  std::string db;
  std::vector<std::string> paths;
  bool prune = false;
  bool force = false;
  bool dry_run = false;
  bool json = false;
  bool quiet = false;
  unsigned jobs = 0;
  unsigned batch_size = ImportOptions{}.batch_size;
  std::vector<std::string> extensions;
  std::uint64_t max_file_size = ImportOptions{}.max_file_size;
};

// Prints problems as they come, and a progress bar on a terminal.
class TerminalObserver : public ImportObserver {
 public:
  TerminalObserver(bool progress, bool warnings) : progress_(progress), warnings_(warnings) {}
  ~TerminalObserver() override { clear(); }

  void on_progress(const ImportProgress& p) override {
    if (!progress_ || p.total == 0) return;
    const double rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0;
    const double eta = rate > 0 ? static_cast<double>(p.total - p.done) / rate : 0;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(kWidth * p.done / p.total);
    // No rate or time left until there is something to estimate them from.
    char estimate[64] = "";
    if (p.done > 0 && p.seconds >= 0.5) {
      std::snprintf(estimate, sizeof estimate, "  %.0f files/s  ETA %d:%02d", rate,
                    static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
    }
    char line[192];
    std::snprintf(line, sizeof line, "\r[%s%s] %llu/%llu files%s ",
                  std::string(static_cast<std::size_t>(filled), '#').c_str(),
                  std::string(static_cast<std::size_t>(kWidth - filled), '.').c_str(),
                  static_cast<unsigned long long>(p.done), static_cast<unsigned long long>(p.total),
                  estimate);
    std::cerr << line << std::flush;
    shown_ = true;
  }

  void on_problem(const Problem& problem) override {
    if (problem.severity == Problem::Severity::kWarning && !warnings_) return;
    clear();
    std::cerr << problem.to_string() << '\n';
  }

  void clear() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }

 private:
  bool progress_;
  bool warnings_;
  bool shown_ = false;
};

// The most --max-file-size may allow: a file is held in memory while it is parsed, several
// times over.
constexpr std::uint64_t kMaxFileSizeLimit = 256u << 20;

nlohmann::ordered_json to_json(const ImportSummary& s) {
  nlohmann::ordered_json problems = nlohmann::ordered_json::array();
  for (const Problem& p : s.problems) {
    problems.push_back({{"path", p.path},
                        {"line", p.line},
                        {"column", p.column},
                        {"severity", std::string(to_string(p.severity))},
                        {"message", p.message}});
  }
  nlohmann::ordered_json left_out = nlohmann::ordered_json::object();
  for (const auto& [extension, count] : s.left_out_by_extension) left_out[extension] = count;
  const nlohmann::ordered_json run_id =
      s.dry_run ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.run_id);
  return {{"dry_run", s.dry_run},     {"run_id", run_id},
          {"files", s.files},         {"added", s.added},
          {"updated", s.updated},     {"moved", s.moved},
          {"unchanged", s.unchanged}, {"removed", s.removed},
          {"missing", s.missing},     {"skipped", s.skipped},
          {"failed", s.failed},       {"warnings", s.warnings},
          {"left_out", s.left_out},   {"left_out_by_extension", left_out},
          {"seconds", s.seconds},     {"problems", problems}};
}

// "12 other files left out by their extension (.yml 9, .com 2, none 1); add one with --ext".
std::string left_out_line(const ImportSummary& s) {
  std::vector<std::pair<std::uint64_t, std::string>> by_count;
  for (const auto& [extension, count] : s.left_out_by_extension) {
    by_count.emplace_back(count, extension.empty() ? "none" : extension);
  }
  std::sort(by_count.begin(), by_count.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string line =
      counted(s.left_out, "other file", "other files") + " left out by their extension (";
  constexpr std::size_t kShown = 5;
  for (std::size_t i = 0; i < by_count.size() && i < kShown; ++i) {
    if (i > 0) line += ", ";
    line += printable(by_count[i].second) + " " + group_digits(by_count[i].first);
  }
  if (by_count.size() > kShown) line += ", ...";
  return line + "); import more with --ext EXT";
}

int run_import(const ImportArgs& args) {
  // Look at the paths before the database is opened, so that a typo creates no database.
  std::error_code error;
  for (const std::string& path : args.paths) {
    if (!std::filesystem::exists(path, error)) {
      throw Error(ErrorCode::kInvalidArgument,
                  "cannot import '" + path +
                      "': " + (error ? error.message() : std::string("no such file or folder")));
    }
  }
  // A dry run never creates a database: without one, everything would be added.
  const bool exists = std::filesystem::exists(args.db, error);
  Database database(args.dry_run && !exists ? std::filesystem::path(":memory:")
                                            : std::filesystem::path(args.db));

  TerminalObserver observer(!args.quiet && !args.json && is_terminal(STDERR_FILENO), !args.quiet);
  ImportOptions options;
  options.prune = args.prune;
  options.force = args.force;
  options.dry_run = args.dry_run;
  options.jobs = args.jobs;
  options.max_file_size = args.max_file_size;
  options.batch_size = args.batch_size;
  options.extensions = args.extensions;
  options.observer = args.json ? nullptr : &observer;

  std::vector<std::filesystem::path> roots(args.paths.begin(), args.paths.end());
  const ImportSummary s = Importer(database, options).run(roots);
  observer.clear();

  if (args.json) {
    std::cout << to_json(s).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
              << '\n';
  } else {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", s.seconds);
    std::cout << (s.dry_run ? "dry run, nothing written: " : "") << "added " << s.added
              << ", updated " << s.updated << ", moved " << s.moved << ", unchanged " << s.unchanged
              << ", removed " << s.removed << ", skipped " << s.skipped << ", failed " << s.failed
              << " (" << counted(s.files, "file", "files");
    if (s.warnings > 0) std::cout << ", " << counted(s.warnings, "warning", "warnings");
    std::cout << ") in " << seconds << " s\n";
    if (s.left_out > 0) std::cout << left_out_line(s) << '\n';
    if (s.missing > 0) {
      std::cerr << "articledb: " << counted(s.missing, "article has", "articles have")
                << " no file any more; run with --prune to remove "
                << (s.missing == 1 ? "it" : "them") << '\n';
    }
  }
  return s.failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

void add_import_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* command = app.add_subcommand(
      "import", "Import article files (.md .markdown .html .htm .txt) from folders or files");
  add_database_option(*command, args->db);
  command->add_option("paths", args->paths, "Folders (searched recursively) or files")
      ->required()
      ->type_name("PATH");
  command->add_flag("--prune", args->prune, "Remove articles whose file is gone from PATH");
  command->add_flag("--force", args->force, "Read and import every file, changed or not");
  command->add_flag("--dry-run", args->dry_run, "Report what would change; write nothing");
  command
      ->add_option("--jobs,-j", args->jobs,
                   "Threads that read and parse, the writing thread included; 0 (the default): one "
                   "per core")
      ->check(whole_number(0, 1024))
      ->type_name("N");
  command
      ->add_option("--max-file-size", args->max_file_size,
                   "Reject larger files, in bytes (default: 16 MiB, at most 256 MiB)")
      ->check(whole_number(1, kMaxFileSizeLimit))
      ->type_name("BYTES");
  command
      ->add_option("--batch-size", args->batch_size,
                   "Files written per transaction (default: 10000); readers see each batch when "
                   "it commits, and a run that stops keeps the batches it committed")
      ->check(whole_number(1, 1'000'000))
      ->type_name("N");
  command
      ->add_option("--ext", args->extensions,
                   "Also import files with this extension, as plain text (e.g. --ext com); "
                   "repeat it or separate with commas")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->delimiter(',')
      ->type_name("EXT");
  command->add_flag("--json", args->json, "Print the summary, with every problem, as JSON");
  command->add_flag("--quiet,-q", args->quiet, "No progress bar and no warnings");
  command->callback([args, &action] { action = [args] { return run_import(*args); }; });
}

}  // namespace articledb::cli
