#include "frontmatter/split.h"

namespace articledb::frontmatter {
namespace {

// True if `line` (without its '\n') is `fence` followed only by spaces, tabs or a CR.
bool is_fence(std::string_view line, std::string_view fence) {
  if (line.substr(0, fence.size()) != fence) return false;
  for (char c : line.substr(fence.size())) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

}  // namespace

SplitResult split(std::string_view text) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());

  std::size_t end = text.find('\n');
  if (!is_fence(text.substr(0, end), "---")) return NoFrontMatter{};
  if (end == std::string_view::npos) return Unclosed{1};

  const std::size_t yaml_start = end + 1;
  std::size_t line_start = yaml_start;
  while (line_start < text.size()) {
    end = text.find('\n', line_start);
    const std::string_view current = text.substr(
        line_start, end == std::string_view::npos ? std::string_view::npos : end - line_start);
    if (is_fence(current, "---") || is_fence(current, "...")) {
      Parts parts;
      parts.yaml = text.substr(yaml_start, line_start - yaml_start);
      parts.yaml_line = 2;
      parts.body = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
      return parts;
    }
    if (end == std::string_view::npos) break;
    line_start = end + 1;
  }
  return Unclosed{1};
}

}  // namespace articledb::frontmatter
