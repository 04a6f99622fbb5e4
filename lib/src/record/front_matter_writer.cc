#include "record/front_matter_writer.h"

#include <yaml.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace articledb::record {
namespace {

using Json = nlohmann::ordered_json;

// The value of `field` as written when it was repaired, else `value`.
class Writer {
 public:
  explicit Writer(const Article& article)
      : article_(article), repaired_(Json::parse(article.repaired_json, nullptr, false)) {
    if (!repaired_.is_object()) repaired_ = Json::object();
    extra_ = Json::parse(article.extra_json, nullptr, false);
    if (!extra_.is_object()) extra_ = Json::object();
    layout_ = Json::parse(article.layout_json, nullptr, false);
    if (!layout_.is_object()) layout_ = Json::object();
  }

  Json tree() {
    Json out = Json::object();
    text(out, "category", "category", article_.category);
    // A profile's title came from its `name`, which is among the extra keys.
    bool wrote_title = true;
    if (layout_.contains("") && layout_[""].is_array()) {
      wrote_title =
          std::find(layout_[""].begin(), layout_[""].end(), Json("title")) != layout_[""].end();
    } else if (extra_.contains("name") && !repaired_.contains("title")) {
      wrote_title = extra_["name"] != Json(article_.title);
    }
    if (wrote_title) {
      text(out, "title", "title", std::optional<std::string>(article_.title));
    }
    text(out, "excerpt", "excerpt", article_.excerpt);
    time(out, "publishedDateTime", "publishedDateTime", article_.published_at);
    text(out, "originalUrl", "originalUrl", article_.original_url);
    text(out, "webUrl", "webUrl", article_.web_url);
    text(out, "ampWebUrl", "ampWebUrl", article_.amp_web_url);
    text(out, "cdnAmpWebUrl", "cdnAmpWebUrl", article_.cdn_amp_web_url);
    text(out, "type", "type", article_.type);
    value(out, "quality", article_.quality);
    value(out, "heat", article_.heat);
    value(out, "published", article_.published);
    value(out, "removed", article_.removed);
    if (article_.provider) {
      Json own = extra_.contains("provider") && extra_["provider"].is_object() ? extra_["provider"]
                                                                               : Json::object();
      out["provider"] = provider(*article_.provider, "provider", own);
    }
    if (!extra_.contains("topics")) {
      if (repaired_.contains("topics")) {
        out["topics"] = repaired_["topics"];  // the list as written, with its repeats
      } else if (!article_.topics.empty()) {
        Json topics = Json::array();
        for (std::size_t i = 0; i < article_.topics.size(); ++i) {
          topics.push_back(
              as_written("topics[" + std::to_string(i) + "]", Json(article_.topics[i].name)));
        }
        out["topics"] = std::move(topics);
      }
    }
    if (!extra_.contains("images") && !article_.images.empty()) {
      out["images"] = images(article_.images, "images");
    }
    if (!extra_.contains("related") && !article_.related.empty()) {
      Json related = Json::array();
      for (std::size_t i = 0; i < article_.related.size(); ++i) {
        related.push_back(this->related(article_.related[i], "related[" + std::to_string(i) + "]"));
      }
      out["related"] = std::move(related);
    }
    text(out, "secured", "secured", article_.secured);
    return as_laid_out(ordered(out, extra_), "");
  }

 private:
  // The fields, then the extra keys in their order; a field that also has extra keys (a
  // provider's own keys) goes where they were, so that they come back in the same order.
  static Json ordered(const Json& fields, const Json& extra) {
    Json out = Json::object();
    for (const auto& [key, value] : fields.items()) {
      if (!extra.contains(key)) out[key] = value;
    }
    for (const auto& [key, value] : extra.items()) {
      out[key] = fields.contains(key) ? fields[key] : value;
    }
    return out;
  }

