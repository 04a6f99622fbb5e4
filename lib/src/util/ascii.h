// ASCII-only case mapping, for keywords, extensions, URL schemes and hosts.
#ifndef ARTICLEDB_UTIL_ASCII_H_
#define ARTICLEDB_UTIL_ASCII_H_

#include <string>
#include <string_view>

namespace articledb::util {

/// `text` with A-Z turned into a-z; every other byte unchanged.
inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace articledb::util

#endif  // ARTICLEDB_UTIL_ASCII_H_
