// Content hashes of files.
#ifndef ARTICLEDB_UTIL_HASH_H_
#define ARTICLEDB_UTIL_HASH_H_

#include <string>
#include <string_view>

namespace articledb::util {

/// XXH3-128 of `data` as 32 lower-case hex digits.
std::string content_hash(std::string_view data);

}  // namespace articledb::util

#endif  // ARTICLEDB_UTIL_HASH_H_
