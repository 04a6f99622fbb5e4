// The tokenizer of the full-text index (FTS5's unicode61 with diacritics removed), run in
// this process through FTS5's own API: the terms it gives are exactly those articles_fts
// holds, so statistics kept beside the index agree with it.
#ifndef ARTICLEDB_SEARCH_TOKENIZER_H_
#define ARTICLEDB_SEARCH_TOKENIZER_H_

#include <sqlite3.h>

#include <functional>
#include <string>
#include <string_view>

namespace articledb::search {

/// Not thread-safe: one per thread. Throws std::runtime_error if SQLite lacks FTS5.
class Tokenizer {
 public:
  Tokenizer();
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  /// Calls `on_token` for each token of `text`, in order, as FTS5 indexes it (folded).
  void tokenize(std::string_view text, const std::function<void(std::string_view)>& on_token);

  /// The tokens of `text` as an FTS5 phrase, quoted ("\"machine learning\""), to be matched
  /// against the index; empty when `text` has none. Every token the index holds is letters
  /// and digits: none needs escaping.
  std::string phrase(std::string_view text);

  /// The same as tokenize() above, with where each token is in `text` (byte offsets, end
  /// excluded).
  void tokenize(std::string_view text,
                const std::function<void(std::string_view token, int start, int end)>& on_token);

 private:
  sqlite3* db_ = nullptr;  // a private in-memory connection, for the fts5_api pointer
  fts5_tokenizer api_{};
  Fts5Tokenizer* instance_ = nullptr;
};

}  // namespace articledb::search

#endif  // ARTICLEDB_SEARCH_TOKENIZER_H_
