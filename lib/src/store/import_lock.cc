#include "store/import_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <thread>

#include "articledb/error.h"

namespace articledb::store {
namespace {

std::string system_message(int error) { return std::generic_category().message(error); }

// Whether `fd` is still the file at `path`: a run that held the lock removes the file before
// it lets go, so a lock taken on a file no longer there is no lock at all.
bool still_at(int fd, const std::string& path) {
  struct stat held {};
  struct stat named {};
  if (::fstat(fd, &held) != 0 || ::stat(path.c_str(), &named) != 0) return false;
  return held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

}  // namespace

ImportLock::ImportLock(const std::filesystem::path& database, std::chrono::milliseconds timeout) {
  const std::string name = database.string();
  if (name.empty() || name == ":memory:" || name.rfind("file:", 0) == 0) return;
  // Keyed on the database's real location, so that two names of one file (a symbolic link,
  // "./a.db" and "a.db") share one lock.
  std::error_code error_code;
  const std::filesystem::path real = std::filesystem::weakly_canonical(database, error_code);
  path_ = (error_code ? database : real).string() + "-import.lock";
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) {
      throw Error(ErrorCode::kIo,
                  "cannot create the import lock '" + path_ + "': " + system_message(errno));
    }
    int error = 0;
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      error = errno;
      if (error == EINTR) continue;
      if (error != EWOULDBLOCK || std::chrono::steady_clock::now() >= deadline) break;
      error = 0;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (error == 0 && still_at(fd_, path_)) return;
    ::close(fd_);
    fd_ = -1;
    if (error == EWOULDBLOCK) {
      throw Error(ErrorCode::kBusy,
                  "another import into '" + name + "' is running; try again when it has finished");
    }
    if (error != 0) {
      throw Error(ErrorCode::kIo, "cannot lock '" + path_ + "': " + system_message(error));
    }
    // The run before removed the file while this one waited: lock the new one.
  }
}

ImportLock::~ImportLock() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());  // while still held: a waiter sees it gone and starts again
  ::close(fd_);             // closing releases the flock
}

}  // namespace articledb::store
