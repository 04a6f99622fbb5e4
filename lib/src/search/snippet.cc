#include "search/snippet.h"

#include <algorithm>

namespace articledb::search {
namespace {

struct Token {
  int start;
  int end;
  int term;  // index in the query's terms, -1 for none
};

}  // namespace

std::string snippet(Tokenizer& tokenizer, const IndexedColumns& columns,
                    const std::vector<std::string>& terms, const SnippetStyle& style) {
  const int words = std::max(1, style.words);
  std::vector<Token> best_tokens;
  std::size_t best_column = 0;
  std::size_t best_distinct = 0;
  for (std::size_t column = 0; column < columns.size(); ++column) {
    std::vector<Token> tokens;
    tokenizer.tokenize(columns[column], [&](std::string_view token, int start, int end) {
      const auto it = std::find(terms.begin(), terms.end(), token);
      tokens.push_back({start, end, it == terms.end() ? -1 : static_cast<int>(it - terms.begin())});
    });
    std::vector<bool> seen(terms.size(), false);
    std::size_t distinct = 0;
    for (const Token& t : tokens) {
      if (t.term >= 0 && !seen[static_cast<std::size_t>(t.term)]) {
        seen[static_cast<std::size_t>(t.term)] = true;
        ++distinct;
      }
    }
    // The column with the most distinct terms; the first with text when none has any.
    if (distinct > best_distinct || (best_tokens.empty() && !tokens.empty())) {
      best_distinct = distinct;
      best_column = column;
      best_tokens = std::move(tokens);
    }
  }
  if (best_tokens.empty()) return {};
  const std::string_view text = columns[best_column];

  // The window of `words` tokens with the most distinct terms, then the most matches; it
  // starts a little before its first match, so that the match has some context.
  const int count = static_cast<int>(best_tokens.size());
  int best_start = 0;
  std::pair<int, int> best_score{-1, -1};
  for (int start = 0; start < count; ++start) {
    if (best_tokens[static_cast<std::size_t>(start)].term < 0 && start > 0) continue;
    std::vector<bool> seen(terms.size(), false);
    int distinct = 0;
    int matches = 0;
    for (int i = start; i < std::min(count, start + words); ++i) {
      const int term = best_tokens[static_cast<std::size_t>(i)].term;
      if (term < 0) continue;
      ++matches;
      if (!seen[static_cast<std::size_t>(term)]) {
        seen[static_cast<std::size_t>(term)] = true;
        ++distinct;
      }
    }
    if (std::make_pair(distinct, matches) > best_score) {
      best_score = {distinct, matches};
      best_start = start;
    }
  }
  if (best_start > 0) best_start = std::max(0, best_start - words / 4);
  best_start = std::max(0, std::min(best_start, count - words));
  const int last = std::min(count, best_start + words) - 1;

  std::string out;
  if (best_start > 0) out += style.ellipsis;
  int position = best_tokens[static_cast<std::size_t>(best_start)].start;
  for (int i = best_start; i <= last; ++i) {
    const Token& t = best_tokens[static_cast<std::size_t>(i)];
    out.append(text.substr(static_cast<std::size_t>(position),
                           static_cast<std::size_t>(t.start - position)));
    const std::string_view word =
        text.substr(static_cast<std::size_t>(t.start), static_cast<std::size_t>(t.end - t.start));
    if (t.term >= 0) {
      out += style.open;
      out.append(word);
      out += style.close;
    } else {
      out.append(word);
    }
    position = t.end;
  }
  if (last + 1 < count) out += style.ellipsis;
  return out;
}

}  // namespace articledb::search
