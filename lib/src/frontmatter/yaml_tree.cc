#include "frontmatter/yaml_tree.h"

#include <yaml.h>

#include <cstring>
#include <optional>
#include <unordered_map>

namespace articledb::frontmatter {
namespace {

// Thrown by the builder to stop at the first problem libyaml does not see itself.
struct Stop {
  std::string message;
  Position position;
};

// Owns one libyaml parser over a string held by the caller.
class LibYamlParser {
 public:
  explicit LibYamlParser(std::string_view text) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  ~LibYamlParser() {
    release();
    yaml_parser_delete(&parser_);
  }
  LibYamlParser(const LibYamlParser&) = delete;
  LibYamlParser& operator=(const LibYamlParser&) = delete;

  // The next event, or nullptr after a syntax error (then error() describes it).
  const yaml_event_t* next() {
    release();
    if (!yaml_parser_parse(&parser_, &event_)) return nullptr;
    held_ = true;
    return &event_;
  }

  YamlError error(int first_line) const {
    std::string message = parser_.problem != nullptr ? parser_.problem : "malformed YAML";
    yaml_mark_t mark = parser_.problem_mark;
    if (parser_.context != nullptr) {
      message += std::string(" (") + parser_.context + " that starts at line " +
                 std::to_string(parser_.context_mark.line + static_cast<std::size_t>(first_line)) +
                 ")";
    }
    if (parser_.error == YAML_MEMORY_ERROR) message = "out of memory";
    return YamlError{message,
                     {static_cast<int>(mark.line) + first_line, static_cast<int>(mark.column) + 1}};
  }

 private:
  void release() {
    if (held_) yaml_event_delete(&event_);
    held_ = false;
  }

  yaml_parser_t parser_;
  yaml_event_t event_{};
  bool held_ = false;
};

bool is_null_text(std::string_view value) {
  return value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
}

// Builds a Node tree from libyaml's events. Containers under construction live on a stack
// and are moved into their parent when they end, so nesting costs no C++ stack.
class TreeBuilder {
 public:
  TreeBuilder(int first_line, const YamlLimits& limits)
      : first_line_(first_line), limits_(limits) {}

  std::optional<Node> take_root() { return std::move(root_); }

  void scalar(const yaml_event_t& event) {
    const auto& s = event.data.scalar;
    const std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
    const char* tag = reinterpret_cast<const char*>(s.tag);
    const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE && tag == nullptr;
    Node node;
    node.position = position(event.start_mark);
    if ((plain && is_null_text(value)) ||
        (tag != nullptr && std::strcmp(tag, "tag:yaml.org,2002:null") == 0)) {
      node.kind = Node::Kind::kNull;
    } else {
      node.kind = Node::Kind::kScalar;
      node.plain = plain;
      node.value = std::string(value);
    }
    add_bytes(value.size(), event.start_mark);
    add(std::move(node), anchor_of(s.anchor), event.start_mark);
  }

  void alias(const yaml_event_t& event) {
    const std::string name = reinterpret_cast<const char*>(event.data.alias.anchor);
    auto it = anchors_.find(name);
    if (it == anchors_.end()) {
      throw Stop{"alias *" + name + " names no anchor", position(event.start_mark)};
    }
    count(it->second.nodes, event.start_mark);
    add_bytes(it->second.bytes, event.start_mark);
    Node copy = it->second.node;
    add(std::move(copy), std::nullopt, event.start_mark);
  }

  void open(Node::Kind kind, const yaml_event_t& event, const yaml_char_t* anchor) {
    if (!stack_.empty() && stack_.back().node.is_map() && !stack_.back().key) {
      throw Stop{"a mapping key must be a plain value, not a list or a mapping",
                 position(event.start_mark)};
    }
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      throw Stop{
          "front matter is nested deeper than " + std::to_string(limits_.max_depth) + " levels",
          position(event.start_mark)};
    }
    count(1, event.start_mark);
    Frame frame;
    frame.node.kind = kind;
    frame.node.position = position(event.start_mark);
    frame.anchor = anchor_of(anchor);
    frame.nodes_before = nodes_;
    frame.bytes_before = bytes_;
    stack_.push_back(std::move(frame));
  }

  void close(const yaml_event_t& event) {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    if (frame.node.is_map() && frame.key) {
      throw Stop{"mapping key without a value", frame.key_position};  // libyaml never does this
    }
    if (frame.anchor) {
      anchors_[*frame.anchor] = {frame.node, nodes_ - frame.nodes_before,
                                 bytes_ - frame.bytes_before};
    }
    add(std::move(frame.node), std::nullopt, event.start_mark);
  }

 private:
  struct Frame {
    Node node;
    std::optional<std::string> anchor;
    std::optional<std::string> key;  // a map's key waiting for its value
    Position key_position;
    std::unordered_map<std::string, std::size_t> index;  // key -> item, for large maps
    std::size_t nodes_before = 0;
    std::size_t bytes_before = 0;
  };
  struct Anchored {
    Node node;
    std::size_t nodes = 0;  // values in it, for the limits
    std::size_t bytes = 0;
  };

