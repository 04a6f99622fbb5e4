#include "source/file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
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

// One entry of a folder, with what the walk needs to order and visit it.
struct Entry {
  std::string name;
  bool folder = false;
  FileStat stat;
};

// Entries in the order their paths sort in: a folder "a" sorts as "a/", so that everything
// under it lands where "a/..." falls among its siblings ("a.md" < "a/x.md" < "a0.md").
bool path_order(const Entry& x, const Entry& y) {
  const std::size_t n = std::min(x.name.size(), y.name.size());
  if (const int c = std::memcmp(x.name.data(), y.name.data(), n); c != 0) return c < 0;
  auto at = [n](const Entry& e) -> int {
    if (e.name.size() > n) return static_cast<unsigned char>(e.name[n]);
    return e.folder ? '/' : -1;  // the name ends: "/" for a folder, else end of path
  };
  return at(x) < at(y);
}

// Reads the entries of one folder: sub-folders, and the files `accept` takes with their
// stat. False (and an error reported) when the folder cannot be read at all.
bool read_folder(const std::string& absolute, const std::string& relative,
                 const std::function<bool(std::string_view)>& accept, std::vector<Entry>& entries,
                 const std::function<void(ListError&&)>& on_error) {
  auto folder_error = [&](const std::string& what) {
    std::string shown = relative;
    if (!shown.empty()) shown.pop_back();
    on_error({absolute, shown, true, what + ": " + error_text(errno)});
    return false;
  };
  const int fd = ::open(absolute.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return folder_error("cannot open folder");
  DirectoryStream dir(::fdopendir(fd));
  if (dir.get() == nullptr) {
    const int saved = errno;
    ::close(fd);
    errno = saved;
    return folder_error("cannot read folder");
  }
  while (true) {
    errno = 0;
    const dirent* raw = ::readdir(dir.get());
    if (raw == nullptr) {
      if (errno != 0) {
        entries.clear();  // a partial listing would make present files look gone
        return folder_error("cannot read folder");
      }
      return true;
    }
    const std::string_view name = raw->d_name;
    if (name.empty() || name[0] == '.') continue;
    const unsigned char type = raw->d_type;
    if (type == DT_DIR) {
      entries.push_back({std::string(name), true, {}});
      continue;
    }
    if (type != DT_REG && type != DT_LNK && type != DT_UNKNOWN) continue;
    if (type == DT_REG && !accept(name)) continue;
    struct stat st;
    if (::fstatat(::dirfd(dir.get()), raw->d_name, &st, 0) != 0) {
      on_error({absolute + "/" + std::string(name), relative + std::string(name), false,
                "cannot examine: " + error_text(errno)});
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      if (type == DT_UNKNOWN) entries.push_back({std::string(name), true, {}});  // not a link
      continue;
    }
    if (!S_ISREG(st.st_mode) || !accept(name)) continue;
    entries.push_back({std::string(name), false, facts_of(st)});
  }
}

class PosixFileSystem final : public FileSystem {
 public:
  void walk(const std::filesystem::path& folder,
            const std::function<bool(std::string_view)>& accept,
            const std::function<void(FoundFile&&)>& on_file,
            const std::function<void(ListError&&)>& on_error) const override {
    // Depth first; each frame holds one folder's sorted entries and the next one to visit.
    struct Frame {
      std::string relative;  // "" or "a/b/"
      std::vector<Entry> entries;
      std::size_t next = 0;
    };
    std::vector<Frame> stack;
    auto enter = [&](const std::string& relative) {
      const std::string absolute =
          relative.empty() ? folder.string() : (folder / relative).string();
      Frame frame;
      frame.relative = relative.empty() ? "" : relative + "/";
      if (!read_folder(absolute, frame.relative, accept, frame.entries, on_error)) return;
      std::sort(frame.entries.begin(), frame.entries.end(), path_order);
      stack.push_back(std::move(frame));
    };
    enter("");
    while (!stack.empty()) {
      Frame& frame = stack.back();
      if (frame.next == frame.entries.size()) {
        stack.pop_back();
        continue;
      }
      Entry& entry = frame.entries[frame.next++];
      std::string path = frame.relative + entry.name;
      if (entry.folder) {
        enter(path);  // may invalidate `frame`
      } else {
        on_file({std::move(path), entry.stat});
      }
    }
  }

  FileContents read(const std::filesystem::path& path, std::uint64_t max_size) const override {
    const Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
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
    // One byte more than fstat said, so that the read that meets the end is a short one and
    // a file of the expected size needs no second buffer.
    contents.data.resize(std::min<std::uint64_t>(contents.stat.size, max_size) + 1);
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

void FileSystem::list(const std::filesystem::path& folder,
                      const std::function<bool(std::string_view)>& accept,
                      std::vector<FoundFile>& files, std::vector<ListError>& errors) const {
  walk(
      folder, accept, [&](FoundFile&& file) { files.push_back(std::move(file)); },
      [&](ListError&& error) { errors.push_back(std::move(error)); });
}

const FileSystem& real_file_system() {
  static const PosixFileSystem instance;
  return instance;
}

}  // namespace articledb::source
