// libFuzzer target: a whole article file, front matter and body, through the parser and the
// normalisation of every field. The first byte picks the body format.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "normalize/text.h"
#include "record/article_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static articledb::normalize::TextNormalizer text;
  if (size == 0) return 0;
  const auto format = static_cast<articledb::BodyFormat>(data[0] % 3);
  const std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);
  // Never throws for bad input: every problem is reported in the result.
  (void)articledb::record::parse_article(content, "fuzz.md", format, text);
  return 0;
}
