#include "record/article_parser.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <map>
#include <variant>

#include "frontmatter/split.h"
#include "frontmatter/yaml_tree.h"
#include "normalize/markup.h"
#include "normalize/url.h"
#include "record/front_matter_writer.h"
#include "record/yaml_json.h"
#include "util/ascii.h"
#include "util/utf8.h"

namespace articledb::record {
namespace {

using frontmatter::Node;
using Json = nlohmann::ordered_json;

// A short description of a value for messages: "a list", "\"high\"".
std::string describe(const Node& node) {
  switch (node.kind) {
    case Node::Kind::kNull:
      return "nothing";
    case Node::Kind::kSequence:
      return "a list";
    case Node::Kind::kMap:
      return "a mapping";
    case Node::Kind::kScalar:
      break;
  }
  constexpr std::size_t kMax = 40;
  if (node.value.size() <= kMax) return '"' + node.value + '"';
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(node.value[cut]) & 0xC0) == 0x80) --cut;
  return '"' + node.value.substr(0, cut) + "...\"";
}

// How a text field is cleaned.
enum class TextKind {
  kVerbatim,  // kept as written (secured)
  kTrimmed,   // white space trimmed (URLs)
  kDisplay,   // mojibake repaired, NFC, trimmed (names, types)
  kProse,     // as kDisplay, and HTML entities decoded (titles, excerpts)
};

// Reads the fields of one front matter, collecting warnings, repairs and leftovers.
class FieldMapper {
 public:
  FieldMapper(std::string_view path, normalize::TextNormalizer& text,
              std::vector<Problem>& problems)
      : path_(path), text_(text), problems_(problems) {}

  Json& repaired() { return repaired_; }

  void warn(const Node& node, const std::string& field, std::string_view expected) {
    Problem problem;
    problem.path = std::string(path_);
    problem.line = node.position.line;
    problem.column = node.position.column;
    problem.severity = Problem::Severity::kWarning;
    problem.message = field + ": expected " + std::string(expected) + ", found " + describe(node) +
                      "; the value is kept in extra";
    problems_.push_back(std::move(problem));
  }

  // A text value; null gives nothing; a list or mapping is a warning and goes to `extra`.
  std::optional<std::string> text(const Node& node, const std::string& field, TextKind kind,
                                  Json& extra, const std::string& key) {
    if (node.is_null()) return std::nullopt;
    if (!node.is_scalar()) {
      warn(node, field, "text");
      extra[key] = to_json(node);
      return std::nullopt;
    }
    std::string value;
    switch (kind) {
      case TextKind::kVerbatim:
        return node.value;
      case TextKind::kTrimmed:
        value = std::string(normalize::trim(node.value));
        break;
      case TextKind::kDisplay:
        value = text_.clean(node.value, false);
        break;
      case TextKind::kProse:
        value = text_.clean(node.value, true);
        break;
    }
    if (value != node.value) repaired_[field] = node.value;
    if (value.empty()) return std::nullopt;
    return value;
  }

  std::optional<std::int64_t> integer(const Node& node, const std::string& field, Json& extra,
                                      const std::string& key) {
    if (node.is_null()) return std::nullopt;
    if (node.is_scalar()) {
      std::string_view digits = normalize::trim(node.value);
      if (!digits.empty() && digits[0] == '+') digits.remove_prefix(1);
      std::int64_t value = 0;
      const auto [end, error] =
          std::from_chars(digits.data(), digits.data() + digits.size(), value);
      if (!digits.empty() && error == std::errc() && end == digits.data() + digits.size()) {
        return value;
      }
    }
    warn(node, field, "a whole number");
    extra[key] = to_json(node);
    return std::nullopt;
  }

  std::optional<bool> boolean(const Node& node, const std::string& field, Json& extra,
                              const std::string& key) {
    if (node.is_null()) return std::nullopt;
    if (node.is_scalar()) {
      // YAML 1.1 spellings too, as Jekyll (Ruby) reads them.
      const std::string word = util::ascii_lower(normalize::trim(node.value));
      if (word == "true" || word == "yes" || word == "on" || word == "y") return true;
      if (word == "false" || word == "no" || word == "off" || word == "n") return false;
    }
    warn(node, field, "true or false");
    extra[key] = to_json(node);
    return std::nullopt;
  }

