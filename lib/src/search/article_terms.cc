#include "search/article_terms.h"

#include <algorithm>

#include "search/bm25.h"

namespace articledb::search {

ArticleTerms article_terms(Tokenizer& tokenizer, const IndexedColumns& columns) {
  ArticleTerms out;
  std::vector<std::pair<std::string, std::uint32_t>> all;
  for (std::size_t column = 0; column < columns.size(); ++column) {
    const auto weight = static_cast<std::uint32_t>(kColumnWeights[column]);
    tokenizer.tokenize(columns[column], [&](std::string_view token) {
      all.emplace_back(std::string(token), weight);
      ++out.length;
    });
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [term, weight] : all) {
    if (!out.terms.empty() && out.terms.back().first == term) {
      out.terms.back().second += weight;
    } else {
      out.terms.emplace_back(std::move(term), weight);
    }
  }
  return out;
}

}  // namespace articledb::search