  // `object` with the keys the file wrote at `path` first, in the file's order.
  Json as_laid_out(const Json& object, const std::string& path) const {
    auto order = layout_.find(path);
    if (order == layout_.end()) order = layout_.find(generic_path(path));
    if (order == layout_.end() || !order->is_array()) return object;
    Json out = Json::object();
    // A key the file wrote without a value (null, or empty text) is written as null.
    for (const Json& key : *order) {
      if (!key.is_string()) continue;
      const std::string name = key.get<std::string>();
      out[name] = object.contains(name) ? object[name] : Json(nullptr);
    }
    for (const auto& [key, value] : object.items()) {
      if (!out.contains(key)) out[key] = value;
    }
    return out;
  }

  Json as_written(const std::string& field, Json value) const {
    const auto it = repaired_.find(field);
    return it != repaired_.end() ? *it : value;
  }

  void text(Json& out, const char* key, const std::string& field,
            const std::optional<std::string>& value) {
    if (repaired_.contains(field)) {
      out[key] = repaired_[field];
    } else if (value) {
      out[key] = *value;
    }
  }

  void time(Json& out, const char* key, const std::string& field,
            const std::optional<Timestamp>& value) {
    text(out, key, field,
         value ? std::optional<std::string>(format_timestamp(*value)) : std::nullopt);
  }

  template <class T>
  static void value(Json& out, const char* key, const std::optional<T>& value) {
    if (value) out[key] = *value;
  }

  static void merge_extra(Json& object, const std::string& extra_json) {
    const Json extra = Json::parse(extra_json, nullptr, false);
    if (!extra.is_object()) return;
    for (const auto& [key, value] : extra.items()) {
      if (!object.contains(key)) object[key] = value;
    }
  }

  Json images(const std::vector<Image>& list, const std::string& field) {
    Json out = Json::array();
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Image& image = list[i];
      const std::string at = field + "[" + std::to_string(i) + "]";
      Json object = Json::object();
      text(object, "url", at + ".url", image.url);
      value(object, "width", image.width);
      value(object, "height", image.height);
      text(object, "title", at + ".title", image.title);
      value(object, "isCached", image.is_cached);
      merge_extra(object, image.extra_json);
      out.push_back(as_laid_out(object, at));
    }
    return out;
  }

  Json provider(const Provider& provider, const std::string& field, const Json& own) {
    Json object = Json::object();
    text(object, "name", field + ".name", std::optional<std::string>(provider.name));
    text(object, "domain", field + ".domain", provider.domain);
    if (!provider.images.empty() && !own.contains("images")) {
      object["images"] = images(provider.images, field + ".images");
    }
    for (const auto& [key, value] : own.items()) {
      if (!object.contains(key)) object[key] = value;
    }
    return as_laid_out(object, field);
  }

  Json related(const Related& r, const std::string& field) {
    Json object = Json::object();
    text(object, "title", field + ".title", r.title);
    text(object, "excerpt", field + ".excerpt", r.excerpt);
    time(object, "publishedDateTime", field + ".publishedDateTime", r.published_at);
    text(object, "webUrl", field + ".webUrl", r.web_url);
    text(object, "ampWebUrl", field + ".ampWebUrl", r.amp_web_url);
    text(object, "cdnAmpWebUrl", field + ".cdnAmpWebUrl", r.cdn_amp_web_url);
    text(object, "type", field + ".type", r.type);
    value(object, "quality", r.quality);
    Json extra = Json::parse(r.extra_json, nullptr, false);
    if (!extra.is_object()) extra = Json::object();
    if (r.provider) {
      const Json own = extra.contains("provider") && extra["provider"].is_object()
                           ? extra["provider"]
                           : Json::object();
      object["provider"] = provider(*r.provider, field + ".provider", own);
    }
    return as_laid_out(ordered(object, extra), field);
  }

  const Article& article_;
  Json repaired_;
  Json extra_;
  Json layout_;
};

