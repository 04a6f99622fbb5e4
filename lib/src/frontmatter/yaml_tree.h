// A YAML document read into a small tree that remembers where each value was written.
#ifndef ARTICLEDB_FRONTMATTER_YAML_TREE_H_
#define ARTICLEDB_FRONTMATTER_YAML_TREE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace articledb::frontmatter {

/// 1-based line and column in the file.
struct Position {
  int line = 0;
  int column = 0;
};

struct Node {
  enum class Kind : std::uint8_t { kNull, kScalar, kSequence, kMap };
  Kind kind = Kind::kNull;
  /// A scalar written without quotes or tag; YAML's core schema gives it a type
  /// ("true", "106", "4.5", "~"), while a quoted one is always a string.
  bool plain = false;
  std::string value;              ///< scalar text
  Position position;              ///< where the value starts
  std::vector<Node> items;        ///< sequence items, or map values
  std::vector<std::string> keys;  ///< map keys, parallel to `items`
  std::vector<Position> key_positions;

  bool is_map() const { return kind == Kind::kMap; }
  bool is_sequence() const { return kind == Kind::kSequence; }
  bool is_scalar() const { return kind == Kind::kScalar; }
  bool is_null() const { return kind == Kind::kNull; }
};

struct YamlError {
  std::string message;
  Position position;
};

/// Limits that keep hostile input from taking the process down: whatever the text, parsing
/// uses bounded stack, memory and time.
struct YamlLimits {
  int max_depth = 64;                 ///< nesting of maps and sequences
  std::size_t max_nodes = 1'000'000;  ///< values, counting each use of an alias
  /// Bytes of scalar text in the tree, counting each use of an alias (an alias bomb of long
  /// strings is stopped here).
  std::size_t max_bytes = 32u << 20;
};

/// Parses `yaml`, which must hold exactly one document whose top level is a map, with
/// libyaml. `first_line` is the file line where `yaml` starts, so that positions refer to
/// the file. Duplicate keys and non-scalar keys are errors.
std::variant<Node, YamlError> parse_yaml(std::string_view yaml, int first_line,
                                         const YamlLimits& limits = {});

}  // namespace articledb::frontmatter

#endif  // ARTICLEDB_FRONTMATTER_YAML_TREE_H_
