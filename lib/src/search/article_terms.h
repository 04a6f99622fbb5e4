// What one article contributes to the ranking statistics: the weighted frequency of each of
// its terms (FTS5 bm25's phrase frequency: the sum of the column weights of its instances)
// and its length in tokens, computed with the index's own tokenizer.
#ifndef ARTICLEDB_SEARCH_ARTICLE_TERMS_H_
#define ARTICLEDB_SEARCH_ARTICLE_TERMS_H_

#include <SQLiteCpp/Statement.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "search/tokenizer.h"

namespace articledb::search {

struct ArticleTerms {
  std::vector<std::pair<std::string, std::uint32_t>> terms;  ///< by term: weighted frequency
  std::uint32_t length = 0;                                  ///< tokens in all columns
};

/// The indexed values of an article, in the index's column order: title, excerpt, body
/// text, topics, provider (empty for NULL).
using IndexedColumns = std::array<std::string_view, 5>;

ArticleTerms article_terms(Tokenizer& tokenizer, const IndexedColumns& columns);

struct TermCounts {
  std::vector<std::uint32_t> frequency;  ///< weighted, per term asked for (0 where absent)
  std::uint32_t length = 0;              ///< tokens in all columns
};

/// What article_terms() counts of a few `terms` only, without listing the article's others.
TermCounts count_terms(Tokenizer& tokenizer, const IndexedColumns& columns,
                       const std::vector<std::string>& terms);

/// The indexed values of the current row of `row`, from its columns `first` to `first` + 4
/// (title, excerpt, body text, topics, provider, in that order), as views into the row.
IndexedColumns indexed_columns(SQLite::Statement& row, int first);

}  // namespace articledb::search

#endif  // ARTICLEDB_SEARCH_ARTICLE_TERMS_H_
