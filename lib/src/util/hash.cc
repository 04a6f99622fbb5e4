#include "util/hash.h"

#include <xxhash.h>

#include <cstdio>

namespace articledb::util {

std::string content_hash(std::string_view data) {
  const XXH128_hash_t h = XXH3_128bits(data.data(), data.size());
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return std::string(hex, 32);
}

}  // namespace articledb::util
