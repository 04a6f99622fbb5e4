#include "source/file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>
#include <system_error>

namespace articledb::source {
namespace {

std::string error_text(int error) { return std::generic_category().message(error); }

FileStat facts_of(const struct stat& st) {
  FileStat facts;
  facts.size = static_cast<std::uint64_t>(st.st_size);
  facts.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 +
                   static_cast<std::int64_t>(st.st_mtim.tv_nsec);
  return facts;
}

// Closes a file descriptor on scope exit.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

class DirectoryStream {
 public:
  explicit DirectoryStream(DIR* dir) : dir_(dir) {}
  ~DirectoryStream() {
    if (dir_ != nullptr) ::closedir(dir_);
  }
  DirectoryStream(const DirectoryStream&) = delete;
  DirectoryStream& operator=(const DirectoryStream&) = delete;
  DIR* get() const { return dir_; }

 private:
  DIR* dir_;
};

class PosixFileSystem final : public FileSystem {
 public:
  void list(const std::filesystem::path& folder,
            const std::function<bool(std::string_view)>& accept, std::vector<FoundFile>& files,
            std::vector<ListError>& errors) const override {
    // Iterative walk; each stack entry is a folder path relative to `folder`.
    std::vector<std::string> pending{""};
    while (!pending.empty()) {
      const std::string relative = std::move(pending.back());
      pending.pop_back();
      const std::string absolute =
          relative.empty() ? folder.string() : (folder / relative).string();
      const int fd = ::open(absolute.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (fd < 0) {
        errors.push_back({absolute, "cannot open folder: " + error_text(errno)});
        continue;
      }
      DirectoryStream dir(::fdopendir(fd));
      if (dir.get() == nullptr) {
        errors.push_back({absolute, "cannot read folder: " + error_text(errno)});
        ::close(fd);
        continue;
      }
      while (true) {
        errno = 0;
        const dirent* entry = ::readdir(dir.get());
        if (entry == nullptr) {
          if (errno != 0) errors.push_back({absolute, "cannot read folder: " + error_text(errno)});
          break;
        }
        const std::string_view name = entry->d_name;
        if (name.empty() || name[0] == '.') continue;
        const std::string child =
            relative.empty() ? std::string(name) : relative + "/" + std::string(name);
        unsigned char type = entry->d_type;
        if (type == DT_DIR) {
          pending.push_back(child);
          continue;
        }
        if (type != DT_REG && type != DT_LNK && type != DT_UNKNOWN) continue;
        if (type == DT_REG && !accept(name)) continue;
        struct stat st;
        if (::fstatat(::dirfd(dir.get()), entry->d_name, &st, 0) != 0) {
          errors.push_back({(folder / child).string(), "cannot examine: " + error_text(errno)});
          continue;
        }
        if (S_ISDIR(st.st_mode)) {
          if (type == DT_UNKNOWN) pending.push_back(child);  // a real folder, not a link
          continue;
        }
        if (!S_ISREG(st.st_mode) || !accept(name)) continue;
        files.push_back({child, facts_of(st)});
      }
    }
  }

  FileContents read(const std::filesystem::path& path, std::uint64_t max_size) const override {
    const Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) throw FileError("cannot open: " + error_text(errno));
    struct stat st;
    if (::fstat(fd.get(), &st) != 0) throw FileError("cannot examine: " + error_text(errno));
    if (!S_ISREG(st.st_mode)) throw FileError("not a regular file");
    FileContents contents;
    contents.stat = facts_of(st);
    if (contents.stat.size > max_size) {
      throw FileError("file is too large (" + std::to_string(contents.stat.size) +
                      " bytes; the limit is " + std::to_string(max_size) + ")");
    }
    contents.data.resize(contents.stat.size);
    std::size_t done = 0;
    while (true) {
      if (done == contents.data.size()) {
        // The file may have grown since fstat: read on, within the limit.
        if (contents.data.size() >= max_size + 1) break;
        contents.data.resize(std::min<std::uint64_t>(contents.data.size() + 65536, max_size + 1));
      }
      const ssize_t n = ::read(fd.get(), contents.data.data() + done, contents.data.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        throw FileError("cannot read: " + error_text(errno));
      }
      if (n == 0) break;
      done += static_cast<std::size_t>(n);
    }
    contents.data.resize(done);
    if (done > max_size) {
      throw FileError("file is too large (more than " + std::to_string(max_size) + " bytes)");
    }
    contents.stat.size = done;
    return contents;
  }

  std::optional<FileStat> stat(const std::filesystem::path& path) const override {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return facts_of(st);
  }

  std::int64_t now_ns() const override {
    timespec now;
    ::clock_gettime(CLOCK_REALTIME, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
  }
};

}  // namespace

const FileSystem& real_file_system() {
  static const PosixFileSystem instance;
  return instance;
}

}  // namespace articledb::source
