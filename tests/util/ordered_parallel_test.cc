#include "util/ordered_parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>

namespace articledb::util {
namespace {

TEST(OrderedParallelTest, ConsumesEveryResultInOrder) {
  for (unsigned workers : {1u, 2u, 8u}) {
    std::vector<std::size_t> seen;
    ordered_parallel<std::size_t>(
        1000, workers, {16}, [](std::size_t i, unsigned) { return i * i; },
        [&](std::size_t i, std::size_t&& r) {
          EXPECT_EQ(r, i * i);
          seen.push_back(i);
        });
    ASSERT_EQ(seen.size(), 1000u);
    for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], i);
  }
}

TEST(OrderedParallelTest, NeverRunsFurtherAheadThanTheWindow) {
  std::atomic<std::size_t> consumed{0};
  std::atomic<std::size_t> worst{0};
  ordered_parallel<int>(
      500, 4, {8},
      [&](std::size_t i, unsigned) {
        const std::size_t ahead = i - std::min(i, consumed.load());
        std::size_t current = worst.load();
        while (ahead > current && !worst.compare_exchange_weak(current, ahead)) {
        }
        return 0;
      },
      [&](std::size_t i, int&&) { consumed = i + 1; });
  EXPECT_LE(worst.load(), 8u);
}

TEST(OrderedParallelTest, PropagatesTheFirstFailure) {
  EXPECT_THROW(ordered_parallel<int>(
                   100, 3, {8},
                   [](std::size_t i, unsigned) -> int {
                     if (i == 40) throw std::runtime_error("produce");
                     return 0;
                   },
                   [](std::size_t, int&&) {}),
               std::runtime_error);
  std::size_t consumed = 0;
  EXPECT_THROW(ordered_parallel<int>(
                   100, 3, {8}, [](std::size_t, unsigned) { return 0; },
                   [&](std::size_t i, int&&) {
                     consumed = i;
                     if (i == 10) throw std::logic_error("consume");
                   }),
               std::logic_error);
  EXPECT_EQ(consumed, 10u);
}

TEST(OrderedParallelTest, OneJobRunsEverythingOnTheCallingThread) {
  const auto caller = std::this_thread::get_id();
  std::size_t produced = 0;
  ordered_parallel<int>(
      200, 1, {8},
      [&](std::size_t, unsigned worker) {
        EXPECT_EQ(std::this_thread::get_id(), caller);
        EXPECT_EQ(worker, 0u);
        ++produced;
        return 0;
      },
      [](std::size_t, int&&) {});
  EXPECT_EQ(produced, 200u);
}

TEST(OrderedParallelTest, TheCallingThreadProducesWhileItWaits) {
  // The background worker is held back until the caller has produced something itself: the
  // run only ends if the calling thread takes work instead of waiting for it.
  const auto caller = std::this_thread::get_id();
  std::atomic<bool> caller_produced{false};
  std::atomic<std::size_t> by_caller{0};
  ordered_parallel<int>(
      100, 2, {16},
      [&](std::size_t, unsigned worker) {
        if (std::this_thread::get_id() == caller) {
          EXPECT_EQ(worker, 0u);
          caller_produced = true;
          ++by_caller;
        } else {
          EXPECT_EQ(worker, 1u);
          while (!caller_produced) std::this_thread::yield();
        }
        return 0;
      },
      [](std::size_t, int&&) {});
  EXPECT_GT(by_caller.load(), 0u);
}

TEST(OrderedParallelTest, KeepsTheBytesHeldWithinTheBudget) {
  // Results of 100 bytes, a budget of 1,000: never more than 10 held, plus the one the
  // consumer waits for, whatever the window allows.
  std::atomic<std::size_t> produced{0};
  std::atomic<std::size_t> consumed{0};
  std::atomic<std::size_t> worst{0};
  ordered_parallel<int>(
      2000, 4, {512, 1000},
      [&](std::size_t, unsigned) {
        const std::size_t held = ++produced - consumed.load();
        std::size_t current = worst.load();
        while (held > current && !worst.compare_exchange_weak(current, held)) {
        }
        return 0;
      },
      [&](std::size_t, int&&) {
        ++consumed;
        std::this_thread::yield();
      },
      [](const int&) { return std::size_t{100}; });
  EXPECT_EQ(consumed.load(), 2000u);
  EXPECT_LE(worst.load(), 10u + 4u);  // + the items claimed while under the budget
}

TEST(OrderedParallelTest, OneResultLargerThanTheBudgetStillGoesThrough) {
  std::size_t seen = 0;
  ordered_parallel<std::string>(
      50, 2, {8, 10}, [](std::size_t, unsigned) { return std::string(1000, 'x'); },
      [&](std::size_t, std::string&& r) { seen += r.size() == 1000 ? 1 : 0; },
      [](const std::string& r) { return r.size(); });
  EXPECT_EQ(seen, 50u);
}

TEST(OrderedParallelTest, ZeroItemsIsFine) {
  ordered_parallel<int>(
      0, 2, {4}, [](std::size_t, unsigned) { return 0; }, [](std::size_t, int&&) { FAIL(); });
}

}  // namespace
}  // namespace articledb::util
