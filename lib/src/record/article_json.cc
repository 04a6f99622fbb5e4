// Articles as JSON: the form of `articledb show --json` and of `export --format ndjson`.
#include <nlohmann/json.hpp>

#include "articledb/article.h"

namespace articledb {
namespace {

using Json = nlohmann::ordered_json;

template <class T>
Json optional_json(const std::optional<T>& value) {
  if (!value) return nullptr;
  return *value;
}

Json time_json(const std::optional<Timestamp>& time) {
  if (!time) return nullptr;
  return format_timestamp(*time);
}

Json parsed_json(const std::string& text) {
  return Json::parse(text, nullptr, /*allow_exceptions=*/false);
}

Json image_json(const Image& image) {
  return {{"url", optional_json(image.url)},
          {"width", optional_json(image.width)},
          {"height", optional_json(image.height)},
          {"title", optional_json(image.title)},
          {"is_cached", optional_json(image.is_cached)},
          {"extra", parsed_json(image.extra_json)}};
}

Json provider_json(const std::optional<Provider>& provider) {
  if (!provider) return nullptr;
  Json images = Json::array();
  for (const Image& image : provider->images) images.push_back(image_json(image));
  return {{"id", optional_json(provider->id)},
          {"name", provider->name},
          {"domain", optional_json(provider->domain)},
          {"images", images}};
}

Json article_json(const Article& a, bool with_body) {
  Json topics = Json::array();
  for (const Topic& t : a.topics)
    topics.push_back({{"id", optional_json(t.id)}, {"name", t.name}, {"slug", t.slug}});
  Json images = Json::array();
  for (const Image& image : a.images) images.push_back(image_json(image));
  Json related = Json::array();
  for (const Related& r : a.related) {
    related.push_back({{"title", optional_json(r.title)},
                       {"excerpt", optional_json(r.excerpt)},
                       {"published_at", time_json(r.published_at)},
                       {"web_url", optional_json(r.web_url)},
                       {"amp_web_url", optional_json(r.amp_web_url)},
                       {"cdn_amp_web_url", optional_json(r.cdn_amp_web_url)},
                       {"type", optional_json(r.type)},
                       {"quality", optional_json(r.quality)},
                       {"provider", provider_json(r.provider)},
                       {"article_id", optional_json(r.article_id)},
                       {"extra", parsed_json(r.extra_json)}});
  }
  Json out = {{"id", optional_json(a.id)},
              {"path", a.path},
              {"collection", optional_json(a.collection)},
              {"title", a.title},
              {"excerpt", optional_json(a.excerpt)},
              {"category", optional_json(a.category)},
              {"type", optional_json(a.type)},
              {"published_at", time_json(a.published_at)},
              {"original_url", optional_json(a.original_url)},
              {"web_url", optional_json(a.web_url)},
              {"amp_web_url", optional_json(a.amp_web_url)},
              {"cdn_amp_web_url", optional_json(a.cdn_amp_web_url)},
              {"quality", optional_json(a.quality)},
              {"heat", optional_json(a.heat)},
              {"published", optional_json(a.published)},
              {"removed", optional_json(a.removed)},
              {"secured", optional_json(a.secured)},
              {"provider", provider_json(a.provider)},
              {"topics", topics},
              {"images", images},
              {"related", related},
              {"extra", parsed_json(a.extra_json)},
              {"repaired", parsed_json(a.repaired_json)}};
  if (with_body) {  // null when the file has none, like every absent value
    static constexpr const char* kFormats[] = {"html", "markdown", "text"};
    out["body_format"] =
        a.body_format ? Json(kFormats[static_cast<int>(*a.body_format)]) : Json(nullptr);
    out["body"] = a.body ? Json(*a.body) : Json(nullptr);
  }
  return out;
}

}  // namespace

std::string to_json(const Article& article, bool with_body) {
  return article_json(article, with_body).dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace articledb