// YAML text of a JSON value, with libyaml's emitter: strings double-quoted (so that "106",
// "true" or "2022-09-13" stay strings), numbers, booleans and null plain.
class Emitter {
 public:
  Emitter() {
    if (!yaml_emitter_initialize(&emitter_)) throw std::runtime_error("cannot start YAML emitter");
    yaml_emitter_set_output(&emitter_, &Emitter::write, &text_);
    yaml_emitter_set_unicode(&emitter_, 1);
    yaml_emitter_set_width(&emitter_, -1);
    yaml_emitter_set_indent(&emitter_, 2);
  }
  ~Emitter() { yaml_emitter_delete(&emitter_); }
  Emitter(const Emitter&) = delete;
  Emitter& operator=(const Emitter&) = delete;

  std::string document(const Json& root) {
    yaml_event_t event;
    yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING);
    emit(event);
    yaml_document_start_event_initialize(&event, nullptr, nullptr, nullptr, 1);
    emit(event);
    value(root);
    yaml_document_end_event_initialize(&event, 1);
    emit(event);
    yaml_stream_end_event_initialize(&event);
    emit(event);
    yaml_emitter_flush(&emitter_);
    return std::move(text_);
  }

 private:
  static int write(void* data, unsigned char* buffer, std::size_t size) {
    static_cast<std::string*>(data)->append(reinterpret_cast<const char*>(buffer), size);
    return 1;
  }

  void emit(yaml_event_t& event) {
    if (!yaml_emitter_emit(&emitter_, &event)) {
      throw std::runtime_error(std::string("cannot write YAML: ") +
                               (emitter_.problem != nullptr ? emitter_.problem : "error"));
    }
  }

  void scalar(const std::string& text, yaml_scalar_style_t style) {
    yaml_event_t event;
    yaml_scalar_event_initialize(&event, nullptr, nullptr,
                                 reinterpret_cast<const yaml_char_t*>(text.data()),
                                 static_cast<int>(text.size()), 1, 1, style);
    emit(event);
  }

  void value(const Json& value) {
    yaml_event_t event;
    switch (value.type()) {
      case Json::value_t::object:
        yaml_mapping_start_event_initialize(&event, nullptr, nullptr, 1, YAML_BLOCK_MAPPING_STYLE);
        emit(event);
        for (const auto& [key, item] : value.items()) {
          scalar(key, YAML_ANY_SCALAR_STYLE);
          this->value(item);
        }
        yaml_mapping_end_event_initialize(&event);
        emit(event);
        break;
      case Json::value_t::array:
        yaml_sequence_start_event_initialize(&event, nullptr, nullptr, 1,
                                             YAML_BLOCK_SEQUENCE_STYLE);
        emit(event);
        for (const Json& item : value) this->value(item);
        yaml_sequence_end_event_initialize(&event);
        emit(event);
        break;
      case Json::value_t::string:
        scalar(value.get<std::string>(), YAML_DOUBLE_QUOTED_SCALAR_STYLE);
        break;
      case Json::value_t::null:
        scalar("null", YAML_PLAIN_SCALAR_STYLE);
        break;
      default:  // numbers and booleans, as JSON writes them
        scalar(value.dump(), YAML_PLAIN_SCALAR_STYLE);
        break;
    }
  }

  yaml_emitter_t emitter_{};
  std::string text_;
};

}  // namespace

std::string generic_path(const std::string& path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    out += path[i];
    if (path[i] == '[') {
      while (i + 1 < path.size() && path[i + 1] != ']') ++i;
    }
  }
  return out;
}

std::string to_front_matter(const Article& article) {
  const Json tree = Writer(article).tree();
  std::string file = "---\n" + Emitter().document(tree) + "---\n";
  if (article.body) file += *article.body;
  return file;
}

}  // namespace articledb::record

namespace articledb {

std::string to_front_matter(const Article& article) { return record::to_front_matter(article); }

}  // namespace articledb
