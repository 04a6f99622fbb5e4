// articledb stats: counts per table and collection, time range, size.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "articledb/database.h"
#include "commands.h"
#include "output.h"

namespace articledb::cli {
namespace {

struct StatsArgs {
  std::string db;
  bool json = false;
};

nlohmann::ordered_json optional_time(const std::optional<Timestamp>& time) {
  if (!time) return nullptr;
  return format_timestamp(*time);
}

int run_stats(const StatsArgs& args) {
  const Database database = open_existing(args.db, OpenMode::kReadOnly);
  const Stats stats = database.stats();
  if (args.json) {
    nlohmann::ordered_json tables = nlohmann::ordered_json::object();
    for (const auto& table : stats.tables) tables[table.name] = table.rows;
    // A list, since articles outside any collection have no name to key them by.
    nlohmann::ordered_json collections = nlohmann::ordered_json::array();
    for (const auto& collection : stats.collections) {
      collections.push_back(
          {{"collection", collection.name.empty() ? nlohmann::ordered_json(nullptr)
                                                  : nlohmann::ordered_json(collection.name)},
           {"articles", collection.rows}});
    }
    const nlohmann::ordered_json out = {{"database", args.db},
                                        {"schema_version", stats.schema_version},
                                        {"articles", stats.articles},
                                        {"tables", tables},
                                        {"collections", collections},
                                        {"oldest", optional_time(stats.oldest)},
                                        {"newest", optional_time(stats.newest)},
                                        {"database_bytes", stats.database_bytes}};
    std::cout << out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    return kExitOk;
  }
  std::cout << "database  " << args.db << " (schema version " << stats.schema_version << ", "
            << human_bytes(stats.database_bytes) << ")\n"
            << "articles  " << group_digits(static_cast<std::uint64_t>(stats.articles)) << '\n';
  if (stats.oldest && stats.newest) {
    std::cout << "published " << format_timestamp(*stats.oldest) << " .. "
              << format_timestamp(*stats.newest) << '\n';
  }
  std::cout << '\n';
  std::vector<std::vector<std::string>> rows;
  for (const auto& table : stats.tables) {
    rows.push_back({table.name, group_digits(static_cast<std::uint64_t>(table.rows))});
  }
  print_table({"table", "rows"}, rows, {1});
  std::cout << '\n';
  rows.clear();
  for (const auto& collection : stats.collections) {
    rows.push_back({collection.name.empty() ? "(none)" : collection.name,
                    group_digits(static_cast<std::uint64_t>(collection.rows))});
  }
  print_table({"collection", "articles"}, rows, {1});
  return kExitOk;
}

}  // namespace

void add_stats_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<StatsArgs>();
  CLI::App* command =
      app.add_subcommand("stats", "Show row counts, collections, time range and size");
  add_database_option(*command, args->db);
  command->add_flag("--json", args->json, "Print as JSON");
  command->callback([args, &action] { action = [args] { return run_stats(*args); }; });
}

}  // namespace articledb::cli