  static std::optional<std::string> anchor_of(const yaml_char_t* anchor) {
    if (anchor == nullptr) return std::nullopt;
    return std::string(reinterpret_cast<const char*>(anchor));
  }

  Position position(const yaml_mark_t& mark) const {
    return {static_cast<int>(mark.line) + first_line_, static_cast<int>(mark.column) + 1};
  }

  void count(std::size_t nodes, const yaml_mark_t& mark) {
    nodes_ += nodes;
    if (nodes_ > limits_.max_nodes) {
      throw Stop{"front matter has more than " + std::to_string(limits_.max_nodes) +
                     " values (aliases expanded)",
                 position(mark)};
    }
  }

  void add_bytes(std::size_t bytes, const yaml_mark_t& mark) {
    bytes_ += bytes;
    if (bytes_ > limits_.max_bytes) {
      throw Stop{"front matter holds more than " + std::to_string(limits_.max_bytes >> 20) +
                     " MiB of text (aliases expanded)",
                 position(mark)};
    }
  }

  void add(Node node, std::optional<std::string> anchor, const yaml_mark_t& mark) {
    if (node.kind != Node::Kind::kSequence && node.kind != Node::Kind::kMap) count(1, mark);
    if (anchor) anchors_[*anchor] = {node, 1, node.value.size()};
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& parent = stack_.back();
    if (parent.node.is_sequence()) {
      parent.node.items.push_back(std::move(node));
      return;
    }
    if (!parent.key) {
      if (!node.is_scalar()) {
        throw Stop{node.is_null() ? "a mapping key is empty"
                                  : "a mapping key must be a plain value, not a list or a mapping",
                   node.position};
      }
      check_unique(parent, node);
      parent.key = std::move(node.value);
      parent.key_position = node.position;
      return;
    }
    Node& map = parent.node;
    map.keys.push_back(std::move(*parent.key));
    map.key_positions.push_back(parent.key_position);
    map.items.push_back(std::move(node));
    parent.key.reset();
  }

  static void check_unique(Frame& frame, const Node& key) {
    const Node& map = frame.node;
    constexpr std::size_t kLinearLimit = 16;
    std::optional<std::size_t> first;
    if (map.keys.size() <= kLinearLimit) {
      for (std::size_t i = 0; i < map.keys.size(); ++i) {
        if (map.keys[i] == key.value) first = i;
      }
    } else {
      if (frame.index.empty()) {
        for (std::size_t i = 0; i < map.keys.size(); ++i) frame.index.emplace(map.keys[i], i);
      }
      if (auto it = frame.index.find(key.value); it != frame.index.end()) first = it->second;
    }
    if (first) {
      throw Stop{"duplicate key '" + key.value + "' (first defined at line " +
                     std::to_string(map.key_positions[*first].line) + ")",
                 key.position};
    }
    if (!frame.index.empty()) frame.index.emplace(key.value, map.keys.size());
  }

  int first_line_;
  const YamlLimits& limits_;
  std::vector<Frame> stack_;
  std::optional<Node> root_;
  std::unordered_map<std::string, Anchored> anchors_;
  std::size_t nodes_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace

std::variant<Node, YamlError> parse_yaml(std::string_view yaml, int first_line,
                                         const YamlLimits& limits) {
  LibYamlParser parser(yaml);
  TreeBuilder builder(first_line, limits);
  int documents = 0;
  try {
    while (true) {
      const yaml_event_t* event = parser.next();
      if (event == nullptr) return parser.error(first_line);
      switch (event->type) {
        case YAML_STREAM_END_EVENT:
          break;
        case YAML_DOCUMENT_START_EVENT:
          if (++documents > 1) {
            return YamlError{"more than one YAML document in the front matter",
                             {static_cast<int>(event->start_mark.line) + first_line,
                              static_cast<int>(event->start_mark.column) + 1}};
          }
          continue;
        case YAML_SCALAR_EVENT:
          builder.scalar(*event);
          continue;
        case YAML_ALIAS_EVENT:
          builder.alias(*event);
          continue;
        case YAML_SEQUENCE_START_EVENT:
          builder.open(Node::Kind::kSequence, *event, event->data.sequence_start.anchor);
          continue;
        case YAML_MAPPING_START_EVENT:
          builder.open(Node::Kind::kMap, *event, event->data.mapping_start.anchor);
          continue;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          builder.close(*event);
          continue;
        default:  // stream start, document end, no event
          continue;
      }
      break;
    }
  } catch (const Stop& stop) {
    return YamlError{stop.message, stop.position};
  }
  std::optional<Node> root = builder.take_root();
  if (!root || root->is_null()) return YamlError{"front matter is empty", {first_line, 1}};
  if (!root->is_map()) {
    return YamlError{"front matter must be a mapping of keys to values", root->position};
  }
  return std::move(*root);
}

}  // namespace articledb::frontmatter
