// Plain text out of HTML and Markdown, with real parsers: libxml2's HTML parser (as a stream
// of events: no document tree) and md4c's Markdown parser.
//
// Hostile markup is bounded: nesting deeper than MarkupLimits::max_depth, markup longer than
// max_bytes or work beyond max_seconds stops with MarkupError, never a deep recursion, a
// quadratic blow-up or a hang.
#ifndef ARTICLEDB_NORMALIZE_MARKUP_H_
#define ARTICLEDB_NORMALIZE_MARKUP_H_

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace articledb::normalize {

struct MarkupLimits {
  int max_depth = 256;               ///< nested elements, lists or quotes
  std::size_t max_bytes = 4u << 20;  ///< of markup read as a body
  double max_seconds = 2.0;          ///< of work on one body
};

/// A body that exceeds a limit; what() says which, for the file's problem report.
class MarkupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Visible text of an HTML document or fragment: no tags, no comments, no <head>, <script>
/// or <style>; entities decoded; runs of white space collapsed to one space; trimmed.
/// Throws MarkupError.
std::string html_to_text(std::string_view html, const MarkupLimits& limits = {});

/// Text of a Markdown document (CommonMark with GitHub extensions; raw HTML blocks are read as
/// html_to_text() does). Throws MarkupError.
std::string markdown_to_text(std::string_view markdown, const MarkupLimits& limits = {});

/// `text` with its HTML character references decoded ("AT&amp;T" -> "AT&T") as a browser
/// would show it; anything that looks like a tag is left as written.
std::string decode_html_entities(std::string_view text);

}  // namespace articledb::normalize

#endif  // ARTICLEDB_NORMALIZE_MARKUP_H_
