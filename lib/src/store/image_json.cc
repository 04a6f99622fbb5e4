#include "store/image_json.h"

#include <nlohmann/json.hpp>

namespace articledb::store {
namespace {

using Json = nlohmann::ordered_json;

template <class T>
void put(Json& object, const char* key, const std::optional<T>& value) {
  if (value) object[key] = *value;
}

template <class T>
std::optional<T> take(Json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  std::optional<T> value;
  if (!it->is_null()) {
    try {
      value = it->get<T>();
    } catch (const Json::exception&) {
      return std::nullopt;  // left among the extra keys
    }
  }
  object.erase(it);
  return value;
}

}  // namespace

std::string images_json(const std::vector<Image>& images) {
  Json list = Json::array();
  for (const Image& image : images) {
    Json object = Json::object();
    put(object, "url", image.url);
    put(object, "width", image.width);
    put(object, "height", image.height);
    put(object, "title", image.title);
    put(object, "isCached", image.is_cached);
    const Json extra = Json::parse(image.extra_json, nullptr, false);
    if (extra.is_object()) {
      for (const auto& [key, value] : extra.items()) {
        if (!object.contains(key)) object[key] = value;
      }
    }
    list.push_back(std::move(object));
  }
  return list.dump();
}

std::vector<Image> images_from_json(std::string_view json) {
  std::vector<Image> images;
  Json list = Json::parse(json, nullptr, false);
  if (!list.is_array()) return images;
  for (Json& object : list) {
    if (!object.is_object()) continue;
    Image image;
    image.url = take<std::string>(object, "url");
    image.width = take<std::int64_t>(object, "width");
    image.height = take<std::int64_t>(object, "height");
    image.title = take<std::string>(object, "title");
    image.is_cached = take<bool>(object, "isCached");
    image.extra_json = object.dump();
    images.push_back(std::move(image));
  }
  return images;
}

}  // namespace articledb::store
