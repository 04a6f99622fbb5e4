// libFuzzer target: body-text extraction from HTML and from Markdown (first byte: which).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "normalize/markup.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    if (data[0] % 2 == 0) {
      (void)articledb::normalize::html_to_text(body);
    } else {
      (void)articledb::normalize::markdown_to_text(body);
    }
  } catch (const articledb::normalize::MarkupError&) {
    // A body past a limit: reported for its file, the run goes on.
  }
  return 0;
}
