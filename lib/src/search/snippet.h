// Snippets for ranked hits: the best fragment of an article's indexed text, with the query's
// terms marked, found with the index's own tokenizer from the text already read for the hit
// (no second full-text query per hit, which costs more than the whole ranking).
#ifndef ARTICLEDB_SEARCH_SNIPPET_H_
#define ARTICLEDB_SEARCH_SNIPPET_H_

#include <string>
#include <string_view>
#include <vector>

#include "search/article_terms.h"
#include "search/tokenizer.h"

namespace articledb::search {

struct SnippetStyle {
  std::string open = "[";
  std::string close = "]";
  std::string ellipsis = "...";
  int words = 16;
};

/// The fragment of at most `style.words` tokens, from the column holding the most distinct
/// `terms` (tokens of the index), that holds the most of them; each matching token wrapped
/// in the style's marks, "..." where the column's text is cut.
std::string snippet(Tokenizer& tokenizer, const IndexedColumns& columns,
                    const std::vector<std::string>& terms, const SnippetStyle& style);

}  // namespace articledb::search

#endif  // ARTICLEDB_SEARCH_SNIPPET_H_
