// articledb export: every article (or those of a filter) as JSON lines, or as files again.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>

#include "articledb/database.h"
#include "articledb/error.h"
#include "commands.h"
#include "output.h"
#include "query_options.h"

namespace articledb::cli {
namespace {

struct ExportArgs {
  std::string db;
  std::string format = "ndjson";
  std::string out;
  std::vector<std::string> topics;
  std::vector<std::string> providers;
  std::string collection;
};

// Where an article's file goes under `out`: its relative path, if it stays inside.
std::optional<std::filesystem::path> file_under(const std::filesystem::path& out,
                                                const std::string& path) {
  const std::filesystem::path relative(path);
  if (path.empty() || relative.is_absolute()) return std::nullopt;
  for (const auto& part : relative) {
    if (part == ".." || part == ".") return std::nullopt;
  }
  return out / relative;
}

int run_export(const ExportArgs& args) {
  const Database database = open_existing(args.db, OpenMode::kReadOnly);
  const bool files = args.format == "frontmatter";
  if (files && args.out.empty()) {
    throw Error(ErrorCode::kInvalidArgument, "--format frontmatter writes files: give --out DIR");
  }
  std::ofstream ndjson_file;
  std::ostream* ndjson = &std::cout;
  if (!files && !args.out.empty()) {
    ndjson_file.open(args.out, std::ios::binary | std::ios::trunc);
    if (!ndjson_file) throw Error(ErrorCode::kIo, "cannot write '" + args.out + "'");
    ndjson = &ndjson_file;
  }
  QueryArgs query;
  query.topics = args.topics;
  query.providers = args.providers;
  query.collection = args.collection;
  ListOptions options;
  options.filter = filter_of(query);
  options.sort = Sort::kOldest;
  options.limit = kMaxPageSize;
  options.with_body = true;
  std::uint64_t written = 0;
  std::uint64_t failed = 0;
  std::set<std::string> paths;
  do {
    const ArticlePage page = database.list(options);
    for (const Article& article : page.articles) {
      if (!files) {
        *ndjson << to_json(article, true) << '\n';
        ++written;
        continue;
      }
      const auto target = file_under(args.out, article.path);
      if (!target || !paths.insert(article.path).second) {
        std::cerr << "articledb: article " << *article.id << " ('" << printable(article.path)
                  << "'): "
                  << (target ? "another article has the same path" : "not a relative path")
                  << "; not written\n";
        ++failed;
        continue;
      }
      std::error_code error;
      std::filesystem::create_directories(target->parent_path(), error);
      std::ofstream file(*target, std::ios::binary | std::ios::trunc);
      file << to_front_matter(article);
      file.close();
      if (error || !file) {
        std::cerr << "articledb: cannot write '" << printable(target->string()) << "'\n";
        ++failed;
        continue;
      }
      ++written;
    }
    options.after = page.next;
  } while (!options.after.empty());
  ndjson->flush();
  if (files || !args.out.empty()) {
    std::cerr << "exported " << counted(written, "article", "articles");
    if (failed > 0) std::cerr << ", " << counted(failed, "failure", "failures");
    std::cerr << '\n';
  }
  return failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

void add_export_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* command = app.add_subcommand(
      "export", "Write the articles out: as JSON lines, or as front-matter files again");
  add_database_option(*command, args->db);
  command
      ->add_option("--format", args->format,
                   "ndjson (one article a line, every field; the default) or frontmatter (one "
                   "file per article at its path under --out)")
      ->check(CLI::IsMember({"ndjson", "frontmatter"}).description(""))
      ->type_name("ndjson|frontmatter");
  command
      ->add_option("--out", args->out,
                   "Folder for frontmatter; file for ndjson (default: standard output)")
      ->type_name("PATH");
  command->add_option("--topic", args->topics, "Only articles with this topic (repeatable)")
      ->type_name("TOPIC");
  command->add_option("--provider", args->providers, "Only articles of this provider (repeatable)")
      ->type_name("PROVIDER");
  command->add_option("--collection", args->collection, "Only this collection, e.g. news")
      ->type_name("NAME");
  command->callback([args, &action] { action = [args] { return run_export(*args); }; });
}

}  // namespace articledb::cli
