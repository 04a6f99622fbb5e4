// UTF-8 checks and positions in text.
#ifndef ARTICLEDB_UTIL_UTF8_H_
#define ARTICLEDB_UTIL_UTF8_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace articledb::util {

/// Byte offset of the first invalid UTF-8 sequence in `text`, or nullopt if it is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// True when every byte of `text` is ASCII.
bool is_ascii(std::string_view text);

/// 1-based line and column (in code points) of byte `offset` in `text`.
struct TextPosition {
  int line = 1;
  int column = 1;
};
TextPosition position_of(std::string_view text, std::size_t offset);

}  // namespace articledb::util

#endif  // ARTICLEDB_UTIL_UTF8_H_
