#include "record/yaml_json.h"

#include <charconv>
#include <cstdint>
#include <regex>

namespace articledb::record {
namespace {

using Json = nlohmann::ordered_json;

bool is_one_of(std::string_view value, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (value == word) return true;
  }
  return false;
}

// Integer forms of the core schema: [-+]?[0-9]+, 0o[0-7]+, 0x[0-9a-fA-F]+.
std::optional<Json> as_integer(std::string_view text) {
  int base = 10;
  bool negative = false;
  std::string_view digits = text;
  if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'o' || digits[1] == 'x')) {
    base = digits[1] == 'o' ? 8 : 16;
    digits.remove_prefix(2);
  } else if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  if (digits.empty()) return std::nullopt;
  std::uint64_t magnitude = 0;
  const auto [end, error] =
      std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
  if (end != digits.data() + digits.size()) return std::nullopt;  // not an integer at all
  if (error != std::errc()) return Json(std::string(text));       // too large: keep the text
  if (!negative) {
    if (magnitude <= static_cast<std::uint64_t>(INT64_MAX)) {
      return Json(static_cast<std::int64_t>(magnitude));
    }
    return Json(magnitude);
  }
  if (magnitude <= static_cast<std::uint64_t>(INT64_MAX)) {
    return Json(-static_cast<std::int64_t>(magnitude));
  }
  if (magnitude == static_cast<std::uint64_t>(INT64_MAX) + 1) return Json(INT64_MIN);
  return Json(std::string(text));
}

// Float form of the core schema: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
std::optional<Json> as_float(std::string_view text) {
  static const std::regex kFloat(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (text.size() > 64 || !std::regex_match(text.begin(), text.end(), kFloat)) {
    return std::nullopt;
  }
  double value = 0;
  const char* begin = text.data() + (text[0] == '+' ? 1 : 0);
  const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return Json(std::string(text));
  return Json(value);
}

Json scalar(const frontmatter::Node& node) {
  const std::string& v = node.value;
  if (!node.plain) return Json(v);
  if (is_one_of(v, {"null", "Null", "NULL", "~", ""})) return Json(nullptr);
  if (is_one_of(v, {"true", "True", "TRUE"})) return Json(true);
  if (is_one_of(v, {"false", "False", "FALSE"})) return Json(false);
  if (!v.empty() && (v[0] == '-' || v[0] == '+' || v[0] == '.' || (v[0] >= '0' && v[0] <= '9'))) {
    if (auto integer = as_integer(v)) return *integer;
    if (auto number = as_float(v)) return *number;
  }
  return Json(v);
}

}  // namespace

Json to_json(const frontmatter::Node& node) {
  switch (node.kind) {
    case frontmatter::Node::Kind::kNull:
      return Json(nullptr);
    case frontmatter::Node::Kind::kScalar:
      return scalar(node);
    case frontmatter::Node::Kind::kSequence: {
      Json array = Json::array();
      for (const auto& item : node.items) array.push_back(to_json(item));
      return array;
    }
    case frontmatter::Node::Kind::kMap: {
      Json object = Json::object();
      for (std::size_t i = 0; i < node.items.size(); ++i) {
        object[node.keys[i]] = to_json(node.items[i]);
      }
      return object;
    }
  }
  return Json(nullptr);
}

}  // namespace articledb::record
