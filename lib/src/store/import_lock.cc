#include "store/import_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <thread>

#include "articledb/error.h"

namespace articledb::store {

ImportLock::ImportLock(const std::filesystem::path& database, std::chrono::milliseconds timeout) {
  const std::string name = database.string();
  if (name.empty() || name == ":memory:" || name.rfind("file:", 0) == 0) return;
  const std::string path = name + "-import.lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw Error(ErrorCode::kIo, "cannot create the import lock '" + path +
                                    "': " + std::generic_category().message(errno));
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    if (error == EINTR) continue;
    if (error != EWOULDBLOCK || std::chrono::steady_clock::now() >= deadline) {
      ::close(fd_);
      fd_ = -1;
      if (error == EWOULDBLOCK) {
        throw Error(ErrorCode::kBusy, "another import into '" + name +
                                          "' is running; try again when it has finished");
      }
      throw Error(ErrorCode::kIo,
                  "cannot lock '" + path + "': " + std::generic_category().message(error));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

ImportLock::~ImportLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace articledb::store