  std::optional<Timestamp> timestamp(const Node& node, const std::string& field, Json& extra,
                                     const std::string& key) {
    if (node.is_null()) return std::nullopt;
    if (node.is_scalar()) {
      if (auto time = parse_timestamp(normalize::trim(node.value))) {
        if (format_timestamp(*time) != node.value) repaired_[field] = node.value;
        return time;
      }
    }
    warn(node, field, "a date and time such as 2022-09-13T20:38:00Z");
    extra[key] = to_json(node);
    return std::nullopt;
  }

  // An image entry; keys without a field go to the image's own extra.
  std::optional<Image> image(const Node& node, const std::string& field) {
    if (!node.is_map()) return std::nullopt;
    Image image;
    Json extra = Json::object();
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      const std::string& key = node.keys[i];
      const Node& value = node.items[i];
      const std::string name = field + "." + key;
      if (key == "url") {
        image.url = text(value, name, TextKind::kTrimmed, extra, key);
      } else if (key == "width") {
        image.width = integer(value, name, extra, key);
      } else if (key == "height") {
        image.height = integer(value, name, extra, key);
      } else if (key == "title") {
        image.title = text(value, name, TextKind::kProse, extra, key);
      } else if (key == "isCached") {
        image.is_cached = boolean(value, name, extra, key);
      } else {
        extra[key] = to_json(value);
      }
    }
    image.extra_json = extra.dump();
    return image;
  }

  // A list of images; an entry that is not a mapping is a warning, and then the whole list
  // as written is kept in extra[key].
  std::vector<Image> images(const Node& node, const std::string& field, Json& extra,
                            const std::string& key) {
    std::vector<Image> out;
    if (node.is_null()) return out;
    if (!node.is_sequence()) {
      warn(node, field, "a list of images");
      extra[key] = to_json(node);
      return out;
    }
    bool complete = true;
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      const std::string name = field + "[" + std::to_string(i) + "]";
      if (auto image = this->image(node.items[i], name)) {
        out.push_back(std::move(*image));
      } else if (!node.items[i].is_null()) {
        warn(node.items[i], name, "an image (a mapping with url, width, height)");
        complete = false;
      }
    }
    if (!complete) extra[key] = to_json(node);
    return out;
  }

  // A provider mapping (or just its name); returns the provider and its name key.
  std::optional<Provider> provider(const Node& node, const std::string& field, Json& extra,
                                   const std::string& key, std::optional<std::string>& name_key) {
    if (node.is_null()) return std::nullopt;
    Provider provider;
    if (node.is_scalar()) {
      provider.name = text_.clean(node.value, false);
    } else if (node.is_map()) {
      Json own = Json::object();
      std::optional<std::string> name;
      for (std::size_t i = 0; i < node.items.size(); ++i) {
        const std::string& k = node.keys[i];
        const Node& value = node.items[i];
        const std::string sub = field + "." + k;
        if (k == "name") {
          name = text(value, sub, TextKind::kDisplay, own, k);
        } else if (k == "domain") {
          if (auto raw = text(value, sub, TextKind::kTrimmed, own, k)) {
            provider.domain = text_.domain(*raw);
            if (!provider.domain) {
              warn(value, sub, "a domain name such as example.com");
              own[k] = to_json(value);
            } else if (*provider.domain != value.value) {
              repaired_[sub] = value.value;
            }
          }
        } else if (k == "images") {
          provider.images = images(value, sub, own, k);
        } else {
          own[k] = to_json(value);
        }
      }
      if (name) {
        provider.name = std::move(*name);
      } else if (provider.domain) {
        provider.name = *provider.domain;
      }
      if (!own.empty()) extra[key] = std::move(own);
    } else {
      warn(node, field, "a provider (a mapping with name and domain)");
      extra[key] = to_json(node);
      return std::nullopt;
    }
    if (provider.name.empty()) {
      if (!extra.contains(key)) extra[key] = to_json(node);
      return std::nullopt;
    }
    name_key = text_.fold_key(provider.name);
    return provider;
  }

  std::optional<Related> related(const Node& node, const std::string& field, RelatedKeys& keys) {
    if (!node.is_map()) return std::nullopt;
    Related related;
    Json extra = Json::object();
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      const std::string& key = node.keys[i];
      const Node& value = node.items[i];
      const std::string name = field + "." + key;
      if (key == "title") {
        related.title = text(value, name, TextKind::kProse, extra, key);
      } else if (key == "excerpt") {
        related.excerpt = text(value, name, TextKind::kProse, extra, key);
      } else if (key == "publishedDateTime") {
        related.published_at = timestamp(value, name, extra, key);
      } else if (key == "webUrl") {
        related.web_url = text(value, name, TextKind::kTrimmed, extra, key);
      } else if (key == "ampWebUrl") {
        related.amp_web_url = text(value, name, TextKind::kTrimmed, extra, key);
      } else if (key == "cdnAmpWebUrl") {
        related.cdn_amp_web_url = text(value, name, TextKind::kTrimmed, extra, key);
      } else if (key == "type") {
        related.type = text(value, name, TextKind::kDisplay, extra, key);
      } else if (key == "quality") {
        related.quality = integer(value, name, extra, key);
      } else if (key == "provider") {
        related.provider = provider(value, name, extra, key, keys.provider_name_key);
      } else {
        extra[key] = to_json(value);
      }
    }
    if (related.web_url) keys.canonical_url = normalize::canonical_url(*related.web_url);
    related.extra_json = extra.dump();
    return related;
  }

 private:
  std::string_view path_;
  normalize::TextNormalizer& text_;
  std::vector<Problem>& problems_;
  Json repaired_ = Json::object();
};

