// Objects handed from the thread that used them to the threads that made them, to be destroyed
// there.
#ifndef ARTICLEDB_UTIL_RELEASE_QUEUE_H_
#define ARTICLEDB_UTIL_RELEASE_QUEUE_H_

#include <cstddef>
#include <mutex>
#include <utility>
#include <vector>

namespace articledb::util {

/// A consumer that frees what producers allocated spends its own time in the allocator, and
/// contends for the producers' arenas while they allocate: with one consumer that limits the
/// whole pipeline (an import's writer), that time is better spent by the producers. The
/// consumer put()s each object it is done with; any thread that calls release() destroys them,
/// a batch at a time. One thread may put(); any may release().
template <class T>
class ReleaseQueue {
 public:
  /// Objects are handed over `batch` at a time; past `most` waiting, put() destroys a batch
  /// itself, so memory stays bounded when no one releases.
  explicit ReleaseQueue(std::size_t batch = 128, std::size_t most = 1024)
      : batch_(batch == 0 ? 1 : batch), most_(most) {}
  ReleaseQueue(const ReleaseQueue&) = delete;
  ReleaseQueue& operator=(const ReleaseQueue&) = delete;

  /// The consumer's side.
  void put(T&& object) {
    filling_.push_back(std::move(object));
    if (filling_.size() < batch_) return;
    std::vector<T> full;
    full.reserve(batch_);
    std::swap(full, filling_);
    {
      std::lock_guard lock(mutex_);
      if (waiting_ + batch_ <= most_) {
        waiting_ += full.size();
        full_.push_back(std::move(full));
        return;
      }
    }
    full.clear();  // no one releases: destroyed here
  }

  /// Destroys, on the calling thread, the batches handed over so far.
  void release() {
    std::vector<std::vector<T>> taken;
    {
      std::lock_guard lock(mutex_);
      if (full_.empty()) return;
      std::swap(taken, full_);
      waiting_ = 0;
    }
  }

  /// Objects handed over and not yet destroyed (for tests).
  std::size_t waiting() {
    std::lock_guard lock(mutex_);
    return waiting_;
  }

 private:
  const std::size_t batch_;
  const std::size_t most_;
  std::vector<T> filling_;  // the consumer's, not yet handed over
  std::mutex mutex_;
  std::vector<std::vector<T>> full_;  // guarded by mutex_
  std::size_t waiting_ = 0;           // objects in full_; guarded by mutex_
};

}  // namespace articledb::util

#endif  // ARTICLEDB_UTIL_RELEASE_QUEUE_H_
