#include "frontmatter/yaml_tree.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <optional>
#include <streambuf>
#include <unordered_map>

namespace articledb::frontmatter {
namespace {

// An istream source reading a string_view in place.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

// Thrown from the event handler to stop yaml-cpp at the first problem it cannot see.
struct Stop {
  std::string message;
  Position position;
};

// Builds a Node tree from yaml-cpp events. Containers under construction live on a stack
// and are moved into their parent when they end.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(int first_line, const YamlLimits& limits)
      : first_line_(first_line), limits_(limits) {}

  std::optional<Node> take_root() { return std::move(root_); }
  bool has_root() const { return root_.has_value(); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node node;
    node.position = position(mark);
    add(std::move(node), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) throw Stop{"alias to an unknown anchor", position(mark)};
    count(it->second.second, mark);
    Node copy = it->second.first;
    add(std::move(copy), 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node node;
    node.kind = Node::Kind::kScalar;
    node.plain = tag == "?";
    node.value = value;
    node.position = position(mark);
    add(std::move(node), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(Node::Kind::kSequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(Node::Kind::kMap, mark, anchor);
  }
  void OnMapEnd() override {
    if (stack_.back().key) {
      // Cannot happen with yaml-cpp (a key always gets a value, null if empty).
      throw Stop{"mapping key without a value", stack_.back().key_position};
    }
    close();
  }

 private:
  struct Frame {
    Node node;
    YAML::anchor_t anchor = 0;
    std::optional<std::string> key;  // a map's key waiting for its value
    Position key_position;
    std::unordered_map<std::string, std::size_t> index;  // key -> item, for large maps
  };

  Position position(const YAML::Mark& mark) const {
    return {mark.line + first_line_, mark.column + 1};
  }

  void count(std::size_t nodes, const YAML::Mark& mark) {
    nodes_ += nodes;
    if (nodes_ > limits_.max_nodes) {
      throw Stop{"front matter has more than " + std::to_string(limits_.max_nodes) +
                     " values (aliases expanded)",
                 position(mark)};
    }
  }

  static std::size_t size_of(const Node& node) {
    std::size_t n = 1;
    for (const Node& item : node.items) n += size_of(item);
    return n;
  }

  void open(Node::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (!stack_.empty() && stack_.back().node.is_map() && !stack_.back().key) {
      throw Stop{"a mapping key must be a plain value, not a list or a mapping", position(mark)};
    }
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      throw Stop{
          "front matter is nested deeper than " + std::to_string(limits_.max_depth) + " levels",
          position(mark)};
    }
    count(1, mark);
    Frame frame;
    frame.node.kind = kind;
    frame.node.position = position(mark);
    frame.anchor = anchor;
    stack_.push_back(std::move(frame));
  }

  void close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    add(std::move(frame.node), frame.anchor);
  }

  void remember(const Node& node, YAML::anchor_t anchor) {
    if (anchor != 0) anchors_[anchor] = {node, size_of(node)};
  }

  void add(Node node, YAML::anchor_t anchor) {
    if (node.kind != Node::Kind::kSequence && node.kind != Node::Kind::kMap) {
      count(1, YAML::Mark());
    }
    remember(node, anchor);
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
  std::unordered_map<YAML::anchor_t, std::pair<Node, std::size_t>> anchors_;
  std::size_t nodes_ = 0;
};

// Receives the events of a document after the first one; only its start matters.
class ExtraDocumentDetector : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> first_mark;
  void OnDocumentStart(const YAML::Mark& mark) override { note(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { note(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { note(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    note(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    note(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    note(mark);
  }
  void OnMapEnd() override {}

 private:
  void note(const YAML::Mark& mark) {
    if (!first_mark) first_mark = mark;
  }
};

}  // namespace

std::variant<Node, YamlError> parse_yaml(std::string_view yaml, int first_line,
                                         const YamlLimits& limits) {
  ViewBuffer buffer(yaml);
  std::istream in(&buffer);
  TreeBuilder builder(first_line, limits);
  const auto at = [first_line](const YAML::Mark& mark) {
    return Position{mark.line + first_line, mark.column + 1};
  };
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
    ExtraDocumentDetector extra;
    if (parser.HandleNextDocument(extra)) {
      return YamlError{"more than one YAML document in the front matter",
                       extra.first_mark ? at(*extra.first_mark) : Position{first_line, 1}};
    }
  } catch (const Stop& stop) {
    return YamlError{stop.message, stop.position};
  } catch (const YAML::DeepRecursion& e) {
    return YamlError{"front matter is nested too deeply", at(e.mark)};
  } catch (const YAML::Exception& e) {
    return YamlError{e.msg, at(e.mark)};
  }
  std::optional<Node> root = builder.take_root();
  if (!root || root->is_null()) return YamlError{"front matter is empty", {first_line, 1}};
  if (!root->is_map()) {
    return YamlError{"front matter must be a mapping of keys to values", root->position};
  }
  return std::move(*root);
}

}  // namespace articledb::frontmatter
