#include "import/read_parse.h"

#include <algorithm>

#include "util/hash.h"

namespace articledb::import {
namespace {

constexpr std::int64_t kRacyWindowNs = 25'000'000;
constexpr std::int64_t kRacyWindowCoarseNs = 2'000'000'000;

}  // namespace

std::int64_t racy_window(std::int64_t mtime_ns) {
  return mtime_ns % 1'000'000'000 == 0 ? kRacyWindowCoarseNs : kRacyWindowNs;
}

bool is_racy(std::int64_t mtime_ns, std::int64_t read_ns) {
  return mtime_ns + racy_window(mtime_ns) > read_ns;
}

std::size_t WorkResult::bytes() const {
  const Article& a = parse.parsed.article;
  std::size_t total = sizeof(WorkResult) + data.capacity() + a.title.capacity() +
                      a.extra_json.capacity() + a.repaired_json.capacity() +
                      terms.terms.size() * sizeof(terms.terms[0]);
  if (a.body) total += a.body->capacity();
  if (a.excerpt) total += a.excerpt->capacity();
  if (parse.parsed.body_text) total += parse.parsed.body_text->capacity();
  total += a.topics.size() * sizeof(Topic) + a.images.size() * sizeof(Image) +
           a.related.size() * sizeof(Related);
  return total;
}

const std::string* ReadParseStage::known_hash(std::size_t index) const {
  const auto& hashes = plan_.known_hashes;
  auto it = std::lower_bound(hashes.begin(), hashes.end(), index,
                             [](const auto& entry, std::size_t i) { return entry.first < i; });
  return it != hashes.end() && it->first == index ? &it->second : nullptr;
}

search::ArticleTerms terms_of(const record::ParsedArticle& parsed, search::Tokenizer& tokenizer) {
  const Article& a = parsed.article;
  std::string topics;  // as topics_text holds them
  for (const Topic& topic : a.topics) {
    if (!topics.empty()) topics += "; ";
    topics += topic.name;
  }
  return search::article_terms(
      tokenizer, {a.title, a.excerpt ? std::string_view(*a.excerpt) : std::string_view(),
                  parsed.body_text ? std::string_view(*parsed.body_text) : std::string_view(),
                  topics, a.provider ? std::string_view(a.provider->name) : std::string_view()});
}

WorkResult ReadParseStage::run(std::size_t index, WorkerTools& tools) const {
  const WorkItem& item = plan_.to_read[index];
  WorkResult result;
  if (item.stat.size > options_.max_file_size) {
    result.error = "file is too large (" + std::to_string(item.stat.size) +
                   " bytes; the limit is " + std::to_string(options_.max_file_size) +
                   ", see --max-file-size)";
    return result;
  }
  const std::int64_t read_ns = files_.now_ns();
  source::FileContents contents;
  try {
    contents = files_.read(plan_.absolute(item), options_.max_file_size);
  } catch (const source::FileError& e) {
    result.error = e.what();
    return result;
  }
  result.facts.size = contents.stat.size;
  result.facts.mtime_ns = contents.stat.mtime_ns;
  result.facts.content_hash = util::content_hash(contents.data);
  result.facts.verified = !is_racy(contents.stat.mtime_ns, read_ns);
  if (!options_.force && item.known_id != 0) {
    const std::string* hash = known_hash(index);
    if (hash != nullptr && *hash == result.facts.content_hash) {
      result.kind = WorkResult::Kind::kSameContent;
      return result;
    }
  }
  if (!options_.force && item.known_id == 0 &&
      missing_hashes_.count(result.facts.content_hash) != 0) {
    result.kind = WorkResult::Kind::kMovedContent;
    result.data = std::move(contents.data);
    return result;
  }
  result.data = std::move(contents.data);
  parse(item, result, tools);
  return result;
}

void ReadParseStage::parse(const WorkItem& item, WorkResult& result, WorkerTools& tools) const {
  result.kind = WorkResult::Kind::kParsed;
  const std::string_view path = plan_.path(item);
  result.parse =
      record::parse_article(result.data, plan_.display(item),
                            record::body_format_for(path).value_or(BodyFormat::kText), tools.text);
  std::string().swap(result.data);  // gives the buffer back (assigning "" may keep it)
  if (with_terms_ && result.parse.outcome == record::ParseResult::Outcome::kArticle) {
    result.terms = terms_of(result.parse.parsed, tools.tokenizer);
  }
}

}  // namespace articledb::import