Problem problem_at(std::string_view path, frontmatter::Position position,
                   Problem::Severity severity, std::string message) {
  Problem problem;
  problem.path = std::string(path);
  problem.line = position.line;
  problem.column = position.column;
  problem.severity = severity;
  problem.message = std::move(message);
  return problem;
}

ParseResult reject(ParseResult result, Problem problem) {
  result.outcome = problem.severity == Problem::Severity::kSkipped ? ParseResult::Outcome::kSkipped
                                                                   : ParseResult::Outcome::kFailed;
  result.problems.insert(result.problems.begin(), std::move(problem));
  return result;
}

std::optional<std::string> body_text_of(std::string_view body, BodyFormat format,
                                        normalize::TextNormalizer& text) {
  std::string plain;
  switch (format) {
    case BodyFormat::kHtml:
      plain = normalize::html_to_text(body);
      break;
    case BodyFormat::kMarkdown:
      plain = normalize::markdown_to_text(body);
      break;
    case BodyFormat::kText:
      plain = std::string(body);
      break;
  }
  plain = text.clean(plain, false);
  if (plain.empty()) return std::nullopt;
  return plain;
}

// The key order of `node` (a mapping) at `path`, and of the mappings articledb reads below it.
void collect_layout(const Node& node, const std::string& path, Json& layout) {
  if (!node.is_map()) return;
  layout[path] = node.keys;
  const std::string prefix = path.empty() ? "" : path + ".";
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const std::string& key = node.keys[i];
    const Node& value = node.items[i];
    if (key == "provider") {
      collect_layout(value, prefix + key, layout);
    } else if ((key == "images" || (key == "related" && path.empty())) && value.is_sequence()) {
      for (std::size_t j = 0; j < value.items.size(); ++j) {
        collect_layout(value.items[j], prefix + key + "[" + std::to_string(j) + "]", layout);
      }
    }
  }
}

// One entry for the entries of a list that all have the same keys, and only the mappings
// with more than one key (the order of one key is no order).
Json compact_layout(const Json& layout) {
  std::map<std::string, std::vector<std::string>> generic_of;  // generic path -> paths
  for (const auto& [path, keys] : layout.items()) generic_of[generic_path(path)].push_back(path);
  Json out = Json::object();
  for (const auto& [path, keys] : layout.items()) {
    if (keys.size() < 2) continue;
    const std::string generic = generic_path(path);
    if (generic == path) {
      out[path] = keys;
      continue;
    }
    bool same = true;
    for (const std::string& other : generic_of[generic]) same = same && layout[other] == keys;
    if (!same) {
      out[path] = keys;
    } else if (!out.contains(generic)) {
      out[generic] = keys;
    }
  }
  return out;
}

}  // namespace

