// articledb check: integrity of the tables and of the full-text index.
#include <iostream>
#include <memory>

#include "articledb/database.h"
#include "commands.h"
#include "output.h"

namespace articledb::cli {
namespace {

int run_check(const std::string& db) {
  // Read-write: FTS5's integrity check is a command SQLite counts as a write (it writes nothing).
  const Database database = open_existing(db, OpenMode::kReadWrite);
  const CheckReport report = database.check();
  if (report.ok()) {
    std::cout << "ok: " << db << " passed every check\n";
    return kExitOk;
  }
  for (const std::string& fault : report.faults) std::cout << "fault: " << fault << '\n';
  std::cout << report.faults.size() << " faults found in " << db << '\n';
  return kExitSomeFailed;
}

}  // namespace

void add_check_command(CLI::App& app, Action& action) {
  auto db = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "check", "Check the integrity of the database and its full-text index (exit 1 on a fault)");
  add_database_option(*command, *db);
  command->callback([db, &action] { action = [db] { return run_check(*db); }; });
}

}  // namespace articledb::cli
