// Edit distance between short strings, for "did you mean" suggestions.
#ifndef ARTICLEDB_UTIL_EDIT_DISTANCE_H_
#define ARTICLEDB_UTIL_EDIT_DISTANCE_H_

#include <cstddef>
#include <string_view>

namespace articledb::util {

/// Optimal string alignment distance (insertions, deletions, substitutions and swaps of two
/// neighbours, each 1) between `a` and `b`, compared byte by byte; `limit` + 1 as soon as it
/// must exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace articledb::util

#endif  // ARTICLEDB_UTIL_EDIT_DISTANCE_H_
