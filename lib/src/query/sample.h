// Even samples of a query's matches, for facets counted from a sample.
#ifndef ARTICLEDB_QUERY_SAMPLE_H_
#define ARTICLEDB_QUERY_SAMPLE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace articledb::query {

/// Keeps every k-th of `ids`, from the first, with k the smallest step that leaves at most
/// `most` of them. Returns how many ids each one kept stands for (ids before / ids after):
/// 1 when none were dropped.
inline double thin_evenly(std::vector<std::int64_t>& ids, std::size_t most) {
  if (most == 0 || ids.size() <= most) return 1;
  const std::size_t before = ids.size();
  const std::size_t step = (before + most - 1) / most;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < before; i += step) ids[kept++] = ids[i];
  ids.resize(kept);
  return static_cast<double>(before) / static_cast<double>(kept);
}

}  // namespace articledb::query

#endif  // ARTICLEDB_QUERY_SAMPLE_H_
