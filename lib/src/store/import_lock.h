// One import at a time per database.
#ifndef ARTICLEDB_STORE_IMPORT_LOCK_H_
#define ARTICLEDB_STORE_IMPORT_LOCK_H_

#include <chrono>
#include <filesystem>
#include <string>

namespace articledb::store {

/// An exclusive advisory lock (flock) on "<database>-import.lock", held for a whole import run.
/// SQLite's own lock is taken per transaction, so two runs would otherwise interleave their
/// batches, each working from a stale view of the other's files. The lock file is named after
/// the database's real path (symbolic links resolved), exists only while a run holds it, and
/// goes with the process, so a crashed run leaves no lock behind (at most the file, which the
/// next run takes over). For ":memory:" databases nothing is locked.
class ImportLock {
 public:
  /// Waits up to `timeout` for the lock; throws Error(kBusy) if another run keeps it, or
  /// Error(kIo) if the lock file cannot be created.
  ImportLock(const std::filesystem::path& database, std::chrono::milliseconds timeout);
  ~ImportLock();
  ImportLock(const ImportLock&) = delete;
  ImportLock& operator=(const ImportLock&) = delete;

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace articledb::store

#endif  // ARTICLEDB_STORE_IMPORT_LOCK_H_
