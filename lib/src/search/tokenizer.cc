#include "search/tokenizer.h"

#include <stdexcept>
#include <string>

#include "search/fts.h"

namespace articledb::search {
Tokenizer::Tokenizer() {
  if (sqlite3_open_v2(":memory:", &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    sqlite3_close(db_);
    throw std::runtime_error("cannot open SQLite in memory");
  }
  fts5_api* api = fts5_api_of(db_);
  void* user_data = nullptr;
  // The same options as articles_fts: see schema/0002_external_content_index.sql.
  const char* options[] = {"remove_diacritics", "2"};
  if (api == nullptr || api->xFindTokenizer(api, "unicode61", &user_data, &api_) != SQLITE_OK ||
      api_.xCreate(user_data, options, 2, &instance_) != SQLITE_OK) {
    sqlite3_close(db_);
    throw std::runtime_error("SQLite has no FTS5 unicode61 tokenizer");
  }
}

Tokenizer::~Tokenizer() {
  if (instance_ != nullptr) api_.xDelete(instance_);
  sqlite3_close(db_);
}

void Tokenizer::tokenize(std::string_view text,
                         const std::function<void(std::string_view)>& on_token) {
  if (text.empty()) return;
  auto callback = [](void* context, int flags, const char* token, int length, int, int) -> int {
    if ((flags & FTS5_TOKEN_COLOCATED) == 0) {
      (*static_cast<const std::function<void(std::string_view)>*>(context))(
          std::string_view(token, static_cast<std::size_t>(length)));
    }
    return SQLITE_OK;
  };
  api_.xTokenize(instance_, const_cast<std::function<void(std::string_view)>*>(&on_token),
                 FTS5_TOKENIZE_DOCUMENT, text.data(), static_cast<int>(text.size()), callback);
}

std::string Tokenizer::phrase(std::string_view text) {
  std::string words;
  tokenize(text, [&](std::string_view token) {
    if (!words.empty()) words += ' ';
    words += token;
  });
  return words.empty() ? words : '"' + words + '"';
}

void Tokenizer::tokenize(
    std::string_view text,
    const std::function<void(std::string_view token, int start, int end)>& on_token) {
  if (text.empty()) return;
  using Callback = std::function<void(std::string_view, int, int)>;
  auto callback = [](void* context, int flags, const char* token, int length, int start,
                     int end) -> int {
    if ((flags & FTS5_TOKEN_COLOCATED) == 0) {
      (*static_cast<const Callback*>(context))(
          std::string_view(token, static_cast<std::size_t>(length)), start, end);
    }
    return SQLITE_OK;
  };
  api_.xTokenize(instance_, const_cast<Callback*>(&on_token), FTS5_TOKENIZE_DOCUMENT, text.data(),
                 static_cast<int>(text.size()), callback);
}

}  // namespace articledb::search
