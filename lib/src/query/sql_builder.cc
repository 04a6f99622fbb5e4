#include "query/sql_builder.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <type_traits>
#include <variant>

#include "articledb/error.h"
#include "util/ascii.h"

namespace articledb::query {
namespace {

// "?, ?, ?" for `count` placeholders.
std::string placeholders(std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

// The ids of the topics `names` name (by folded key or slug): SQL over `topics`, its values
// appended to `values`.
std::string topic_ids(const std::vector<std::string>& names, normalize::TextNormalizer& text,
                      std::vector<SqlValue>& values) {
  for (const auto& name : names) values.push_back(text.fold_key(name));
  for (const auto& name : names) values.push_back(util::ascii_lower(name));
  return "SELECT id FROM topics WHERE key IN (" + placeholders(names.size()) + ") OR slug IN (" +
         placeholders(names.size()) + ")";
}

// The ids of the providers `names` name: by domain (a domain names its provider, or
// everyone's on a platform), by folded name, or by one or more whole words of the name
// ("hindu" for "The Hindu"). SQL over `providers`, its values appended to `values`.
std::string provider_ids(const std::vector<std::string>& names, normalize::TextNormalizer& text,
                         std::vector<SqlValue>& values) {
  std::vector<SqlValue> domains;
  std::vector<SqlValue> keys;
  for (const auto& provider : names) {
    const auto domain = text.domain(provider);
    domains.push_back(domain ? *domain : std::string());
    keys.push_back(text.fold_key(provider));
  }
  values.insert(values.end(), domains.begin(), domains.end());
  values.insert(values.end(), domains.begin(), domains.end());
  values.insert(values.end(), keys.begin(), keys.end());
  std::string words;
  for (auto& key : keys) {
    values.push_back(std::move(key));
    words += " OR instr(' ' || name_key || ' ', ' ' || ? || ' ') > 0";
  }
  const std::string n = placeholders(names.size());
  return "SELECT id FROM providers WHERE domain IN (" + n + ") OR platform IN (" + n +
         ") OR name_key IN (" + n + ")" + words;
}

// `text` as a LIKE pattern matching itself (escape character '\').
std::string like_literal(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::vector<std::string> collection_folders(std::string_view collection) {
  std::vector<std::string> folders;
  std::size_t start = 0;
  while (start <= collection.size()) {
    std::size_t slash = collection.find('/', start);
    if (slash == std::string_view::npos) slash = collection.size();
    std::string_view folder = collection.substr(start, slash - start);
    if (!folder.empty() && folder[0] == '_') folder.remove_prefix(1);
    if (!folder.empty()) folders.emplace_back(folder);
    start = slash + 1;
  }
  return folders;
}

void add_collection_condition(Conditions& c, std::string_view collection) {
  const std::vector<std::string> folders = collection_folders(collection);
  if (folders.empty()) {
    c.add("a.collection = ?", {std::string(collection)});
    return;
  }
  if (folders.size() > kMaxCollectionFolders) {
    throw Error(ErrorCode::kInvalidArgument, "a collection is at most " +
                                                 std::to_string(kMaxCollectionFolders) +
                                                 " folders deep ('learning/courses')");
  }
  // Folders in a row anywhere in the path, each written with or without its '_'.
  std::string sql = "(a.collection = ?";
  std::vector<SqlValue> values{folders.size() == 1 ? folders[0] : std::string(collection)};
  for (unsigned mask = 0; mask < (1u << folders.size()); ++mask) {
    std::string pattern = "%/";
    for (std::size_t i = 0; i < folders.size(); ++i) {
      if (mask & (1u << i)) pattern += "\\_";
      pattern += like_literal(folders[i]) + "/";
    }
    values.push_back(pattern + "%");
    sql += " OR ('/' || a.path) LIKE ? ESCAPE '\\'";
  }
  c.add(sql + ")", std::move(values));
}

std::string articles_from(const std::vector<std::string>& sql, bool facets_index) {
  if (!facets_index) return " FROM articles AS a";
  static constexpr std::string_view kCovered[] = {"id", "provider_id", "published_at"};
  auto identifier = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
  };
  for (const std::string& text : sql) {
    for (std::size_t at = text.find("a."); at != std::string::npos; at = text.find("a.", at + 2)) {
      if (at > 0 && (identifier(text[at - 1]) || text[at - 1] == '.')) continue;  // "data.x"
      std::size_t end = at + 2;
      while (end < text.size() && identifier(text[end])) ++end;
      const std::string_view column(text.data() + at + 2, end - at - 2);
      if (std::find(std::begin(kCovered), std::end(kCovered), column) == std::end(kCovered)) {
        return " FROM articles AS a";
      }
    }
  }
  return " FROM articles AS a INDEXED BY articles_facets";
}

void Conditions::add(std::string condition, std::vector<SqlValue> bound) {
  sql.push_back(std::move(condition));
  for (auto& value : bound) values.push_back(std::move(value));
}

std::string Conditions::where() const {
  std::string out;
  for (std::size_t i = 0; i < sql.size(); ++i) out += (i == 0 ? " WHERE " : " AND ") + sql[i];
  return out;
}

Conditions filter_conditions(const Filter& filter, normalize::TextNormalizer& text) {
  Conditions c;
  if (!filter.topics.empty()) {
    // A topic is named by its name (compared by folded key) or its slug.
    auto topic_match = [&](const std::vector<std::string>& names, std::vector<SqlValue>& values) {
      return "EXISTS (SELECT 1 FROM article_topics AS l WHERE l.article_id = a.id AND "
             "l.topic_id IN (" +
             topic_ids(names, text, values) + "))";
    };
    if (filter.all_topics) {
      for (const auto& topic : filter.topics) {
        std::vector<SqlValue> values;
        std::string sql = topic_match({topic}, values);
        c.add(std::move(sql), std::move(values));
      }
    } else {
      std::vector<SqlValue> values;
      std::string sql = topic_match(filter.topics, values);
      c.add(std::move(sql), std::move(values));
    }
  }
  if (!filter.providers.empty()) {
    // A provider is named as provider_ids() says, or by the name the article itself gives.
    std::vector<SqlValue> values;
    std::string sql = "(a.provider_id IN (" + provider_ids(filter.providers, text, values) +
                      ") OR a.provider_name IN (" + placeholders(filter.providers.size()) + "))";
    for (const auto& provider : filter.providers) values.push_back(provider);
    c.add(std::move(sql), std::move(values));
  }
  if (filter.collection) add_collection_condition(c, *filter.collection);
  if (filter.category) c.add("a.category = ?", {*filter.category});
  if (filter.type) c.add("a.type = ?", {*filter.type});
  if (filter.published) c.add("a.published = ?", {std::int64_t{*filter.published ? 1 : 0}});
  if (filter.removed) {
    // Not removed includes articles that do not say.
    c.add(*filter.removed ? "a.removed = 1" : "coalesce(a.removed, 0) = 0");
  }
  if (filter.published_since) {
    c.add("a.published_at >= ?", {format_timestamp(*filter.published_since)});
  }
  if (filter.published_before) {
    c.add("a.published_at < ?", {format_timestamp(*filter.published_before)});
  }
  if (filter.min_quality) c.add("a.quality >= ?", {*filter.min_quality});
  if (filter.min_heat) c.add("a.heat >= ?", {*filter.min_heat});
  return c;
}

std::vector<CandidateSource> candidate_sources(const Filter& filter,
                                               normalize::TextNormalizer& text) {
  std::vector<CandidateSource> out;
  auto topics = [&](const std::vector<std::string>& names) {
    CandidateSource source;
    const std::string ids = topic_ids(names, text, source.ids.values);
    source.ids.sql = "SELECT article_id FROM article_topics WHERE topic_id IN (" + ids + ")";
    source.spellings.sql =
        "SELECT DISTINCT coalesce(l.label, t.name) FROM article_topics AS l JOIN topics AS t "
        "ON t.id = l.topic_id WHERE l.topic_id IN (" +
        ids + ")";
    source.spellings.values = source.ids.values;
    source.spelling_column = "topics";
    out.push_back(std::move(source));
  };
  if (filter.all_topics) {
    for (const auto& topic : filter.topics) topics({topic});
  } else if (!filter.topics.empty()) {
    topics(filter.topics);
  }
  if (!filter.providers.empty()) {
    CandidateSource source;
    const std::string ids = provider_ids(filter.providers, text, source.ids.values);
    source.ids.sql = "SELECT id FROM articles WHERE provider_id IN (" + ids + ")";
    source.own_names = filter.providers;
    source.spellings.sql =
        "SELECT DISTINCT provider_name FROM articles WHERE provider_id IN (" + ids + ")";
    source.spellings.values = source.ids.values;
    source.spelling_column = "provider";
    out.push_back(std::move(source));
  }
  return out;
}

int bind_values(SQLite::Statement& statement, const std::vector<SqlValue>& values, int first) {
  int index = first;
  for (const SqlValue& value : values) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
      statement.bind(index, *i);
    } else if (const auto* d = std::get_if<double>(&value)) {
      statement.bind(index, *d);
    } else {
      statement.bind(index, std::get<std::string>(value));
    }
    ++index;
  }
  return index;
}

std::string source_key(const CandidateSource& source) {
  std::string key;
  auto add_text = [&key](std::string_view text) {
    key += std::to_string(text.size());
    key += ':';
    key += text;
  };
  add_text(source.ids.sql);
  for (const SqlValue& value : source.ids.values) {
    key += std::to_string(value.index());
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::string>) {
            add_text(v);
          } else if constexpr (std::is_same_v<T, double>) {
            add_text(std::to_string(std::bit_cast<std::uint64_t>(v)));  // every bit
          } else {
            add_text(std::to_string(v));
          }
        },
        value);
  }
  key += 'n';
  for (const std::string& name : source.own_names) add_text(name);
  return key;
}

}  // namespace articledb::query
