#include "util/ordered_parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

namespace articledb::util {
namespace {

TEST(OrderedParallelTest, ConsumesEveryResultInOrder) {
  for (unsigned workers : {1u, 2u, 8u}) {
    std::vector<std::size_t> seen;
    ordered_parallel<std::size_t>(
        1000, workers, 16, [](std::size_t i, unsigned) { return i * i; },
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
      500, 4, 8,
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
                   100, 3, 8,
                   [](std::size_t i, unsigned) -> int {
                     if (i == 40) throw std::runtime_error("produce");
                     return 0;
                   },
                   [](std::size_t, int&&) {}),
               std::runtime_error);
  std::size_t consumed = 0;
  EXPECT_THROW(ordered_parallel<int>(
                   100, 3, 8, [](std::size_t, unsigned) { return 0; },
                   [&](std::size_t i, int&&) {
                     consumed = i;
                     if (i == 10) throw std::logic_error("consume");
                   }),
               std::logic_error);
  EXPECT_EQ(consumed, 10u);
}

TEST(OrderedParallelTest, ZeroItemsIsFine) {
  ordered_parallel<int>(
      0, 2, 4, [](std::size_t, unsigned) { return 0; }, [](std::size_t, int&&) { FAIL(); });
}

}  // namespace
}  // namespace articledb::util
