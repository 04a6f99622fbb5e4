// Finding the front matter of an article file.
#ifndef ARTICLEDB_FRONTMATTER_SPLIT_H_
#define ARTICLEDB_FRONTMATTER_SPLIT_H_

#include <string_view>
#include <variant>

namespace articledb::frontmatter {

/// The parts of a file with front matter. Views into the file's text.
struct Parts {
  std::string_view yaml;  ///< between the fences
  int yaml_line = 2;      ///< 1-based line of the file where `yaml` starts
  std::string_view body;  ///< after the closing fence
};

/// Why a file has no usable front matter.
struct NoFrontMatter {};  ///< the file does not start with a "---" line
struct Unclosed {         ///< "---" opens it, but no "---" or "..." line closes it
  int line = 1;           ///< of the opening fence
};

using SplitResult = std::variant<Parts, NoFrontMatter, Unclosed>;

/// Splits `text` (a whole file) into YAML front matter and body. The file must start,
/// after an optional UTF-8 byte order mark, with a line holding "---"; the front matter
/// ends at the next line holding "---" or "..." (trailing spaces and CR allowed).
SplitResult split(std::string_view text);

}  // namespace articledb::frontmatter

#endif  // ARTICLEDB_FRONTMATTER_SPLIT_H_
