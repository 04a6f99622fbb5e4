#include "search/article_terms.h"

#include <SQLiteCpp/Column.h>

#include <algorithm>

#include "search/bm25.h"

namespace articledb::search {
namespace {

// One token as found: where its text is in the arena, and its column's weight.
struct Found {
  std::uint32_t offset;
  std::uint32_t size;
  std::uint32_t weight;
};

}  // namespace

ArticleTerms article_terms(Tokenizer& tokenizer, const IndexedColumns& columns) {
  ArticleTerms out;
  // Every token's text in one buffer, sorted as small records: no allocation per token, and
  // a sort that moves 12 bytes where it would move strings.
  std::string arena;
  std::vector<Found> found;
  for (std::size_t column = 0; column < columns.size(); ++column) {
    const auto weight = static_cast<std::uint32_t>(kColumnWeights[column]);
    tokenizer.tokenize(columns[column], [&](std::string_view token) {
      found.push_back({static_cast<std::uint32_t>(arena.size()),
                       static_cast<std::uint32_t>(token.size()), weight});
      arena.append(token);
      ++out.length;
    });
  }
  auto text = [&arena](const Found& f) { return std::string_view(arena).substr(f.offset, f.size); };
  std::sort(found.begin(), found.end(),
            [&](const Found& a, const Found& b) { return text(a) < text(b); });
  for (const Found& f : found) {
    const std::string_view term = text(f);
    if (!out.terms.empty() && out.terms.back().first == term) {
      out.terms.back().second += f.weight;
    } else {
      out.terms.emplace_back(std::string(term), f.weight);
    }
  }
  return out;
}

TermCounts count_terms(Tokenizer& tokenizer, const IndexedColumns& columns,
                       const std::vector<std::string>& terms) {
  TermCounts out;
  out.frequency.assign(terms.size(), 0);
  for (std::size_t column = 0; column < columns.size(); ++column) {
    const auto weight = static_cast<std::uint32_t>(kColumnWeights[column]);
    tokenizer.tokenize(columns[column], [&](std::string_view token) {
      for (std::size_t i = 0; i < terms.size(); ++i) {
        if (token == terms[i]) out.frequency[i] += weight;
      }
      ++out.length;
    });
  }
  return out;
}

IndexedColumns indexed_columns(SQLite::Statement& row, int first) {
  IndexedColumns columns;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const SQLite::Column value = row.getColumn(first + static_cast<int>(k));
    columns[k] = value.isNull() ? std::string_view()
                                : std::string_view(static_cast<const char*>(value.getBlob()),
                                                   static_cast<std::size_t>(value.getBytes()));
  }
  return columns;
}

}  // namespace articledb::search
