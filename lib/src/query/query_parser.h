// The search language of DESIGN §7: plain user text to a small syntax tree, and the tree to
// an FTS5 MATCH expression plus SQL filters. Each stage is separate so that a wrong result can
// be pinned to its stage.
//
//   words            all must match (in any column)
//   "a phrase"       the words next to each other (an unbalanced quote ends at the end)
//   -word, -"a b"    must not match; NOT word works too
//   prefix*          any word starting with prefix
//   a OR b           either
//   title:w  excerpt:w  body:w   a word (or "phrase") in one column
//   topic:AI  topic:"Machine Learning"   only articles with that topic (all given must match)
//   provider:zdnet.com  provider:ZDNet   only articles of that provider (any given may match)
//
// Anything else is taken as words: plain text never makes a syntax error. Words without a
// letter or digit ("*", "-", "++", emoji) are dropped; a word in a script written without
// spaces (Chinese, Japanese, Thai...) is matched as a prefix, since unicode61 indexes such a
// run of text as one token.
#ifndef ARTICLEDB_QUERY_QUERY_PARSER_H_
#define ARTICLEDB_QUERY_QUERY_PARSER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace articledb::query {

struct Term {
  std::string text;
  bool phrase = false;                ///< written in quotes
  bool prefix = false;                ///< ends with '*' (or forced for scripts without spaces)
  bool unspaced = false;              ///< has letters of a script written without spaces
  std::optional<std::string> column;  ///< "title", "excerpt" or "body"
};

/// Terms joined by OR; a query is the AND of its clauses.
struct Clause {
  bool negated = false;
  std::vector<Term> any;
};

struct ParsedQuery {
  std::vector<Clause> clauses;
  std::vector<std::string> notes;      ///< what of the text was left out, and why
  std::vector<std::string> topics;     ///< topic: filters, all must match
  std::vector<std::string> providers;  ///< provider: filters, any may match

  bool empty() const { return clauses.empty() && topics.empty() && providers.empty(); }
  bool has_positive_clause() const;
  /// A readable form of the tree, e.g. `AND(OR("open" title:"model"*), NOT("closed")) topic:[AI]`.
  std::string to_string() const;
};

/// At most this many clauses are kept from one query; the rest of the text is ignored.
inline constexpr std::size_t kMaxClauses = 64;

/// Bounds on what parse_query keeps of a text (see articledb::QueryLimits).
struct ParseLimits {
  std::size_t max_bytes = 4096;
  std::size_t max_terms = 64;
  std::size_t max_prefix_terms = 8;
};

ParsedQuery parse_query(std::string_view text, const ParseLimits& limits = {});

/// An FTS5 MATCH expression. `match` holds the positive clauses (and the negative ones as
/// `NOT`); when there is no positive clause it is empty and `excluded` holds the negative
/// ones, for `rowid NOT IN (... MATCH excluded)`.
struct FtsExpression {
  std::string match;
  std::string excluded;
};
FtsExpression to_fts5(const ParsedQuery& query);

}  // namespace articledb::query

#endif  // ARTICLEDB_QUERY_QUERY_PARSER_H_
