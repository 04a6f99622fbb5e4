#include "query/query_parser.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

#include "util/ascii.h"

namespace articledb::query {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// What the words of `text` look like to the unicode61 tokenizer.
struct Letters {
  bool any = false;       // a letter or digit: something the tokenizer indexes
  bool unspaced = false;  // a script written without spaces between words
};

Letters letters_of(std::string_view text) {
  Letters letters;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || !u_isalnum(c)) continue;
    letters.any = true;
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(c, &status)) {
      case USCRIPT_HAN:
      case USCRIPT_HIRAGANA:
      case USCRIPT_KATAKANA:
      case USCRIPT_THAI:
      case USCRIPT_LAO:
      case USCRIPT_KHMER:
      case USCRIPT_MYANMAR:
        letters.unspaced = true;
        break;
      default:
        break;
    }
  }
  return letters;
}

// One lexical item of the user's text.
struct Token {
  enum class Kind { kWord, kPhrase, kOr, kAnd, kNot };
  Kind kind = Kind::kWord;
  std::string text;
  bool negated = false;              // written with a leading '-'
  std::optional<std::string> field;  // written as field:value
};

const char* field_of(std::string_view name) {
  const std::string lower = util::ascii_lower(name);
  if (lower == "title") return "title";
  if (lower == "excerpt") return "excerpt";
  if (lower == "body") return "body";
  if (lower == "topic" || lower == "topics") return "topic";
  if (lower == "provider") return "provider";
  return nullptr;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (i >= text.size()) break;
    Token token;
    if (text[i] == '-' && i + 1 < text.size() && !is_space(text[i + 1])) {
      token.negated = true;
      ++i;
    }
    // field: prefix
    std::size_t j = i;
    while (j < text.size() &&
           ((text[j] >= 'a' && text[j] <= 'z') || (text[j] >= 'A' && text[j] <= 'Z')))
      ++j;
    if (j > i && j < text.size() && text[j] == ':') {
      if (const char* field = field_of(text.substr(i, j - i))) {
        token.field = field;
        i = j + 1;
      }
    }
    if (i < text.size() && text[i] == '"') {
      const std::size_t close = text.find('"', i + 1);
      const std::size_t end = close == std::string_view::npos ? text.size() : close;
      token.kind = Token::Kind::kPhrase;
      token.text = std::string(text.substr(i + 1, end - i - 1));
      i = close == std::string_view::npos ? text.size() : close + 1;
      if (i < text.size() && text[i] == '*') {
        token.text += '*';
        ++i;
      }
    } else {
      std::size_t end = i;
      while (end < text.size() && !is_space(text[end])) ++end;
      token.text = std::string(text.substr(i, end - i));
      i = end;
      if (!token.negated && !token.field) {
        if (token.text == "OR") token.kind = Token::Kind::kOr;
        if (token.text == "AND") token.kind = Token::Kind::kAnd;
        if (token.text == "NOT") token.kind = Token::Kind::kNot;
      }
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    out.push_back(c);
    if (c == '"') out.push_back('"');
  }
  out.push_back('"');
  return out;
}

std::string term_expression(const Term& term) {
  std::string out;
  if (term.column) out = *term.column + " : ";
  out += quoted(term.text);
  if (term.prefix) out += '*';
  return out;
}

std::string clause_expression(const Clause& clause) {
  if (clause.any.size() == 1) return term_expression(clause.any.front());
  std::string out = "(";
  for (std::size_t i = 0; i < clause.any.size(); ++i) {
    if (i > 0) out += " OR ";
    out += term_expression(clause.any[i]);
  }
  return out + ")";
}

}  // namespace

bool ParsedQuery::has_positive_clause() const {
  for (const Clause& clause : clauses) {
    if (!clause.negated) return true;
  }
  return false;
}

