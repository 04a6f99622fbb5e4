// articledb check: integrity of the tables and of the full-text index.
#include <iostream>
#include <memory>

#include "articledb/database.h"
#include "articledb/error.h"
#include "commands.h"
#include "output.h"
#include "query_options.h"

namespace articledb::cli {
namespace {

struct CheckArgs {
  std::string db;
  bool json = false;
};

int run_check(const CheckArgs& args) {
  const std::string& db = args.db;
  // Read-only: check never writes, not even a schema migration (an older database is
  // refused with the way to migrate it).
  const Database database = open_existing(db, OpenMode::kReadOnly);
  const CheckReport report = database.check();
  if (args.json) {
    print_json({{"database", db},
                {"ok", report.ok()},
                {"faults", report.faults},
                {"notes", report.notes}});
    return report.ok() ? kExitOk : kExitSomeFailed;
  }
  for (const std::string& note : report.notes) std::cout << "note: " << note << '\n';
  if (report.ok()) {
    std::cout << "ok: " << db << " passed every check\n";
    return kExitOk;
  }
  for (const std::string& fault : report.faults) std::cout << "fault: " << fault << '\n';
  std::cout << counted(report.faults.size(), "fault", "faults") << " found in " << db << '\n';
  return kExitSomeFailed;
}

}  // namespace

void add_check_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* command = app.add_subcommand(
      "check", "Check the integrity of the database and its full-text index (exit 1 on a fault)");
  add_database_option(*command, args->db);
  command->add_flag("--json", args->json, "Print the report as JSON");
  command->callback([args, &action] { action = [args] { return run_check(*args); }; });
}

}  // namespace articledb::cli
