#include "util/release_queue.h"

#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace articledb::util {
namespace {

// Records the thread that destroys it.
class Marked {
 public:
  struct Log {
    std::mutex mutex;
    std::vector<std::thread::id> destroyed_on;
  };
  explicit Marked(Log* log) : log_(log) {}
  Marked(Marked&& other) noexcept : log_(other.log_) { other.log_ = nullptr; }
  Marked& operator=(Marked&&) = delete;
  ~Marked() {
    if (log_ == nullptr) return;  // moved from
    std::lock_guard lock(log_->mutex);
    log_->destroyed_on.push_back(std::this_thread::get_id());
  }

 private:
  Log* log_;
};

TEST(ReleaseQueueTest, ObjectsPutAreDestroyedByTheThreadThatReleases) {
  Marked::Log log;
  std::thread::id releaser;
  {
    ReleaseQueue<Marked> queue(4, 1000);
    for (int i = 0; i < 10; ++i) queue.put(Marked(&log));
    EXPECT_TRUE(log.destroyed_on.empty());  // all kept, none destroyed by put()
    EXPECT_EQ(queue.waiting(), 8u);         // two batches handed over, two still filling
    std::thread other([&] {
      releaser = std::this_thread::get_id();
      queue.release();
    });
    other.join();
    EXPECT_EQ(queue.waiting(), 0u);
    ASSERT_EQ(log.destroyed_on.size(), 8u);
    for (const std::thread::id id : log.destroyed_on) EXPECT_EQ(id, releaser);
  }
  // The two not handed over go with the queue.
  ASSERT_EQ(log.destroyed_on.size(), 10u);
  EXPECT_EQ(log.destroyed_on[8], std::this_thread::get_id());
}

TEST(ReleaseQueueTest, WithNoOneReleasingPutDestroysPastItsBound) {
  Marked::Log log;
  ReleaseQueue<Marked> queue(4, 12);
  for (int i = 0; i < 40; ++i) queue.put(Marked(&log));
  EXPECT_LE(queue.waiting(), 12u);
  // 40 put: at most 12 waiting and 3 filling, so at least 25 were destroyed, by put() itself.
  EXPECT_GE(log.destroyed_on.size(), 25u);
  for (const std::thread::id id : log.destroyed_on) EXPECT_EQ(id, std::this_thread::get_id());
}

}  // namespace
}  // namespace articledb::util