std::optional<BodyFormat> body_format_for(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::string extension = util::ascii_lower(path.substr(dot));
  if (extension == ".html" || extension == ".htm") return BodyFormat::kHtml;
  if (extension == ".md" || extension == ".markdown") return BodyFormat::kMarkdown;
  if (extension == ".txt") return BodyFormat::kText;
  return std::nullopt;
}

ParseResult parse_article(std::string_view content, std::string_view path, BodyFormat format,
                          normalize::TextNormalizer& text) {
  using Severity = Problem::Severity;
  ParseResult result;

  if (const std::size_t nul = content.find('\0'); nul != std::string_view::npos) {
    const auto at = util::position_of(content, nul);
    return reject(std::move(result), problem_at(path, {at.line, at.column}, Severity::kError,
                                                "binary data (a NUL byte), not a text file"));
  }
  if (const auto bad = util::find_invalid_utf8(content)) {
    const auto at = util::position_of(content, *bad);
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(content[*bad]));
    return reject(std::move(result), problem_at(path, {at.line, at.column}, Severity::kError,
                                                std::string("invalid UTF-8 (byte ") + byte +
                                                    "); save the file as UTF-8"));
  }

  const frontmatter::SplitResult split = frontmatter::split(content);
  if (std::holds_alternative<frontmatter::NoFrontMatter>(split)) {
    return reject(std::move(result),
                  problem_at(path, {1, 1}, Severity::kSkipped,
                             "no front matter: the file does not start with a '---' line"));
  }
  if (const auto* unclosed = std::get_if<frontmatter::Unclosed>(&split)) {
    return reject(std::move(result),
                  problem_at(path, {unclosed->line, 1}, Severity::kError,
                             "front matter is not closed: no '---' or '...' line ends it"));
  }
  const auto& parts = std::get<frontmatter::Parts>(split);

  auto yaml = frontmatter::parse_yaml(parts.yaml, parts.yaml_line);
  if (const auto* error = std::get_if<frontmatter::YamlError>(&yaml)) {
    return reject(std::move(result), problem_at(path, error->position, Severity::kError,
                                                "invalid YAML in front matter: " + error->message));
  }
  const Node& root = std::get<Node>(yaml);

  ParsedArticle& parsed = result.parsed;
  Article& article = parsed.article;
  FieldMapper fields(path, text, result.problems);
  Json extra = Json::object();
  const Node* name_node = nullptr;
  bool has_title_key = false;

  for (std::size_t i = 0; i < root.items.size(); ++i) {
    const std::string& key = root.keys[i];
    const Node& value = root.items[i];
    if (key == "title") {
      has_title_key = true;
      if (auto title = fields.text(value, key, TextKind::kProse, extra, key)) {
        article.title = std::move(*title);
      }
    } else if (key == "name") {
      name_node = &value;  // a profile's or community's title; also kept in extra
      extra[key] = to_json(value);
    } else if (key == "excerpt") {
      article.excerpt = fields.text(value, key, TextKind::kProse, extra, key);
    } else if (key == "category") {
      article.category = fields.text(value, key, TextKind::kDisplay, extra, key);
    } else if (key == "type") {
      article.type = fields.text(value, key, TextKind::kDisplay, extra, key);
    } else if (key == "publishedDateTime") {
      article.published_at = fields.timestamp(value, key, extra, key);
    } else if (key == "originalUrl") {
      article.original_url = fields.text(value, key, TextKind::kTrimmed, extra, key);
    } else if (key == "webUrl") {
      article.web_url = fields.text(value, key, TextKind::kTrimmed, extra, key);
    } else if (key == "ampWebUrl") {
      article.amp_web_url = fields.text(value, key, TextKind::kTrimmed, extra, key);
    } else if (key == "cdnAmpWebUrl") {
      article.cdn_amp_web_url = fields.text(value, key, TextKind::kTrimmed, extra, key);
    } else if (key == "quality") {
      article.quality = fields.integer(value, key, extra, key);
    } else if (key == "heat") {
      article.heat = fields.integer(value, key, extra, key);
    } else if (key == "published") {
      article.published = fields.boolean(value, key, extra, key);
    } else if (key == "removed") {
      article.removed = fields.boolean(value, key, extra, key);
    } else if (key == "secured") {
      article.secured = fields.text(value, key, TextKind::kVerbatim, extra, key);
    } else if (key == "provider") {
      article.provider = fields.provider(value, key, extra, key, parsed.provider_name_key);
    } else if (key == "images") {
      article.images = fields.images(value, key, extra, key);
    } else if (key == "topics") {
      // A list of names (a single name is taken as a list of one).
      std::vector<const Node*> items;
      if (value.is_scalar()) {
        items.push_back(&value);
      } else if (value.is_sequence()) {
        for (const Node& item : value.items) items.push_back(&item);
      } else if (!value.is_null()) {
        fields.warn(value, key, "a list of topic names");
        extra[key] = to_json(value);
      }
      bool complete = true;
      bool deduplicated = false;
      for (std::size_t t = 0; t < items.size(); ++t) {
        const Node& item = *items[t];
        const std::string field = "topics[" + std::to_string(t) + "]";
        if (item.is_null()) continue;
        if (!item.is_scalar()) {
          fields.warn(item, field, "a topic name");
          complete = false;
          continue;
        }
        Topic topic;
        topic.name = text.clean(item.value, false);
        if (topic.name.empty()) continue;
        std::string topic_key = text.fold_key(topic.name);
        if (std::find(parsed.topic_keys.begin(), parsed.topic_keys.end(), topic_key) !=
            parsed.topic_keys.end()) {
          deduplicated = true;  // listed twice: kept once, the list as written is in `repaired`
          continue;
        }
        if (topic.name != item.value) fields.repaired()[field] = item.value;
        topic.slug = text.slug_for_key(topic_key);
        article.topics.push_back(std::move(topic));
        parsed.topic_keys.push_back(std::move(topic_key));
      }
      if (!complete) extra[key] = to_json(value);
      if (deduplicated) fields.repaired()[key] = to_json(value);
    } else if (key == "related") {
      if (value.is_sequence()) {
        bool complete = true;
        for (std::size_t r = 0; r < value.items.size(); ++r) {
          const std::string field = "related[" + std::to_string(r) + "]";
          RelatedKeys keys;
          if (auto related = fields.related(value.items[r], field, keys)) {
            article.related.push_back(std::move(*related));
            parsed.related_keys.push_back(std::move(keys));
          } else if (!value.items[r].is_null()) {
            fields.warn(value.items[r], field, "a related entry (a mapping)");
            complete = false;
          }
        }
        if (!complete) extra[key] = to_json(value);
      } else if (!value.is_null()) {
        fields.warn(value, key, "a list of related entries");
        extra[key] = to_json(value);
      }
    } else {
      extra[key] = to_json(value);
    }
  }

  if (article.title.empty() && !has_title_key && name_node != nullptr && name_node->is_scalar()) {
    article.title = text.clean(name_node->value, true);
  }
  if (article.title.empty()) {
    return reject(std::move(result), problem_at(path, root.position, Severity::kSkipped,
                                                "front matter has no title (nor a name)"));
  }

  if (const std::string_view body = parts.body; !normalize::trim(body).empty()) {
    article.body = std::string(body);
    article.body_format = format;
    try {
      parsed.body_text = body_text_of(body, format, text);
    } catch (const normalize::MarkupError& e) {
      // Where the body starts: the line after the closing fence.
      const auto at =
          util::position_of(content, static_cast<std::size_t>(body.data() - content.data()));
      return reject(std::move(result),
                    problem_at(path, {at.line, 1}, Severity::kError,
                               std::string("body: ") + e.what() + "; the file is not imported"));
    }
  }
  if (article.web_url) {
    parsed.canonical_url = normalize::canonical_url(*article.web_url);
  }
  if (!parsed.canonical_url && article.original_url) {
    parsed.canonical_url = normalize::canonical_url(*article.original_url);
  }

  article.extra_json = extra.dump();
  article.repaired_json = fields.repaired().dump();
  Json layout = Json::object();
  collect_layout(root, "", layout);
  article.layout_json = compact_layout(layout).dump();
  result.outcome = ParseResult::Outcome::kArticle;
  return result;
}

}  // namespace articledb::record