ParsedQuery parse_query(std::string_view text, const ParseLimits& limits) {
  ParsedQuery query;
  if (text.size() > limits.max_bytes) {
    std::size_t cut = limits.max_bytes;  // at the start of a character
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
    query.notes.push_back("the query is longer than " + std::to_string(limits.max_bytes) +
                          " bytes: the rest was left out");
  }
  // FTS5 reads its query as a C string: a NUL byte would end it inside a quoted term.
  std::string without_nul(text);
  std::replace(without_nul.begin(), without_nul.end(), '\0', ' ');
  const std::vector<Token> tokens = tokenize(without_nul);
  bool pending_or = false;
  bool pending_not = false;
  std::size_t terms = 0;
  std::size_t prefixes = 0;
  bool prefix_note = false;
  bool symbol_note = false;
  for (const Token& token : tokens) {
    if (query.clauses.size() >= kMaxClauses || terms >= limits.max_terms) {
      if (token.kind == Token::Kind::kWord || token.kind == Token::Kind::kPhrase) {
        query.notes.push_back("the query has more than " +
                              std::to_string(std::min(kMaxClauses, limits.max_terms)) +
                              " words: the rest were left out");
        break;
      }
      continue;
    }
    switch (token.kind) {
      case Token::Kind::kOr:
        pending_or = !query.clauses.empty() && !query.clauses.back().negated;
        continue;
      case Token::Kind::kAnd:
        continue;
      case Token::Kind::kNot:
        pending_not = true;
        continue;
      case Token::Kind::kWord:
      case Token::Kind::kPhrase:
        break;
    }
    std::string value = token.text;
    bool prefix = false;
    while (!value.empty() && value.back() == '*') {
      value.pop_back();
      prefix = true;
    }
    const Letters letters = letters_of(value);
    if (token.field && (*token.field == "topic" || *token.field == "provider")) {
      if (!value.empty()) {
        (*token.field == "topic" ? query.topics : query.providers).push_back(value);
      }
      pending_or = pending_not = false;
      continue;
    }
    if (!letters.any) {  // nothing the tokenizer would index
      pending_or = pending_not = false;
      continue;
    }
    if (prefix && !letters.unspaced) {
      if (prefixes >= limits.max_prefix_terms) {
        prefix = false;
        if (!prefix_note) {
          query.notes.push_back("the query has more than " +
                                std::to_string(limits.max_prefix_terms) +
                                " prefix words (word*): the rest are searched as whole words");
          prefix_note = true;
        }
      } else {
        ++prefixes;
      }
    }
    // Symbols are not indexed: "C++" finds every lone "c". Say so once.
    if (token.kind == Token::Kind::kWord && !symbol_note &&
        value.find_first_of("+#") != std::string::npos) {
      query.notes.push_back("'" + value +
                            "' is searched without its symbols (+ and # are not "
                            "indexed), so it also finds the word alone");
      symbol_note = true;
    }
    ++terms;
    Term term;
    term.text = std::move(value);
    term.phrase = token.kind == Token::Kind::kPhrase;
    term.prefix = prefix || letters.unspaced;
    term.unspaced = letters.unspaced;
    term.column = token.field;
    const bool negated = token.negated || pending_not;
    if (pending_or && !negated) {
      query.clauses.back().any.push_back(std::move(term));
    } else {
      Clause clause;
      clause.negated = negated;
      clause.any.push_back(std::move(term));
      query.clauses.push_back(std::move(clause));
    }
    pending_or = pending_not = false;
  }
  return query;
}

std::string ParsedQuery::to_string() const {
  std::string out = "AND(";
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    if (i > 0) out += ", ";
    const Clause& clause = clauses[i];
    out += clause.negated ? "NOT(" : "OR(";
    for (std::size_t t = 0; t < clause.any.size(); ++t) {
      if (t > 0) out += ' ';
      const Term& term = clause.any[t];
      if (term.column) out += *term.column + ":";
      out += quoted(term.text);
      if (term.phrase) out += "~phrase";
      if (term.prefix) out += '*';
    }
    out += ')';
  }
  out += ')';
  auto list = [&out](const char* name, const std::vector<std::string>& values) {
    if (values.empty()) return;
    out += std::string(" ") + name + ":[";
    for (std::size_t i = 0; i < values.size(); ++i) out += (i > 0 ? "|" : "") + values[i];
    out += ']';
  };
  list("topic", topics);
  list("provider", providers);
  return out;
}

FtsExpression to_fts5(const ParsedQuery& query) {
  std::string positive;
  std::string negative;
  for (const Clause& clause : query.clauses) {
    std::string& target = clause.negated ? negative : positive;
    if (!target.empty()) target += clause.negated ? " OR " : " AND ";
    target += clause_expression(clause);
  }
  FtsExpression expression;
  if (positive.empty()) {
    expression.excluded = negative;
  } else if (negative.empty()) {
    expression.match = positive;
  } else {
    expression.match = "(" + positive + ") NOT (" + negative + ")";
  }
  return expression;
}

}  // namespace articledb::query
