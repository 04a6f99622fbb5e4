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

/// Runs `produce(index, worker)` for every index in [0, count) on `workers` threads, and
/// hands each result to `consume(index, result)` on the calling thread, in index order.
/// At most `window` results are produced ahead of the consumer, which bounds memory.
///
/// `produce` runs concurrently with itself (different `worker` numbers, 0-based, for
/// per-thread state) and with `consume`. If either throws, the others stop and the first
/// exception is rethrown here after every thread has finished.
template <class Result>
void ordered_parallel(std::size_t count, unsigned workers, std::size_t window,
                      const std::function<Result(std::size_t index, unsigned worker)>& produce,
                      const std::function<void(std::size_t index, Result&& result)>& consume) {
  workers = std::max(1u, workers);
  window = std::max<std::size_t>(window, workers);
  std::vector<std::optional<Result>> slots(window);
  std::mutex mutex;
  std::condition_variable produced;
  std::condition_variable consumed_cv;
  std::size_t next = 0;      // next index to claim
  std::size_t consumed = 0;  // results handed to consume
  bool stop = false;
  std::exception_ptr failure;

  auto work = [&](unsigned worker) {
    while (true) {
      std::size_t index;
      {
        std::unique_lock lock(mutex);
        consumed_cv.wait(lock, [&] { return stop || next >= count || next < consumed + window; });
        if (stop || next >= count) return;
        index = next++;
      }
      try {
        Result result = produce(index, worker);
        std::lock_guard lock(mutex);
        slots[index % window] = std::move(result);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
      }
      produced.notify_all();
    }
  };

  std::vector<std::thread> threads;
  threads.reserve(workers);
  for (unsigned w = 0; w < workers; ++w) threads.emplace_back(work, w);

  for (std::size_t index = 0; index < count; ++index) {
    Result result;
    {
      std::unique_lock lock(mutex);
      produced.wait(lock, [&] { return stop || slots[index % window].has_value(); });
      if (stop) break;
      result = std::move(*slots[index % window]);
      slots[index % window].reset();
      consumed = index + 1;
    }
    consumed_cv.notify_all();
    try {
      consume(index, std::move(result));
    } catch (...) {
      std::lock_guard lock(mutex);
      if (!failure) failure = std::current_exception();
      stop = true;
      break;
    }
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
  }
  consumed_cv.notify_all();
  for (auto& thread : threads) thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace articledb::util

#endif  // ARTICLEDB_UTIL_ORDERED_PARALLEL_H_
