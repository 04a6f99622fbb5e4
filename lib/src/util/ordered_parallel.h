// Parallel work with results consumed in order.
#ifndef ARTICLEDB_UTIL_ORDERED_PARALLEL_H_
#define ARTICLEDB_UTIL_ORDERED_PARALLEL_H_

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace articledb::util {

/// How far production may run ahead of consumption.
struct Lookahead {
  std::size_t items = 64;  ///< results produced and not yet consumed, at most
  /// Their bytes, as `bytes_of` counts them, at most: past this, only the result the consumer
  /// waits for is produced. One result larger than the budget still goes through.
  std::size_t bytes = static_cast<std::size_t>(-1);
};

/// Runs `produce(index, worker)` for every index in [0, count) on `jobs` threads, and hands
/// each result to `consume(index, result)` on the calling thread, in index order. The calling
/// thread is one of the `jobs`: when the next result is not ready it produces one itself
/// instead of waiting, so `jobs` = 1 runs everything on the calling thread and every thread
/// of `jobs` > 1 has work while there is any. `ahead` bounds the results held between the
/// two, which bounds memory.
///
/// `produce` runs concurrently with itself (different `worker` numbers in [0, jobs), for
/// per-thread state; 0 is the calling thread) and with `consume`. If either throws, the
/// others stop and the first exception is rethrown here after every thread has finished.
template <class Result>
void ordered_parallel(std::size_t count, unsigned jobs, Lookahead ahead,
                      const std::function<Result(std::size_t index, unsigned worker)>& produce,
                      const std::function<void(std::size_t index, Result&& result)>& consume,
                      const std::function<std::size_t(const Result&)>& bytes_of = {}) {
  jobs = std::max(1u, jobs);
  const std::size_t window = std::max<std::size_t>(ahead.items, jobs);
  std::vector<std::optional<Result>> slots(window);
  std::vector<std::size_t> slot_bytes(window, 0);
  std::mutex mutex;
  std::condition_variable produced;  // the consumer waits on it
  std::condition_variable room;      // background workers wait on it
  std::size_t next = 0;              // next index to claim
  std::size_t consumed = 0;          // results handed to consume
  std::size_t held = 0;              // bytes of the results produced and not consumed
  bool stop = false;
  std::exception_ptr failure;

  // Whether the next index may be claimed now; the one the consumer needs always may.
  const auto claimable = [&] {
    return next < count && next < consumed + window && (held < ahead.bytes || next == consumed);
  };
  const auto fail = [&](std::exception_ptr e) {
    std::lock_guard lock(mutex);
    if (!failure) failure = std::move(e);
    stop = true;
  };
  // Produces `index` and files its result; false when it failed.
  const auto make = [&](std::size_t index, unsigned worker) {
    try {
      Result result = produce(index, worker);
      const std::size_t bytes = bytes_of ? bytes_of(result) : 0;
      std::lock_guard lock(mutex);
      slots[index % window] = std::move(result);
      slot_bytes[index % window] = bytes;
      held += bytes;
      return true;
    } catch (...) {
      fail(std::current_exception());
      return false;
    }
  };

  auto work = [&](unsigned worker) {
    while (true) {
      std::size_t index;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return stop || next >= count || claimable(); });
        if (stop || next >= count) return;
        index = next++;
      }
      const bool made = make(index, worker);
      produced.notify_one();
      if (!made) return;
    }
  };

  std::vector<std::thread> threads;
  threads.reserve(jobs - 1);
  for (unsigned w = 1; w < jobs; ++w) threads.emplace_back(work, w);

  for (std::size_t index = 0; index < count;) {
    std::optional<Result> result;
    std::optional<std::size_t> own;  // an index this thread claims to produce
    {
      std::unique_lock lock(mutex);
      const std::size_t slot = index % window;
      if (!slots[slot].has_value() && !claimable()) {
        produced.wait(lock, [&] { return stop || slots[slot].has_value(); });
      }
      if (stop) break;
      if (slots[slot].has_value()) {
        result = std::move(slots[slot]);
        slots[slot].reset();
        held -= slot_bytes[slot];
        consumed = index + 1;
      } else {
        own = next++;
      }
    }
    if (own) {
      if (!make(*own, 0)) break;
      continue;
    }
    room.notify_one();
    try {
      consume(index, std::move(*result));
    } catch (...) {
      fail(std::current_exception());
      break;
    }
    ++index;
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
  }
  room.notify_all();
  for (auto& thread : threads) thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace articledb::util

#endif  // ARTICLEDB_UTIL_ORDERED_PARALLEL_H_
